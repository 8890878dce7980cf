// Changing one's own password.
import { Button, Group, Paper, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { focusFirstInvalid, minPasswordLength, serverFieldErrors } from "../../app/forms";
import { notifySuccess } from "../../app/notify";
import { PageHeader, ProblemAlert } from "../../app/page";
import { authApi } from "./auth.api";
import { useAuthStrings } from "./auth.i18n";

export function PasswordPage() {
  const t = useAuthStrings();
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", repeat: "" },
    validate: {
      currentPassword: (v) => (v ? null : tc("validation.required")),
      newPassword: (v) =>
        !v
          ? tc("validation.required")
          : v.length < minPasswordLength
            ? tc("validation.minLength", { count: minPasswordLength })
            : null,
      repeat: (v, values) => (v !== values.newPassword ? t("password.mismatch") : null),
    },
  });

  const submit = async (values: typeof form.values) => {
    setBusy(true);
    setError(null);
    try {
      await authApi.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      notifySuccess(t("password.success"));
      await navigate({ to: "/" });
    } catch (e) {
      setBusy(false);
      const mapped = serverFieldErrors(e, ["currentPassword", "newPassword"], tc, [
        [/wrong password/i, t("password.wrongCurrent")],
      ]);
      if (Object.keys(mapped.fields).length > 0) form.setErrors(mapped.fields);
      else setError(e);
    }
  };

  return (
    <>
      <PageHeader title={t("password.title")} description={t("password.intro")} />
      <Paper withBorder p="xl" radius="md" maw="32rem">
        <ProblemAlert error={error} />
        <form onSubmit={form.onSubmit(submit, focusFirstInvalid)} noValidate>
          <Stack gap="md">
            <PasswordInput
              label={t("password.current")}
              autoComplete="current-password"
              withAsterisk
              aria-required="true"
              {...form.getInputProps("currentPassword")}
            />
            <PasswordInput
              label={t("password.new")}
              description={t("password.newDescription", { count: minPasswordLength })}
              autoComplete="new-password"
              withAsterisk
              aria-required="true"
              {...form.getInputProps("newPassword")}
            />
            <PasswordInput
              label={t("password.repeat")}
              autoComplete="new-password"
              withAsterisk
              aria-required="true"
              {...form.getInputProps("repeat")}
            />
            <Group>
              <Button type="submit" loading={busy}>
                {t("password.submit")}
              </Button>
              <Button variant="default" onClick={() => navigate({ to: "/" })}>
                {tc("actions.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
