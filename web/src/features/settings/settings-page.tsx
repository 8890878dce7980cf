// The tenant admin's settings: federal state, default referral deadlines, and the public holidays
// of the year that deadlines skip.
import { ActionIcon, Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { focusFirstInvalid, serverFieldErrors } from "../../app/forms";
import { notifySuccess } from "../../app/notify";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import {
  type FederalState,
  federalStates,
  holidaysQuery,
  settingsApi,
  settingsQuery,
  type TenantSettings,
} from "./settings.api";
import { useSettingsStrings } from "./settings.i18n";

export function SettingsPage() {
  const t = useSettingsStrings();
  const query = useQuery(settingsQuery);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ProblemAlert error={query.error} />
      {query.isPending ? (
        <PageLoader />
      ) : query.data ? (
        <Stack gap="xl">
          <SettingsForm settings={query.data} />
          <HolidayList state={query.data.federalState} />
        </Stack>
      ) : null}
    </>
  );
}

type Values = { federalState: FederalState; acknowledge: number | string; firstAppointment: number | string };

function SettingsForm({ settings }: { settings: TenantSettings }) {
  const t = useSettingsStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const whole = (min: number, max: number) => (v: number | string) =>
    typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? null : t("range", { min, max });
  const form = useForm<Values>({
    initialValues: {
      federalState: settings.federalState,
      acknowledge: settings.defaultAcknowledgeWithinDays,
      firstAppointment: settings.defaultFirstAppointmentWithinDays,
    },
    validate: { acknowledge: whole(0, 60), firstAppointment: whole(0, 120) },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      settingsApi.update({
        federalState: v.federalState,
        defaultAcknowledgeWithinDays: Number(v.acknowledge),
        defaultFirstAppointmentWithinDays: Number(v.firstAppointment),
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(settingsQuery.queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ["settings", "holidays"] });
      form.resetDirty();
      notifySuccess(t("saved"));
    },
    onError: (e) => {
      const mapped = serverFieldErrors(e, ["federalState"], tc);
      form.setErrors(mapped.fields);
      setError(e);
    },
  });
  return (
    <Paper withBorder radius="md" p="xl" component="section" aria-labelledby="settings-form-title">
      <Title order={2} size="h3" id="settings-form-title" mb="md">
        {t("formTitle")}
      </Title>
      <ProblemAlert error={error} />
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setError(null);
          save.mutate(v);
        }, focusFirstInvalid)}
      >
        <Stack gap="lg">
          <NativeSelect
            label={t("federalState")}
            description={t("federalStateDescription")}
            data={federalStates.map((s) => ({ value: s, label: t(`state.${s}`) }))}
            w={{ base: "100%", sm: 360 }}
            {...form.getInputProps("federalState")}
          />
          <Group align="flex-start" gap="md" wrap="wrap">
            <NumberInput
              label={t("acknowledge")}
              description={t("daysDescription")}
              min={0}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              w={{ base: "100%", sm: 320 }}
              {...form.getInputProps("acknowledge")}
            />
            <NumberInput
              label={t("firstAppointment")}
              description={t("daysDescription")}
              min={0}
              max={120}
              allowDecimal={false}
              allowNegative={false}
              w={{ base: "100%", sm: 320 }}
              {...form.getInputProps("firstAppointment")}
            />
          </Group>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function HolidayList({ state }: { state: FederalState }) {
  const t = useSettingsStrings();
  const { i18n } = useTranslation();
  const fmt = useFormat();
  const locale = i18n.resolvedLanguage === "en" ? "en" : "de";
  const [year, setYear] = useState(() => new Date().getFullYear());
  const query = useQuery(holidaysQuery(year, locale));
  const weekday = new Intl.DateTimeFormat(fmt.locale, { weekday: "long" });
  const title = t("holidaysTitle", { year, state: t(`state.${state}`) });
  return (
    <Paper withBorder radius="md" p="xl" component="section" aria-labelledby="holidays-title">
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="xs">
        <Title order={2} size="h3" id="holidays-title">
          {title}
        </Title>
        <Group gap="xs">
          <ActionIcon variant="default" size="lg" aria-label={t("previousYear")} onClick={() => setYear(year - 1)}>
            <IconChevronLeft size={18} aria-hidden="true" />
          </ActionIcon>
          <ActionIcon variant="default" size="lg" aria-label={t("nextYear")} onClick={() => setYear(year + 1)}>
            <IconChevronRight size={18} aria-hidden="true" />
          </ActionIcon>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t("holidaysIntro")}
      </Text>
      <ProblemAlert error={query.error} />
      {query.isPending ? (
        <PageLoader />
      ) : (
        <Table className="data-table" data-testid="holidays-table" maw="40rem">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("date")}</Table.Th>
              <Table.Th scope="col">{t("weekday")}</Table.Th>
              <Table.Th scope="col">{t("holiday")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(query.data?.items ?? []).map((h) => (
              <Table.Tr key={h.date}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{fmt.date(h.date)}</Table.Td>
                <Table.Td>{weekday.format(new Date(`${h.date}T12:00:00`))}</Table.Td>
                <Table.Td>{h.name}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
