// The integration plan tab of the case file: goals grouped by life domain, their measures (with the
// linked referral's status and outcome), and the case conferences.
import { ActionIcon, Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPencil, IconPlus, IconUsersGroup } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { isApiError } from "../../app/api-client";
import { useFormat } from "../../app/format";
import { PageLoader, ProblemAlert } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { useServices } from "../directory/services.api";
import { categories } from "../persons/persons.api";
import { useRecordStrings } from "../records/records.i18n";
import { ReferralStatusBadge } from "../referrals/referral-parts";
import type { Outcome, ReferralStatus } from "../referrals/referrals.api";
import { useReferralStrings } from "../referrals/referrals.i18n";
import "./plan.css";
import { ConferenceDialog, GoalDialog, MeasureDialog } from "./plan-dialogs";
import { type Goal, type GoalStatus, type Measure, type MeasureStatus, type Plan, planQuery } from "./plans.api";
import { usePlanStrings } from "./plans.i18n";

const goalTone: Record<GoalStatus, "success" | "neutral" | "warning" | "danger"> = {
  open: "neutral",
  in_progress: "warning",
  achieved: "success",
  dropped: "neutral",
};
const measureTone: Record<MeasureStatus, "success" | "neutral" | "warning" | "danger"> = {
  planned: "neutral",
  in_progress: "warning",
  done: "success",
  cancelled: "neutral",
};

type Dialog =
  | { kind: "goal"; goal?: Goal }
  | { kind: "measure"; goal: Goal; measure?: Measure }
  | { kind: "conference" }
  | null;

