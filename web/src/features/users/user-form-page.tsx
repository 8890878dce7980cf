// Create and edit a user account: roles and organisations limited to what the actor may assign;
// deactivate, reactivate and reset the second factor with a confirmation.
import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconInfoCircle } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { type Language, type Role, roles } from "../../app/domain";
import { useFormat } from "../../app/format";
import { emailPattern, focusFirstInvalid, minPasswordLength, serverFieldErrors } from "../../app/forms";
import { notifySuccess } from "../../app/notify";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import { type Me, useMe } from "../auth/auth.api";
import { allOrganisationsQuery, type Organisation } from "../organisations/organisations.api";
import { type User, userQuery, usersApi } from "./users.api";
import { useUserStrings } from "./users.i18n";

const editRoute = getRouteApi("/_app/users/$userId");
const fields = ["email", "name", "organisationId", "role", "password", "locale"] as const;

export function NewUserPage() {
  const organisations = useQuery(allOrganisationsQuery);
  if (organisations.isPending) return <PageLoader />;
  if (organisations.error) return <ProblemAlert error={organisations.error} />;
  return <UserForm organisations={organisations.data} />;
}

export function EditUserPage() {
  const { userId } = editRoute.useParams();
  const user = useQuery(userQuery(userId));
  const organisations = useQuery(allOrganisationsQuery);
  if (user.isPending || organisations.isPending) return <PageLoader />;
  if (user.error || organisations.error) return <ProblemAlert error={user.error ?? organisations.error} />;
  return <UserForm key={`${user.data.id}:${user.data.version}`} user={user.data} organisations={organisations.data} />;
}

type Values = {
  email: string;
  name: string;
  organisationId: string;
  role: Role | "";
  password: string;
  locale: Language;
};

/** Organisations the actor may put users into, plus the user's current one (shown even if not assignable). */
function organisationOptions(me: Me, all: Organisation[], current?: string) {
  const allowed = me.abilities.manageUsersOf;
  return all.filter((o) => o.id === current || ((allowed === "all" || allowed.includes(o.id)) && o.active));
}

