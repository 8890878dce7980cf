// Sign-in: e-mail and password, then the TOTP code when the account has one.
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconInfoCircle, IconLock } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate, useRouter, useSearch } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { emailPattern } from "../../app/forms";
import { adoptAccountLanguage } from "../../app/language";
import { problemMessage, useDocumentTitle } from "../../app/page";
import { PublicFrame } from "../../app/public-frame";
import { authApi, meQuery } from "./auth.api";
import { useAuthStrings } from "./auth.i18n";

/** Only same-origin paths, so that the redirect cannot send the user elsewhere. */
export const safeRedirect = (value: unknown): string | undefined =>
  typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/login")
    ? value
    : undefined;

export function LoginPage() {
  const t = useAuthStrings();
  const { t: tc } = useTranslation();
  useDocumentTitle(t("login.title"));
  const search = useSearch({ from: "/login" });
  const navigate = useNavigate();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<"credentials" | "totp">("credentials");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const form = useForm({ initialValues: { email: "", password: "", totp: "" } });

  useEffect(() => {
    if (step === "totp") totpRef.current?.focus();
  }, [step]);

  const submit = async (values: typeof form.values) => {
    setError(null);
    const errors: Record<string, string> = {};
    if (!values.email.trim()) errors.email = tc("validation.required");
    else if (!emailPattern.test(values.email.trim())) errors.email = tc("validation.email");
    if (!values.password) errors.password = tc("validation.required");
    if (step === "totp" && !/^\d{6}$/.test(values.totp.replace(/\s/g, ""))) errors.totp = t("login.codeFormat");
    form.setErrors(errors);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();
    if (errors.totp) return totpRef.current?.focus();

    setBusy(true);
    try {
      const res = await authApi.login({
        email: values.email.trim(),
        password: values.password,
        ...(step === "totp" ? { totp: values.totp.replace(/\s/g, "") } : {}),
      });
      await adoptAccountLanguage(res.user.locale, res.secondFactor === "done");
      queryClient.removeQueries();
      await queryClient.fetchQuery(meQuery);
      if (res.secondFactor === "enrol") {
        await navigate({ to: "/two-factor/setup" });
      } else {
        const target = safeRedirect(search.redirect);
        if (target) router.history.push(target);
        else await navigate({ to: "/" });
      }
    } catch (e) {
      setBusy(false);
      if (!(e instanceof ApiError)) return setError(tc("errors.generic"));
      switch (e.code) {
        case "totp-required":
          setStep("totp");
          return;
        case "invalid-totp":
          // In this order: changing a value clears its error.
          form.setFieldValue("totp", "");
          form.setFieldError("totp", t("login.invalidTotp"));
          totpRef.current?.focus();
          return;
        case "invalid-credentials":
          setStep("credentials");
          form.setFieldValue("password", "");
          setError(t("login.invalidCredentials"));
          passwordRef.current?.focus();
          return;
        case "too-many-attempts": {
          const seconds = Number(e.problem.retryAfterSeconds);
          setError(
            Number.isFinite(seconds) && seconds > 0
              ? t("login.throttled", { minutes: Math.max(1, Math.ceil(seconds / 60)) })
              : t("login.throttledShort"),
          );
          return;
        }
        default:
          setError(problemMessage(e, tc as never));
      }
    }
  };

  const restart = () => {
    setStep("credentials");
    setError(null);
    form.reset();
    setTimeout(() => emailRef.current?.focus());
  };

  return (
    <PublicFrame>
      <Stack gap="lg">
        <div>
          <Text fw={600} c="strang.8">
            {tc("productTagline")}
          </Text>
        </div>
        <Paper withBorder shadow="xs" p="xl" radius="md">
          <Stack gap="md">
            <Title order={1} className="page-heading">
              {t("login.title")}
            </Title>
            {search.signedOut && !error ? (
              <Alert role="status" variant="light" color="strang" icon={<IconInfoCircle aria-hidden="true" />}>
                {t("login.signedOut")}
              </Alert>
            ) : null}
            {search.expired && !error ? (
              <Alert role="status" variant="light" color="strang" icon={<IconInfoCircle aria-hidden="true" />}>
                {tc("errors.sessionExpired")}
              </Alert>
            ) : null}
            {error ? (
              <Alert
                role="alert"
                variant="light"
                color="red"
                data-testid="login-error"
                styles={{ message: { color: "#3a0d09" } }}
              >
                {error}
              </Alert>
            ) : null}
            <form onSubmit={form.onSubmit(submit)} noValidate>
              <Stack gap="md">
                {step === "credentials" ? (
                  <>
                    <Text>{t("login.intro")}</Text>
                    <TextInput
                      ref={emailRef}
                      label={t("login.email")}
                      type="email"
                      autoComplete="username"
                      withAsterisk
                      aria-required="true"
                      {...form.getInputProps("email")}
                    />
                    <PasswordInput
                      ref={passwordRef}
                      label={t("login.password")}
                      autoComplete="current-password"
                      withAsterisk
                      aria-required="true"
                      {...form.getInputProps("password")}
                    />
                  </>
                ) : (
                  <>
                    <Text>{t("login.totpIntro")}</Text>
                    <Text size="sm" c="dimmed">
                      {form.values.email}
                    </Text>
                    <TextInput
                      ref={totpRef}
                      label={t("login.totp")}
                      description={t("login.totpDescription")}
                      inputMode="numeric"
                      autoComplete="one-time-code"
                      maxLength={7}
                      withAsterisk
                      aria-required="true"
                      styles={{ input: { fontSize: "1.25rem", letterSpacing: "0.3em", maxWidth: "12rem" } }}
                      {...form.getInputProps("totp")}
                    />
                  </>
                )}
                <Button type="submit" loading={busy} leftSection={<IconLock size={18} aria-hidden="true" />} size="md">
                  {step === "totp" ? t("login.confirmCode") : t("login.submit")}
                </Button>
                {step === "totp" ? (
                  <Anchor component="button" type="button" onClick={restart} size="sm">
                    {t("login.otherAccount")}
                  </Anchor>
                ) : null}
              </Stack>
            </form>
          </Stack>
        </Paper>
        <Text size="sm" c="dimmed">
          {t("login.help")}
        </Text>
      </Stack>
    </PublicFrame>
  );
}