export function PlanTab({ personId }: { personId: string }) {
  const t = usePlanStrings();
  const query = useQuery({ ...planQuery(personId), retry: false });
  const [dialog, setDialog] = useState<Dialog>(null);
  if (query.isPending) return <PageLoader />;
  if (query.error) {
    if (isApiError(query.error) && (query.error.status === 403 || query.error.status === 404))
      return (
        <Alert color="gray" variant="light" styles={{ message: { color: "#1a1d21" } }}>
          {t("unavailable")}
        </Alert>
      );
    return <ProblemAlert error={query.error} />;
  }
  const plan = query.data;
  const manage = plan.abilities.manage;
  return (
    <section aria-labelledby="plan-title">
      <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
        <div style={{ flex: "1 1 20rem" }}>
          <Title order={2} size="h3" id="plan-title">
            {t("title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("intro")}
          </Text>
        </div>
        {manage ? (
          <Group gap="sm">
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setDialog({ kind: "goal" })}>
              {t("addGoal")}
            </Button>
            <Button
              variant="default"
              leftSection={<IconUsersGroup size={18} aria-hidden="true" />}
              onClick={() => setDialog({ kind: "conference" })}
            >
              {t("recordConference")}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Goals plan={plan} manage={manage} onDialog={setDialog} />
      <Conferences plan={plan} />
      {dialog?.kind === "goal" ? (
        <GoalDialog personId={personId} plan={plan} goal={dialog.goal} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "measure" ? (
        <MeasureDialog
          personId={personId}
          goal={dialog.goal}
          measure={dialog.measure}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === "conference" ? (
        <ConferenceDialog personId={personId} plan={plan} onClose={() => setDialog(null)} />
      ) : null}
    </section>
  );
}

function Goals({ plan, manage, onDialog }: { plan: Plan; manage: boolean; onDialog: (d: Dialog) => void }) {
  const t = usePlanStrings();
  const tr = useRecordStrings();
  const fmt = useFormat();
  if (plan.goals.length === 0)
    return (
      <Paper withBorder radius="md" p="lg" mb="xl">
        <Text c="dimmed">{manage ? t("empty") : t("emptyReadOnly")}</Text>
      </Paper>
    );
  const domains = categories.filter((c) => plan.goals.some((g) => g.domain === c));
  return (
    <Stack gap="xl" mb="xl">
      {domains.map((domain) => (
        <section key={domain} aria-labelledby={`plan-domain-${domain}`}>
          <Title order={3} size="h4" id={`plan-domain-${domain}`} mb="sm">
            {tr(`category.${domain}`)}
          </Title>
          <Stack gap="md">
            {plan.goals
              .filter((g) => g.domain === domain)
              .map((g) => (
                <Paper
                  key={g.id}
                  withBorder
                  radius="md"
                  p="lg"
                  component="article"
                  aria-labelledby={`goal-${g.id}`}
                  data-testid="plan-goal"
                >
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                    <div style={{ minWidth: 0 }}>
                      <Group gap="xs" wrap="wrap">
                        <Title order={4} size="h5" id={`goal-${g.id}`}>
                          {g.title}
                        </Title>
                        <StatusBadge tone={goalTone[g.status]}>{t(`goalStatus.${g.status}`)}</StatusBadge>
                      </Group>
                      <Text size="sm" c="dimmed">
                        {g.targetDate ? t("target", { date: fmt.date(g.targetDate) }) : t("noTarget")}
                      </Text>
                    </div>
                    {manage ? (
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          size="lg"
                          aria-label={t("editGoalNamed", { title: g.title })}
                          title={t("editGoal")}
                          onClick={() => onDialog({ kind: "goal", goal: g })}
                        >
                          <IconPencil size={18} aria-hidden="true" />
                        </ActionIcon>
                      </Group>
                    ) : null}
                  </Group>
                  <MeasureTable goal={g} manage={manage} onDialog={onDialog} />
                  {manage ? (
                    <Button
                      mt="sm"
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<IconPlus size={16} aria-hidden="true" />}
                      onClick={() => onDialog({ kind: "measure", goal: g })}
                      aria-label={t("addMeasureTo", { title: g.title })}
                    >
                      {t("addMeasure")}
                    </Button>
                  ) : null}
                </Paper>
              ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}

function MeasureTable({ goal, manage, onDialog }: { goal: Goal; manage: boolean; onDialog: (d: Dialog) => void }) {
  const t = usePlanStrings();
  const tref = useReferralStrings();
  const fmt = useFormat();
  const services = useServices();
  if (goal.measures.length === 0)
    return (
      <Text size="sm" c="dimmed" mt="sm">
        {t("noMeasures")}
      </Text>
    );
  return (
    <ul className="plan-measures" aria-label={t("measures")}>
      {goal.measures.map((m) => (
        <li key={m.id} data-testid="plan-measure">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <div style={{ minWidth: 0 }}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{m.title}</Text>
                <StatusBadge tone={measureTone[m.status]}>{t(`measureStatus.${m.status}`)}</StatusBadge>
              </Group>
              <Text size="sm" c="dimmed">
                {t("responsible")}: {m.responsibleOrganisation.name}
                {m.responsibleUser ? ` (${m.responsibleUser.name})` : ""}
                {m.dueDate ? ` · ${t("due", { date: fmt.date(m.dueDate) })}` : ""}
                {m.conferenceId ? ` · ${t("fromConference")}` : ""}
              </Text>
              {m.referral ? (
                <div className="plan-referral">
                  <Group gap="xs" wrap="wrap">
                    <Anchor
                      size="sm"
                      fw={600}
                      renderRoot={(props) => (
                        <Link {...props} to="/referrals/$referralId" params={{ referralId: m.referral?.id ?? "" }} />
                      )}
                    >
                      {t("referral")}: {services.label(m.referral.service)}{" "}
                      {t("referralTo", { organisation: m.referral.toOrganisationName })}
                    </Anchor>
                    <ReferralStatusBadge status={m.referral.status as ReferralStatus} />
                  </Group>
                  {m.referral.outcome ? (
                    <Text size="sm" mt={4} data-testid="measure-outcome">
                      <strong>{t("outcome")}:</strong> {tref(`outcome.${m.referral.outcome as Outcome}`)}
                      {m.referral.outcomeNote ? ` – ${m.referral.outcomeNote}` : ""}
                    </Text>
                  ) : null}
                </div>
              ) : null}
            </div>
            {manage ? (
              <ActionIcon
                variant="subtle"
                size="lg"
                aria-label={t("editMeasureNamed", { title: m.title })}
                title={t("editMeasure")}
                onClick={() => onDialog({ kind: "measure", goal, measure: m })}
              >
                <IconPencil size={16} aria-hidden="true" />
              </ActionIcon>
            ) : null}
          </Group>
        </li>
      ))}
    </ul>
  );
}

function Conferences({ plan }: { plan: Plan }) {
  const t = usePlanStrings();
  const fmt = useFormat();
  const measures = new Map(plan.goals.flatMap((g) => g.measures).map((m) => [m.id, m.title]));
  return (
    <section aria-labelledby="conferences-title">
      <Title order={3} size="h4" id="conferences-title" mb="sm">
        {t("conferences")}
      </Title>
      {plan.conferences.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("noConferences")}
        </Text>
      ) : (
        <Stack gap="md">
          {[...plan.conferences]
            .sort((a, b) => b.heldOn.localeCompare(a.heldOn))
            .map((c) => (
              <Paper key={c.id} withBorder radius="md" p="lg" component="article" aria-labelledby={`conf-${c.id}`}>
                <Title order={4} size="h5" id={`conf-${c.id}`}>
                  {t("conferenceOn", { date: fmt.date(c.heldOn) })}
                </Title>
                <Text size="sm" mt="xs">
                  <strong>{t("participants")}:</strong>{" "}
                  {c.participants.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(", ") || "–"}
                </Text>
                {c.notes ? (
                  <Text size="sm" mt="xs" style={{ whiteSpace: "pre-line" }}>
                    <strong>{t("notes")}:</strong> {c.notes}
                  </Text>
                ) : null}
                {c.decisions.length > 0 ? (
                  <>
                    <Text size="sm" fw={700} mt="xs">
                      {t("decisions")}
                    </Text>
                    <ul style={{ margin: "4px 0 0", paddingInlineStart: "1.25rem" }}>
                      {c.decisions.map((d, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: decisions have no id
                        <li key={i}>
                          <Text size="sm">
                            {d.text}
                            {d.measureId ? (
                              <Text span size="sm" c="dimmed">
                                {" "}
                                – {t("becameMeasure")}
                                {measures.get(d.measureId) ? `: ${measures.get(d.measureId)}` : ""}
                              </Text>
                            ) : null}
                          </Text>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </Paper>
            ))}
        </Stack>
      )}
    </section>
  );
}
