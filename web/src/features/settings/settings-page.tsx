// The tenant admin's settings: federal state, default referral deadlines, the public holidays
// of the year that deadlines skip, and the controller and data-protection officer the Art. 15
// document names.
import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
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
  type ContactDetails,
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
          <DataProtectionForm settings={query.data} />
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

type ContactValues = { controller: ContactDetails; dataProtectionOfficer: ContactDetails };

function DataProtectionForm({ settings }: { settings: TenantSettings }) {
  const t = useSettingsStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const email = (v: string) =>
    v.trim() === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t("emailInvalid");
  const form = useForm<ContactValues>({
    initialValues: { controller: settings.controller, dataProtectionOfficer: settings.dataProtectionOfficer },
    validate: { controller: { email }, dataProtectionOfficer: { email } },
  });
  const save = useMutation({
    mutationFn: (v: ContactValues) => settingsApi.update(v),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsQuery.queryKey, saved);
      form.setValues({ controller: saved.controller, dataProtectionOfficer: saved.dataProtectionOfficer });
      form.resetDirty();
      notifySuccess(t("saved"));
    },
    onError: (e) => {
      const keys = ["controller", "dataProtectionOfficer"].flatMap((p) =>
        ["name", "address", "email", "phone"].map((f) => `${p}.${f}`),
      );
      form.setErrors(serverFieldErrors(e, keys, tc).fields);
      setError(e);
    },
  });
  const contact = (key: keyof ContactValues) => (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Title order={3} size="h4" component="legend" mb="xs">
        {t(`${key}.title`)}
      </Title>
      <TextInput label={t(`${key}.name`)} maxLength={200} {...form.getInputProps(`${key}.name`)} />
      <Textarea
        label={t("address")}
        description={t("addressDescription")}
        autosize
        minRows={2}
        maxLength={500}
        {...form.getInputProps(`${key}.address`)}
      />
      <TextInput label={t("email")} type="email" maxLength={200} {...form.getInputProps(`${key}.email`)} />
      <TextInput label={t("phone")} type="tel" maxLength={50} {...form.getInputProps(`${key}.phone`)} />
    </Stack>
  );
  return (
    <Paper withBorder radius="md" p="xl" component="section" aria-labelledby="settings-dp-title">
      <Title order={2} size="h3" id="settings-dp-title">
        {t("dpTitle")}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="md" maw="48rem">
        {t("dpIntro")}
      </Text>
      <ProblemAlert error={error} />
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setError(null);
          save.mutate(v);
        }, focusFirstInvalid)}
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          {contact("controller")}
          {contact("dataProtectionOfficer")}
        </SimpleGrid>
        <Group mt="lg">
          <Button type="submit" loading={save.isPending}>
            {t("dpSave")}
          </Button>
        </Group>
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