function UserForm({ user, organisations }: { user?: User; organisations: Organisation[] }) {
  const t = useUserStrings();
  const { t: tc } = useTranslation();
  const { t: tv } = useTranslation("vocabulary");
  const fmt = useFormat();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<null | "deactivate" | "reactivate" | "resetTotp">(null);
  const self = user?.id === me.user.id;

  const orgs = organisationOptions(me, organisations, user?.organisationId);
  const roleOptions = roles.filter((r) => me.abilities.assignableRoles.includes(r) || r === user?.role);
  const singleOrg = orgs.length === 1 ? orgs[0]?.id : undefined;

  const form = useForm<Values>({
    initialValues: {
      email: user?.email ?? "",
      name: user?.name ?? "",
      organisationId: user?.organisationId ?? singleOrg ?? "",
      role: user?.role ?? "",
      password: "",
      locale: user?.locale ?? "de",
    },
    validate: {
      email: (v) =>
        user
          ? null
          : !v.trim()
            ? tc("validation.required")
            : !emailPattern.test(v.trim())
              ? tc("validation.email")
              : null,
      name: (v) => (!v.trim() ? tc("validation.required") : null),
      organisationId: (v) => (v ? null : tc("validation.select")),
      role: (v) => (v ? null : tc("validation.select")),
      password: (v) =>
        !user && !v
          ? tc("validation.required")
          : v && v.length < minPasswordLength
            ? tc("validation.minLength", { count: minPasswordLength })
            : null,
    },
  });

  const done = async (message: string, leave: boolean) => {
    await queryClient.invalidateQueries({ queryKey: ["users"] });
    notifySuccess(message);
    if (leave) await navigate({ to: "/users" });
  };

  const fail = (e: unknown) => {
    setBusy(false);
    const mapped = serverFieldErrors(e, fields, tc);
    if (Object.keys(mapped.fields).length > 0) {
      form.setErrors(mapped.fields);
      focusFirstInvalid();
      if (mapped.rest.length > 0) setError(e);
    } else setError(e);
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      if (!user) {
        const created = await usersApi.create({
          email: v.email.trim(),
          name: v.name.trim(),
          organisationId: v.organisationId,
          role: v.role as Role,
          password: v.password,
          locale: v.locale,
        });
        await done(t("form.created", { name: created.name }), true);
      } else {
        const changes: Parameters<typeof usersApi.update>[1] = { version: user.version };
        if (v.name.trim() !== user.name) changes.name = v.name.trim();
        if (v.role !== user.role) changes.role = v.role as Role;
        if (v.organisationId !== user.organisationId) changes.organisationId = v.organisationId;
        if (v.locale !== user.locale) changes.locale = v.locale;
        if (v.password) changes.password = v.password;
        const saved = await usersApi.update(user.id, changes);
        await done(t("form.saved", { name: saved.name }), true);
      }
    } catch (e) {
      fail(e);
    }
  };

  const act = async () => {
    if (!user || !confirming) return;
    const action = confirming;
    setConfirming(null);
    setError(null);
    try {
      const body =
        action === "resetTotp"
          ? { resetTotp: true as const, version: user.version }
          : { active: action === "reactivate", version: user.version };
      await usersApi.update(user.id, body);
      const message =
        action === "resetTotp"
          ? t("form.totpReset", { name: user.name })
          : action === "deactivate"
            ? t("form.deactivated", { name: user.name })
            : t("form.reactivated", { name: user.name });
      await done(message, false);
    } catch (e) {
      setError(e);
    }
  };

  const conflict = error instanceof ApiError && error.code === "version-conflict";

  return (
    <>
      <PageHeader
        title={user ? t("form.editTitle") : t("form.createTitle")}
        description={
          user
            ? `${user.name} · ${user.lastLoginAt ? t("form.lastLogin", { date: fmt.dateTime(user.lastLoginAt) }) : t("form.neverLoggedIn")}`
            : undefined
        }
      />
      <ProblemAlert
        error={error}
        action={
          conflict && user ? (
            <Button
              variant="default"
              onClick={async () => {
                setError(null);
                await queryClient.invalidateQueries({ queryKey: userQuery(user.id).queryKey });
              }}
            >
              {tc("actions.reload")}
            </Button>
          ) : undefined
        }
      />
      {self ? (
        <Alert variant="light" color="strang" icon={<IconInfoCircle aria-hidden="true" />} mb="md" maw="46rem">
          {t("form.self")}
        </Alert>
      ) : null}
      <Stack gap="lg" maw="46rem">
        <Paper withBorder p="xl" radius="md">
          <form onSubmit={form.onSubmit(submit, focusFirstInvalid)} noValidate>
            <Stack gap="lg">
              {user ? <Title order={2}>{t("form.accountSection")}</Title> : null}
              <TextInput
                label={t("form.name")}
                withAsterisk
                aria-required="true"
                autoComplete="off"
                {...form.getInputProps("name")}
              />
              {user ? (
                <TextInput
                  label={t("form.email")}
                  value={user.email}
                  readOnly
                  variant="filled"
                  description={t("form.emailFixed")}
                />
              ) : (
                <TextInput
                  label={t("form.email")}
                  description={t("form.emailDescription")}
                  type="email"
                  autoComplete="off"
                  withAsterisk
                  aria-required="true"
                  {...form.getInputProps("email")}
                />
              )}
              <NativeSelect
                label={t("form.organisation")}
                withAsterisk
                aria-required="true"
                disabled={self}
                data={[
                  ...(singleOrg ? [] : [{ value: "", label: t("form.choose"), disabled: true }]),
                  ...orgs.map((o) => ({ value: o.id, label: o.name })),
                ]}
                {...form.getInputProps("organisationId")}
              />
              <NativeSelect
                label={t("form.role")}
                description={t("form.roleDescription")}
                withAsterisk
                aria-required="true"
                disabled={self}
                data={[
                  { value: "", label: t("form.choose"), disabled: true },
                  ...roleOptions.map((r) => ({ value: r, label: tv(`role.${r}`) })),
                ]}
                {...form.getInputProps("role")}
              />
              <NativeSelect
                label={t("form.locale")}
                data={[
                  { value: "de", label: "Deutsch" },
                  { value: "en", label: "English" },
                ]}
                {...form.getInputProps("locale")}
              />
              <PasswordInput
                label={user ? t("form.newPassword") : t("form.password")}
                description={
                  user
                    ? t("form.newPasswordDescription", { count: minPasswordLength })
                    : t("form.passwordDescription", { count: minPasswordLength })
                }
                autoComplete="new-password"
                withAsterisk={!user}
                aria-required={user ? undefined : "true"}
                {...form.getInputProps("password")}
              />
              <Group gap="sm">
                <Button type="submit" loading={busy}>
                  {tc("actions.save")}
                </Button>
                <Button variant="default" onClick={() => navigate({ to: "/users" })}>
                  {tc("actions.cancel")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        {user ? (
          <Paper withBorder p="xl" radius="md">
            <Stack gap="md">
              <Title order={2}>{t("form.securitySection")}</Title>
              <Group justify="space-between" gap="md">
                <Text>{user.active ? t("form.statusActive") : t("form.statusInactive")}</Text>
                {!self ? (
                  user.active ? (
                    <Button variant="outline" color="red.9" onClick={() => setConfirming("deactivate")}>
                      {t("form.deactivate")}
                    </Button>
                  ) : (
                    <Button variant="outline" onClick={() => setConfirming("reactivate")}>
                      {t("form.reactivate")}
                    </Button>
                  )
                ) : null}
              </Group>
              <Group justify="space-between" gap="md">
                <Text>{user.totpEnabled ? t("form.twoFactorOn") : t("form.twoFactorOff")}</Text>
                {user.totpEnabled && !self ? (
                  <Button variant="outline" onClick={() => setConfirming("resetTotp")}>
                    {t("form.resetTotp")}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </Paper>
        ) : null}
      </Stack>
      {user ? (
        <Modal
          opened={confirming !== null}
          onClose={() => setConfirming(null)}
          title={
            confirming === "resetTotp"
              ? t("form.resetTotp")
              : confirming === "deactivate"
                ? t("form.deactivate")
                : t("form.reactivate")
          }
          closeButtonProps={{ "aria-label": tc("actions.close") }}
          centered
        >
          <Text mb="lg">
            {confirming === "resetTotp"
              ? t("form.resetTotpConfirm", { name: user.name })
              : confirming === "deactivate"
                ? t("form.deactivateConfirm", { name: user.name })
                : t("form.reactivateConfirm", { name: user.name })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {tc("actions.cancel")}
            </Button>
            <Button color={confirming === "deactivate" ? "red.9" : undefined} onClick={act} data-autofocus>
              {tc("actions.confirm")}
            </Button>
          </Group>
        </Modal>
      ) : null}
    </>
  );
}
