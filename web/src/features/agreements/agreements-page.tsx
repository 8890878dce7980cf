// Cooperation agreements for the tenant admin: the list, and a new agreement with a partner
// (services, deadlines in working days, validity).
import {
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../app/data-table";
import { useFormat } from "../../app/format";
import { focusFirstInvalid, serverFieldErrors } from "../../app/forms";
import { notifySuccess } from "../../app/notify";
import { PageHeader, ProblemAlert } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { useMe } from "../auth/auth.api";
import { isoDate } from "../consents/consent-parts";
import { useServices } from "../directory/services.api";
import { allOrganisationsQuery, type Organisation } from "../organisations/organisations.api";
import { type Agreement, agreementsApi, agreementsQuery } from "./agreements.api";
import { useAgreementStrings } from "./agreements.i18n";

export function AgreementsPage() {
  const t = useAgreementStrings();
  const { t: tc } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const list = useQuery(agreementsQuery);
  const organisations = useQuery(allOrganisationsQuery);
  const services = useServices();
  const names = new Map((organisations.data ?? []).map((o) => [o.id, o.name]));
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Agreement | null>(null);
  const items = list.data?.items ?? [];
  const name = (id: string) => names.get(id) ?? tc("status.none");

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          me.abilities.manageAgreements && !formOpen && !editing ? (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setFormOpen(true)}>
              {t("create")}
            </Button>
          ) : null
        }
      />
      {formOpen ? (
        <AgreementForm
          organisations={organisations.data ?? []}
          leadName={me.organisation.name}
          leadId={me.organisation.id}
          onClose={() => setFormOpen(false)}
        />
      ) : null}
      {editing ? (
        <AgreementForm
          key={editing.id}
          agreement={editing}
          organisations={organisations.data ?? []}
          leadName={name(editing.leadOrganisationId)}
          leadId={editing.leadOrganisationId}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ProblemAlert error={list.error} />
      <DataTable
        caption={t("caption")}
        testId="agreements-table"
        loading={list.isPending}
        rows={items}
        rowKey={(a) => a.id}
        empty={t("empty")}
        columns={[
          {
            key: "partner",
            header: t("partner"),
            rowHeader: true,
            cell: (a) => (
              <>
                <Text size="sm" fw={650}>
                  {name(a.partnerOrganisationId)}
                </Text>
                <Text size="xs" c="dimmed" fw={400}>
                  {t("lead")}: {name(a.leadOrganisationId)}
                </Text>
              </>
            ),
          },
          {
            key: "services",
            header: t("services"),
            cell: (a) =>
              a.services.length > 0 ? (
                <Group gap={6}>
                  {a.services.map((s) => (
                    <StatusBadge key={s} tone="neutral">
                      {services.label(s)}
                    </StatusBadge>
                  ))}
                </Group>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("allServices")}
                </Text>
              ),
          },
          {
            key: "deadlines",
            header: t("deadlines"),
            cell: (a) => (
              <>
                <Text size="sm">{t("acknowledge", { count: a.acknowledgeWithinDays })}</Text>
                <Text size="sm">{t("firstAppointment", { count: a.firstAppointmentWithinDays })}</Text>
              </>
            ),
          },
          {
            key: "validity",
            header: t("validity"),
            nowrap: true,
            cell: (a) =>
              a.validUntil
                ? t("fromUntil", { from: fmt.date(a.validFrom), until: fmt.date(a.validUntil) })
                : t("from", { from: fmt.date(a.validFrom) }),
          },
          {
            key: "status",
            header: t("status"),
            cell: (a) => (
              <StatusBadge tone={a.active ? "success" : "neutral"}>
                {a.active ? t("active") : t("inactive")}
              </StatusBadge>
            ),
          },
          me.abilities.manageAgreements && {
            key: "edit",
            header: t("edit"),
            hideHeader: true,
            cell: (a) => (
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPencil size={16} aria-hidden="true" />}
                aria-label={t("editNamed", { partner: name(a.partnerOrganisationId) })}
                onClick={() => {
                  setFormOpen(false);
                  setEditing(a);
                }}
              >
                {t("edit")}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

type Values = {
  partnerOrganisationId: string;
  services: string[];
  acknowledgeWithinDays: number | string;
  firstAppointmentWithinDays: number | string;
  validFrom: string;
  validUntil: string;
};
const fields = [
  "partnerOrganisationId",
  "services",
  "acknowledgeWithinDays",
  "firstAppointmentWithinDays",
  "validFrom",
  "validUntil",
] as const;

function AgreementForm({
  agreement,
  organisations,
  leadId,
  leadName,
  onClose,
}: {
  agreement?: Agreement;
  organisations: Organisation[];
  leadId: string;
  leadName: string;
  onClose: () => void;
}) {
  const t = useAgreementStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const services = useServices();
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const whole = (min: number, max: number) => (v: number | string) =>
    typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? null : t("form.range", { min, max });
  const form = useForm<Values>({
    initialValues: {
      partnerOrganisationId: agreement?.partnerOrganisationId ?? "",
      services: agreement?.services ?? [],
      acknowledgeWithinDays: agreement?.acknowledgeWithinDays ?? 3,
      firstAppointmentWithinDays: agreement?.firstAppointmentWithinDays ?? 10,
      validFrom: agreement?.validFrom ?? "",
      validUntil: agreement?.validUntil ?? "",
    },
    validate: {
      partnerOrganisationId: (v) => (v ? null : tc("validation.select")),
      acknowledgeWithinDays: whole(0, 60),
      firstAppointmentWithinDays: whole(0, 120),
      validFrom: (v) => (!v || isoDate.test(v) ? null : tc("validation.invalid")),
      validUntil: (v, all) =>
        !v
          ? null
          : !isoDate.test(v)
            ? tc("validation.invalid")
            : all.validFrom && v < all.validFrom
              ? t("form.untilBeforeFrom")
              : null,
    },
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      agreement
        ? agreementsApi.update(agreement.id, {
            services: v.services,
            acknowledgeWithinDays: Number(v.acknowledgeWithinDays),
            firstAppointmentWithinDays: Number(v.firstAppointmentWithinDays),
            validUntil: v.validUntil || null,
            version: agreement.version,
          })
        : agreementsApi.create({
            partnerOrganisationId: v.partnerOrganisationId,
            services: v.services,
            acknowledgeWithinDays: Number(v.acknowledgeWithinDays),
            firstAppointmentWithinDays: Number(v.firstAppointmentWithinDays),
            ...(v.validFrom ? { validFrom: v.validFrom } : {}),
            validUntil: v.validUntil || null,
          }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: agreementsQuery.queryKey });
      const partner = organisations.find((o) => o.id === saved.partnerOrganisationId)?.name ?? "";
      notifySuccess(agreement ? t("form.updated", { partner }) : t("form.saved", { partner }));
      onClose();
    },
    onError: (e) => {
      const mapped = serverFieldErrors(e, fields, tc, [
        [/before validfrom/i, t("form.untilBeforeFrom")],
        [/must differ/i, t("form.samePartner")],
      ]);
      if (Object.keys(mapped.fields).length > 0) {
        form.setErrors(mapped.fields);
        focusFirstInvalid();
        setError(mapped.rest.length > 0 ? e : null);
      } else setError(e);
    },
  });

  return (
    <Paper withBorder p="xl" radius="md" mb="xl" component="section" aria-labelledby="agreement-form-title">
      <Title order={2} size="h3" id="agreement-form-title" ref={heading} tabIndex={-1}>
        {agreement
          ? t("form.editTitle", {
              partner: organisations.find((o) => o.id === agreement.partnerOrganisationId)?.name ?? "",
            })
          : t("form.title")}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="lg">
        {agreement ? t("form.editIntro") : t("form.intro", { organisation: leadName })}
      </Text>
      <ProblemAlert error={error} />
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setError(null);
          create.mutate(v);
        }, focusFirstInvalid)}
      >
        <Stack gap="lg">
          <NativeSelect
            label={t("form.partner")}
            withAsterisk
            aria-required="true"
            disabled={Boolean(agreement)}
            data={[
              { value: "", label: t("form.choose"), disabled: true },
              ...organisations.filter((o) => o.active && o.id !== leadId).map((o) => ({ value: o.id, label: o.name })),
            ]}
            w={{ base: "100%", sm: 420 }}
            {...form.getInputProps("partnerOrganisationId")}
          />
          <MultiSelect
            label={t("form.services")}
            description={t("form.servicesDescription")}
            placeholder={form.values.services.length === 0 ? t("form.servicesPlaceholder") : undefined}
            data={services.items}
            searchable
            clearable
            clearButtonProps={{ "aria-label": t("form.clearServices") }}
            hidePickedOptions
            maxValues={30}
            nothingFoundMessage={tc("list.noMatch")}
            comboboxProps={{ withinPortal: true }}
            maw="40rem"
            data-testid="agreement-services"
            {...form.getInputProps("services")}
          />
          <Group align="flex-start" gap="md" wrap="wrap">
            <NumberInput
              label={t("form.acknowledge")}
              description={t("form.daysDescription")}
              withAsterisk
              aria-required="true"
              min={0}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              w={{ base: "100%", sm: 300 }}
              {...form.getInputProps("acknowledgeWithinDays")}
            />
            <NumberInput
              label={t("form.firstAppointment")}
              description={t("form.daysDescription")}
              withAsterisk
              aria-required="true"
              min={0}
              max={120}
              allowDecimal={false}
              allowNegative={false}
              w={{ base: "100%", sm: 300 }}
              {...form.getInputProps("firstAppointmentWithinDays")}
            />
          </Group>
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              type="date"
              label={t("form.validFrom")}
              description={agreement ? undefined : t("form.validFromDescription")}
              disabled={Boolean(agreement)}
              w={{ base: "100%", sm: 220 }}
              {...form.getInputProps("validFrom")}
            />
            <TextInput
              type="date"
              label={t("form.validUntil")}
              description={t("form.validUntilDescription")}
              w={{ base: "100%", sm: 220 }}
              {...form.getInputProps("validUntil")}
            />
          </Group>
          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t("form.save")}
            </Button>
            <Button variant="default" onClick={onClose}>
              {tc("actions.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
