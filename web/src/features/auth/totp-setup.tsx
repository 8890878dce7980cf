// TOTP enrolment: a new secret as QR code and as text, confirmed with a code from the app.
import { Alert, Button, CopyButton, Group, Image, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconCheck, IconCopy, IconShieldCheck } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { ProblemAlert } from "../../app/page";
import { authApi, type Me, meQueryKey, type TotpSetup as Setup } from "./auth.api";
import { useAuthStrings } from "./auth.i18n";

const grouped = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

export function TotpSetup({ onDone }: { onDone: (me: Me) => void }) {
  const t = useAuthStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setSetup(await authApi.totpSetup());
      setTimeout(() => document.getElementById("totp-step-2")?.focus());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (e: React.FormEvent) => {
    e.preventDefault();
    const clean = code.replace(/\s/g, "");
    if (!/^\d{6}$/.test(clean)) {
      setCodeError(t("login.codeFormat"));
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    setCodeError(null);
    setError(null);
    try {
      const me = await authApi.totpConfirm(clean);
      queryClient.setQueryData(meQueryKey, me);
      onDone(me);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === "invalid-totp") {
        setCodeError(t("totp.wrongCode"));
        setCode("");
        codeRef.current?.focus();
      } else setError(err);
    }
  };

  return (
    <Stack gap="lg">
      <ProblemAlert error={error} />
      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h3" mb="xs">
          {t("totp.step1")}
        </Title>
        <Text mb="md">{t("totp.step1Text")}</Text>
        {!setup ? (
          <Button onClick={start} loading={busy} leftSection={<IconShieldCheck size={18} aria-hidden="true" />}>
            {t("totp.start")}
          </Button>
        ) : null}
      </Paper>
      {setup ? (
        <>
          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h3" mb="xs" id="totp-step-2" tabIndex={-1} className="page-heading">
              {t("totp.step2")}
            </Title>
            <Text mb="md">{t("totp.step2Text")}</Text>
            <Group align="flex-start" gap="xl">
              <Image
                className="qr"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
                alt={t("totp.qrAlt")}
                w={192}
                h={192}
              />
              <Stack gap={6}>
                <Text fw={600} id="totp-secret-label">
                  {t("totp.secret")}
                </Text>
                <Group gap="xs">
                  <code className="secret" data-testid="totp-secret">
                    {grouped(setup.secret)}
                  </code>
                  <CopyButton value={setup.secret}>
                    {({ copied, copy }) => (
                      <Button
                        variant="default"
                        size="xs"
                        onClick={copy}
                        leftSection={
                          copied ? (
                            <IconCheck size={14} aria-hidden="true" />
                          ) : (
                            <IconCopy size={14} aria-hidden="true" />
                          )
                        }
                      >
                        {copied ? tc("actions.copied") : tc("actions.copy")}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Stack>
            </Group>
          </Paper>
          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h3" mb="xs">
              {t("totp.step3")}
            </Title>
            <Text mb="md">{t("totp.step3Text")}</Text>
            <form onSubmit={confirm} noValidate>
              <Group align="flex-end" gap="md">
                <TextInput
                  ref={codeRef}
                  label={t("totp.code")}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                  withAsterisk
                  aria-required="true"
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  error={codeError}
                  styles={{ input: { fontSize: "1.25rem", letterSpacing: "0.3em", width: "11rem" } }}
                />
                <Button type="submit" loading={busy}>
                  {t("totp.confirm")}
                </Button>
              </Group>
            </form>
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}

export function TotpDoneAlert() {
  const t = useAuthStrings();
  return (
    <Alert color="green" variant="light" role="status" icon={<IconShieldCheck aria-hidden="true" />}>
      {t("totp.alreadyEnabled")}
    </Alert>
  );
}
