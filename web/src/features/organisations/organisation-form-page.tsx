// Create and edit an organisation; inline validation, server field errors, version conflicts.
import { Button, Checkbox, Fieldset, Group, NativeSelect, Paper, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { type OrganisationType, organisationTypes } from "../../app/domain";
import { useFormat } from "../../app/format";
import { emailPattern, focusFirstInvalid, serverFieldErrors } from "../../app/forms";
import { notifySuccess } from "../../app/notify";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import { type Organisation, type OrganisationInput, organisationQuery, organisationsApi } from "./organisations.api";
import { useOrganisationStrings } from "./organisations.i18n";

const editRoute = getRouteApi("/_app/organisations/$organisationId");
const fields = ["name", "type", "email", "phone", "address", "active"] as const;

export function NewOrganisationPage() {
  return <OrganisationForm />;
}

export function EditOrganisationPage() {
  const { organisationId } = editRoute.useParams();
  const query = useQuery(organisationQuery(organisationId));
  if (query.isPending) return <PageLoader />;
  if (query.error) return <ProblemAlert error={query.error} />;
  // Remount with fresh values whenever the stored version changes (e.g. after "reload").
  return <OrganisationForm key={`${query.data.id}:${query.data.version}`} organisation={query.data} />;
}

type Values = {
  name: string;
  type: OrganisationType | "";
  email: string;
  phone: string;
  address: string;
  active: boolean;
};

function OrganisationForm({ organisation }: { organisation?: Organisation }) {
  const t = useOrganisationStrings();
  const { t: tc } = useTranslation();
  const { t: tv } = useTranslation("vocabulary");
  const fmt = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editing = Boolean(organisation);

  const form = useForm<Values>({
    initialValues: {
      name: organisation?.name ?? "",
      type: organisation?.type ?? "",
      email: organisation?.email ?? "",
      phone: organisation?.phone ?? "",
      address: organisation?.address ?? "",
      active: organisation?.active ?? true,
    },
    validate: {
      name: (v) =>
        !v.trim() ? tc("validation.required") : v.length > 200 ? tc("validation.maxLength", { count: 200 }) : null,
      type: (v) => (v ? null : tc("validation.select")),
      email: (v) => (v.trim() && !emailPattern.test(v.trim()) ? tc("validation.email") : null),
      phone: (v) => (v.length > 50 ? tc("validation.maxLength", { count: 50 }) : null),
      address: (v) => (v.length > 500 ? tc("validation.maxLength", { count: 500 }) : null),
    },
  });

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    const body: OrganisationInput = {
      name: values.name.trim(),
      type: values.type as OrganisationType,
      email: values.email.trim() || null,
      phone: values.phone.trim() || null,
      address: values.address.trim() || null,
    };
    try {
      const saved = organisation
        ? await organisationsApi.update(organisation.id, {
            ...body,
            active: values.active,
            version: organisation.version,
          })
        : await organisationsApi.create(body);
      await queryClient.invalidateQueries({ queryKey: ["organisations"] });
      notifySuccess(editing ? t("form.saved", { name: saved.name }) : t("form.created", { name: saved.name }));
      // The organisation's place is its directory entry, where the administration starts.
      await navigate({ to: "/directory/$organisationId", params: { organisationId: saved.id } });
    } catch (e) {
      setBusy(false);
      const mapped = serverFieldErrors(e, fields, tc);
      if (Object.keys(mapped.fields).length > 0) {
        form.setErrors(mapped.fields);
        focusFirstInvalid();
        if (mapped.rest.length > 0) setError(e);
      } else setError(e);
    }
  };

  const conflict = error instanceof ApiError && error.code === "version-conflict";
  const reload = async () => {
    if (!organisation) return;
    setError(null);
    await queryClient.invalidateQueries({ queryKey: organisationQuery(organisation.id).queryKey });
  };

  return (
    <>
      <PageHeader
        title={editing ? t("form.editTitle") : t("form.createTitle")}
        description={
          organisation
            ? `${organisation.name} · ${t("form.version", { version: organisation.version, date: fmt.dateTime(organisation.updatedAt) })}`
            : undefined
        }
      />
      <ProblemAlert
        error={error}
        action={
          conflict ? (
            <Button variant="default" onClick={reload}>
              {tc("actions.reload")}
            </Button>
          ) : undefined
        }
      />
      <Paper withBorder p="xl" radius="md" maw="46rem">
        <form onSubmit={form.onSubmit(submit, focusFirstInvalid)} noValidate>
          <Stack gap="lg">
            <TextInput
              label={t("form.name")}
              description={t("form.nameDescription")}
              withAsterisk
              aria-required="true"
              maxLength={200}
              {...form.getInputProps("name")}
            />
            <NativeSelect
              label={t("form.type")}
              description={t("form.typeDescription")}
              withAsterisk
              aria-required="true"
              data={[
                { value: "", label: t("form.chooseType"), disabled: true },
                ...organisationTypes.map((type) => ({ value: type, label: tv(`orgType.${type}`) })),
              ]}
              {...form.getInputProps("type")}
            />
            <Fieldset
              legend={t("form.contactLegend")}
              variant="unstyled"
              styles={{ legend: { fontWeight: 650, fontSize: "var(--mantine-font-size-md)", marginBottom: 8 } }}
            >
              <Stack gap="md">
                <Group grow align="flex-start" gap="md" wrap="wrap">
                  <TextInput label={t("form.email")} type="email" autoComplete="off" {...form.getInputProps("email")} />
                  <TextInput label={t("form.phone")} type="tel" autoComplete="off" {...form.getInputProps("phone")} />
                </Group>
                <Textarea
                  label={t("form.address")}
                  autosize
                  minRows={2}
                  maxRows={5}
                  {...form.getInputProps("address")}
                />
              </Stack>
            </Fieldset>
            {editing ? (
              <Checkbox
                label={t("form.active")}
                description={t("form.activeDescription")}
                {...form.getInputProps("active", { type: "checkbox" })}
              />
            ) : null}
            <Group gap="sm">
              <Button type="submit" loading={busy}>
                {tc("actions.save")}
              </Button>
              <Button
                variant="default"
                onClick={() =>
                  organisation
                    ? navigate({ to: "/directory/$organisationId", params: { organisationId: organisation.id } })
                    : navigate({ to: "/directory" })
                }
              >
                {tc("actions.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
