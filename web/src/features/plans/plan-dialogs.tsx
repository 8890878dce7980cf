// The plan's dialogs: a goal (domain, title, target date, status), a measure (title, responsible
// organisation, due date, status) and a case conference (date, participants, notes, decisions —
// each decision may become a measure under a goal).
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../app/form-dialog";
import { serverFieldErrors } from "../../app/forms";
import { notifySuccess } from "../../app/notify";
import { useMe } from "../auth/auth.api";
import { allOrganisationsQuery } from "../organisations/organisations.api";
import type { Category } from "../persons/persons.api";
import { useRecordStrings } from "../records/records.i18n";
import {
  type Goal,
  type GoalStatus,
  goalStatuses,
  type Measure,
  type MeasureStatus,
  measureStatuses,
  type Plan,
  plansApi,
} from "./plans.api";
import { usePlanStrings } from "./plans.i18n";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function useRefreshPlan(personId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["plan", personId] });
}

type GoalValues = { domain: string; title: string; targetDate: string; status: GoalStatus };

export function GoalDialog({
  personId,
  plan,
  goal,
  onClose,
}: {
  personId: string;
  plan: Plan;
  goal?: Goal;
  onClose: () => void;
}) {
  const t = usePlanStrings();
  const tr = useRecordStrings();
  const { t: tc } = useTranslation();
  const refresh = useRefreshPlan(personId);
  const form = useForm<GoalValues>({
    initialValues: {
      domain: goal?.domain ?? "",
      title: goal?.title ?? "",
      targetDate: goal?.targetDate ?? "",
      status: goal?.status ?? "open",
    },
    validate: {
      domain: (v) => (goal || v ? null : tc("validation.select")),
      title: (v) => (v.trim() ? null : t("required")),
      targetDate: (v) => (!v || isoDate.test(v) ? null : tc("validation.invalid")),
    },
  });
  const save = useMutation({
    mutationFn: (v: GoalValues) =>
      goal
        ? plansApi.updateGoal(goal.id, {
            title: v.title.trim(),
            targetDate: v.targetDate || null,
            status: v.status,
            version: goal.version,
          })
        : plansApi.createGoal(personId, {
            domain: v.domain as Category,
            title: v.title.trim(),
            ...(v.targetDate ? { targetDate: v.targetDate } : {}),
            status: v.status,
          }),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t("goalForm.saved"));
      onClose();
    },
    onError: (e) => form.setErrors(serverFieldErrors(e, ["domain", "title", "targetDate", "status"], tc).fields),
  });
  return (
    <FormDialog
      title={goal ? t("editGoal") : t("addGoal")}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={t("goalForm.save")}
      pending={save.isPending}
      error={save.error}
    >
      {goal ? null : (
        <NativeSelect
          label={t("goalForm.domain")}
          withAsterisk
          aria-required="true"
          data={[
            { value: "", label: t("choose"), disabled: true },
            ...plan.abilities.domains
              .filter((d) => d !== "identity")
              .map((d) => ({ value: d, label: tr(`category.${d}`) })),
          ]}
          data-autofocus
          {...form.getInputProps("domain")}
        />
      )}
      <TextInput
        label={t("goalForm.title")}
        description={t("goalForm.titleDescription")}
        withAsterisk
        aria-required="true"
        maxLength={300}
        data-autofocus={goal ? true : undefined}
        {...form.getInputProps("title")}
      />
      <Group grow align="flex-start">
        <TextInput type="date" label={t("goalForm.targetDate")} {...form.getInputProps("targetDate")} />
        <NativeSelect
          label={t("goalForm.status")}
          data={goalStatuses.map((s) => ({ value: s, label: t(`goalStatus.${s}`) }))}
          {...form.getInputProps("status")}
        />
      </Group>
    </FormDialog>
  );
}

type MeasureValues = { title: string; organisationId: string; dueDate: string; status: MeasureStatus };

