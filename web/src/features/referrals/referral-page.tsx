// One referral: person, parties, service, message, shared categories, deadlines, the response and
// the outcome; the actions the API allows as dialogs.
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconArrowBackUp, IconArrowLeft, IconCheck, IconFlag, IconX } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type ReactNode, useEffect, useState } from "react";
import { useFormat } from "../../app/format";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { useServices } from "../directory/services.api";
import { useRecordStrings } from "../records/records.i18n";
import { ReferralActionDialog } from "./referral-action-dialog";
import { OverdueBadge, personName, ReferralStatusBadge } from "./referral-parts";
import { type DeclineReason, type Outcome, type Referral, type ReferralAction, referralQuery } from "./referrals.api";
import { useReferralStrings } from "./referrals.i18n";

const route = getRouteApi("/_app/referrals/$referralId");

export function ReferralPage() {
  const { referralId } = route.useParams();
  const query = useQuery(referralQuery(referralId));
  const queryClient = useQueryClient();
  const loaded = query.isSuccess;
  // Opening the referral marks the notifications about it read (on the server): the bell follows.
  useEffect(() => {
    if (loaded) void queryClient.invalidateQueries({ queryKey: ["notifications"] });
  }, [loaded, queryClient]);
  if (query.isPending) return <PageLoader />;
  if (query.error) return <ProblemAlert error={query.error} />;
  return <ReferralView referral={query.data} />;
}

const actionIcons: Record<ReferralAction, ReactNode> = {
  accept: <IconCheck size={18} aria-hidden="true" />,
  decline: <IconX size={18} aria-hidden="true" />,
  complete: <IconFlag size={18} aria-hidden="true" />,
  withdraw: <IconArrowBackUp size={18} aria-hidden="true" />,
};

function ReferralView({ referral: r }: { referral: Referral }) {
  const t = useReferralStrings();
  const tr = useRecordStrings();
  const fmt = useFormat();
  const services = useServices();
  const [action, setAction] = useState<ReferralAction | null>(null);
  const available = (["accept", "complete", "decline", "withdraw"] as const).filter((a) => r.abilities[a]);

  return (
    <>
      <Anchor renderRoot={(props) => <Link {...props} to="/referrals" />} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden="true" />
          {t("detail.back")}
        </Group>
      </Anchor>
      <PageHeader
        title={t("detail.title", { service: services.label(r.service) })}
        description={
          <Group gap={6} component="span">
            <ReferralStatusBadge status={r.status} />
            <OverdueBadge referral={r} />
          </Group>
        }
        actions={available.map((a) => (
          <Button
            key={a}
            variant={a === "accept" || a === "complete" ? "filled" : "default"}
            leftSection={actionIcons[a]}
            onClick={() => setAction(a)}
            data-testid={`referral-${a}`}
          >
            {t(`action.${a}`)}
          </Button>
        ))}
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="xl">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
            <Field label={t("detail.person")}>
              {r.person ? (
                <>
                  <Anchor
                    fw={600}
                    renderRoot={(props) => (
                      <Link {...props} to="/persons/$personId" params={{ personId: r.person?.id ?? r.personId }} />
                    )}
                  >
                    {personName(r.person)}
                  </Anchor>
                  {r.person.birthDate ? (
                    <Text size="sm" c="dimmed">
                      {t("inbox.born", { date: fmt.date(r.person.birthDate) })}
                    </Text>
                  ) : null}
                </>
              ) : (
                t("inbox.personHidden")
              )}
            </Field>
            <Field label={t("detail.from")}>
              {r.fromOrganisation.name}
              {r.fromUser ? (
                <Text size="sm" c="dimmed">
                  {r.fromUser.name}
                </Text>
              ) : null}
            </Field>
            <Field label={t("detail.to")}>{r.toOrganisation.name}</Field>
            <Field label={t("detail.sentAt")}>{fmt.dateTime(r.sentAt)}</Field>
            <Field label={t("detail.acknowledgeBy")}>{fmt.date(r.acknowledgeBy)}</Field>
            <Field label={t("detail.firstAppointmentBy")}>{fmt.date(r.firstAppointmentBy)}</Field>
            <Field label={t("detail.agreement")}>
              {r.agreementId ? t("detail.agreementYes") : t("detail.agreementNo")}
            </Field>
            <Field label={t("detail.shared")}>
              <Group gap={6}>
                {r.sharedCategories.length === 0 ? (
                  <Text size="sm">{t("detail.sharedNone")}</Text>
                ) : (
                  r.sharedCategories.map((c) => (
                    <StatusBadge key={c} tone="neutral">
                      {tr(`category.${c}`)}
                    </StatusBadge>
                  ))
                )}
              </Group>
            </Field>
          </SimpleGrid>
        </Paper>
        <Paper withBorder radius="md" p="xl" component="section" aria-labelledby="referral-message">
          <Title order={2} size="h4" id="referral-message" mb="xs">
            {t("detail.message")}
          </Title>
          <Text style={{ whiteSpace: "pre-line" }}>{r.message || t("detail.noMessage")}</Text>
        </Paper>
        {r.respondedAt || r.completedAt || r.withdrawnAt ? (
          <Paper withBorder radius="md" p="xl" component="section" aria-labelledby="referral-response">
            <Title order={2} size="h4" id="referral-response" mb="md">
              {r.completedAt ? t("detail.result") : t("detail.response")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
              {r.respondedAt ? <Field label={t("detail.respondedAt")}>{fmt.dateTime(r.respondedAt)}</Field> : null}
              {r.firstAppointmentOn ? (
                <Field label={t("detail.firstAppointmentOn")}>
                  <span data-testid="referral-first-appointment">
                    {r.firstAppointmentAt ? fmt.dateTime(r.firstAppointmentAt) : fmt.date(r.firstAppointmentOn)}
                  </span>
                </Field>
              ) : null}
              {r.declineReason ? (
                <Field label={t("detail.declineReason")}>
                  {t(`declineReason.${r.declineReason as DeclineReason}`)}
                </Field>
              ) : null}
              {r.responseNote ? <Field label={t("detail.note")}>{r.responseNote}</Field> : null}
              {r.completedAt ? <Field label={t("detail.completedAt")}>{fmt.dateTime(r.completedAt)}</Field> : null}
              {r.outcome ? (
                <Field label={t("detail.outcome")}>
                  <span data-testid="referral-outcome">{t(`outcome.${r.outcome as Outcome}`)}</span>
                </Field>
              ) : null}
              {r.outcomeNote ? <Field label={t("detail.note")}>{r.outcomeNote}</Field> : null}
              {r.withdrawnAt ? <Field label={t("detail.withdrawnAt")}>{fmt.dateTime(r.withdrawnAt)}</Field> : null}
              {r.withdrawReason ? <Field label={t("detail.withdrawReason")}>{r.withdrawReason}</Field> : null}
            </SimpleGrid>
          </Paper>
        ) : null}
      </Stack>
      <ReferralActionDialog referral={r} action={action} onClose={() => setAction(null)} />
    </>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600} c="#4a5560">
        {label}
      </Text>
      <Text component="div" style={{ whiteSpace: "pre-line", overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}