export function MeasureDialog({
  personId,
  goal,
  measure,
  onClose,
}: {
  personId: string;
  goal: Goal;
  measure?: Measure;
  onClose: () => void;
}) {
  const t = usePlanStrings();
  const { t: tc } = useTranslation();
  const me = useMe();
  const organisations = useQuery(allOrganisationsQuery);
  const refresh = useRefreshPlan(personId);
  const form = useForm<MeasureValues>({
    initialValues: {
      title: measure?.title ?? "",
      organisationId: measure?.responsibleOrganisation.id ?? me.organisation.id,
      dueDate: measure?.dueDate ?? "",
      status: measure?.status ?? "planned",
    },
    validate: {
      title: (v) => (v.trim() ? null : t("required")),
      organisationId: (v) => (v ? null : tc("validation.select")),
      dueDate: (v) => (!v || isoDate.test(v) ? null : tc("validation.invalid")),
    },
  });
  const save = useMutation({
    mutationFn: (v: MeasureValues) =>
      measure
        ? plansApi.updateMeasure(measure.id, {
            title: v.title.trim(),
            responsibleOrganisationId: v.organisationId,
            dueDate: v.dueDate || null,
            status: v.status,
            version: measure.version,
          })
        : plansApi.createMeasure(goal.id, {
            title: v.title.trim(),
            responsibleOrganisationId: v.organisationId,
            ...(v.dueDate ? { dueDate: v.dueDate } : {}),
          }),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t("measureForm.saved"));
      onClose();
    },
    onError: (e) =>
      form.setErrors(serverFieldErrors(e, ["title", "responsibleOrganisationId", "dueDate", "status"], tc).fields),
  });
  return (
    <FormDialog
      title={measure ? t("editMeasure") : t("addMeasureTo", { title: goal.title })}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={t("measureForm.save")}
      pending={save.isPending}
      error={save.error}
    >
      <TextInput
        label={t("measureForm.title")}
        withAsterisk
        aria-required="true"
        maxLength={300}
        data-autofocus
        {...form.getInputProps("title")}
      />
      <NativeSelect
        label={t("measureForm.organisation")}
        withAsterisk
        aria-required="true"
        data={[
          { value: "", label: t("choose"), disabled: true },
          ...(organisations.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name })),
        ]}
        {...form.getInputProps("organisationId")}
      />
      <Group grow align="flex-start">
        <TextInput type="date" label={t("measureForm.dueDate")} {...form.getInputProps("dueDate")} />
        {measure ? (
          <NativeSelect
            label={t("measureForm.status")}
            data={measureStatuses.map((s) => ({ value: s, label: t(`measureStatus.${s}`) }))}
            {...form.getInputProps("status")}
          />
        ) : null}
      </Group>
    </FormDialog>
  );
}

type ConferenceValues = {
  heldOn: string;
  participants: { name: string; role: string; organisationId: string }[];
  notes: string;
  decisions: {
    text: string;
    asMeasure: boolean;
    goalId: string;
    title: string;
    organisationId: string;
    dueDate: string;
  }[];
};

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

export function ConferenceDialog({ personId, plan, onClose }: { personId: string; plan: Plan; onClose: () => void }) {
  const t = usePlanStrings();
  const { t: tc } = useTranslation();
  const me = useMe();
  const organisations = useQuery(allOrganisationsQuery);
  const refresh = useRefreshPlan(personId);
  const orgOptions = (organisations.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }));
  const emptyDecision = () => ({
    text: "",
    asMeasure: false,
    goalId: plan.goals[0]?.id ?? "",
    title: "",
    organisationId: me.organisation.id,
    dueDate: "",
  });
  const form = useForm<ConferenceValues>({
    initialValues: {
      heldOn: today(),
      participants: [{ name: me.user.name, role: "", organisationId: me.organisation.id }],
      notes: "",
      decisions: [emptyDecision()],
    },
    validate: {
      heldOn: (v) => (isoDate.test(v) ? null : t("required")),
      participants: { name: (v) => (v.trim() ? null : t("required")) },
      decisions: {
        text: (v) => (v.trim() ? null : t("required")),
        goalId: (v, all, path) => {
          const i = Number(path.split(".")[1]);
          return all.decisions[i]?.asMeasure && !v ? tc("validation.select") : null;
        },
        title: (v, all, path) => {
          const i = Number(path.split(".")[1]);
          return all.decisions[i]?.asMeasure && !v.trim() ? t("required") : null;
        },
      },
    },
  });
  const save = useMutation({
    mutationFn: (v: ConferenceValues) =>
      plansApi.recordConference(personId, {
        heldOn: v.heldOn,
        participants: v.participants.map((p) => ({
          name: p.name.trim(),
          ...(p.role.trim() ? { role: p.role.trim() } : {}),
          ...(p.organisationId ? { organisationId: p.organisationId } : {}),
        })),
        ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
        decisions: v.decisions.map((d) => ({
          text: d.text.trim(),
          ...(d.asMeasure
            ? {
                measure: {
                  goalId: d.goalId,
                  title: d.title.trim(),
                  responsibleOrganisationId: d.organisationId,
                  ...(d.dueDate ? { dueDate: d.dueDate } : {}),
                },
              }
            : {}),
        })),
      }),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t("conferenceForm.saved"));
      onClose();
    },
  });
  return (
    <FormDialog
      title={t("recordConference")}
      onClose={onClose}
      onSubmit={form.onSubmit((v) => save.mutate(v))}
      submitLabel={t("conferenceForm.save")}
      pending={save.isPending}
      error={save.error}
    >
      <TextInput
        type="date"
        label={t("conferenceForm.heldOn")}
        withAsterisk
        aria-required="true"
        w={{ base: "100%", sm: 220 }}
        data-autofocus
        {...form.getInputProps("heldOn")}
      />
      <Fieldset legend={t("conferenceForm.participants")} variant="unstyled">
        <Stack gap="xs">
          {form.values.participants.map((_, i) => (
            <Group
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
              key={i}
              align="flex-end"
              gap="xs"
              wrap="nowrap"
              role="group"
              aria-label={t("conferenceForm.participantLegend", { n: i + 1 })}
            >
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>
                <TextInput
                  label={t("conferenceForm.participantName")}
                  withAsterisk
                  aria-required="true"
                  maxLength={200}
                  {...form.getInputProps(`participants.${i}.name`)}
                />
                <TextInput
                  label={t("conferenceForm.participantRole")}
                  maxLength={200}
                  {...form.getInputProps(`participants.${i}.role`)}
                />
                <NativeSelect
                  label={t("conferenceForm.participantOrganisation")}
                  data={[{ value: "", label: t("conferenceForm.none") }, ...orgOptions]}
                  {...form.getInputProps(`participants.${i}.organisationId`)}
                />
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                disabled={form.values.participants.length === 1}
                aria-label={t("conferenceForm.removeParticipant", { n: i + 1 })}
                onClick={() => form.removeListItem("participants", i)}
              >
                <IconTrash size={18} aria-hidden="true" />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => form.insertListItem("participants", { name: "", role: "", organisationId: "" })}
            >
              {t("conferenceForm.addParticipant")}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
      <Textarea
        label={t("conferenceForm.notes")}
        autosize
        minRows={3}
        maxLength={4000}
        {...form.getInputProps("notes")}
      />
      <Fieldset legend={t("conferenceForm.decisions")} variant="unstyled">
        <Stack gap="sm">
          {form.values.decisions.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <Fieldset key={i} legend={t("conferenceForm.decisionLegend", { n: i + 1 })}>
              <Stack gap="xs">
                <Group align="flex-end" gap="xs" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t("conferenceForm.decision")}
                    withAsterisk
                    aria-required="true"
                    maxLength={1000}
                    {...form.getInputProps(`decisions.${i}.text`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t("conferenceForm.removeDecision", { n: i + 1 })}
                    onClick={() => form.removeListItem("decisions", i)}
                  >
                    <IconTrash size={18} aria-hidden="true" />
                  </ActionIcon>
                </Group>
                {plan.goals.length > 0 ? (
                  <Checkbox
                    label={t("conferenceForm.asMeasure")}
                    {...form.getInputProps(`decisions.${i}.asMeasure`, { type: "checkbox" })}
                  />
                ) : null}
                {d.asMeasure ? (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <NativeSelect
                      label={t("conferenceForm.goal")}
                      withAsterisk
                      data={[
                        { value: "", label: t("choose"), disabled: true },
                        ...plan.goals.map((g) => ({ value: g.id, label: g.title })),
                      ]}
                      {...form.getInputProps(`decisions.${i}.goalId`)}
                    />
                    <TextInput
                      label={t("conferenceForm.measureTitle")}
                      withAsterisk
                      maxLength={300}
                      {...form.getInputProps(`decisions.${i}.title`)}
                    />
                    <NativeSelect
                      label={t("conferenceForm.organisation")}
                      data={orgOptions}
                      {...form.getInputProps(`decisions.${i}.organisationId`)}
                    />
                    <TextInput
                      type="date"
                      label={t("conferenceForm.dueDate")}
                      {...form.getInputProps(`decisions.${i}.dueDate`)}
                    />
                  </SimpleGrid>
                ) : null}
              </Stack>
            </Fieldset>
          ))}
          <Group>
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => form.insertListItem("decisions", emptyDecision())}
            >
              {t("conferenceForm.addDecision")}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </FormDialog>
  );
}
