// Small pieces shared by the referral pages: the status badge, the overdue badge, the deadlines.
import { Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useFormat } from "../../app/format";
import { StatusBadge } from "../../app/status-badge";
import type { Referral, ReferralStatus } from "./referrals.api";
import { useReferralStrings } from "./referrals.i18n";

const tone: Record<ReferralStatus, "success" | "neutral" | "warning" | "danger"> = {
  sent: "warning",
  accepted: "success",
  declined: "danger",
  completed: "success",
  withdrawn: "neutral",
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const t = useReferralStrings();
  return <StatusBadge tone={tone[status]}>{t(`status.${status}`)}</StatusBadge>;
}

export function OverdueBadge({ referral: r }: { referral: Referral }) {
  const t = useReferralStrings();
  if (!r.overdue) return null;
  return (
    <StatusBadge tone="danger" icon={<IconAlertTriangle size={12} aria-hidden="true" />}>
      {r.overdueKind ? t(`overdueKind.${r.overdueKind}`) : t("inbox.overdue")}
    </StatusBadge>
  );
}

/** The deadline that matters now: acknowledge while sent, first appointment while accepted. */
/** Dates as 27.11.2026 (de) or 27 Nov 2026 (en): compact enough for table cells. */
export function useShortDate() {
  const fmt = useFormat();
  const short = new Intl.DateTimeFormat(fmt.locale, { dateStyle: "medium" });
  return (iso: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return short.format(m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(iso));
  };
}

export function Deadlines({ referral: r }: { referral: Referral }) {
  const t = useReferralStrings();
  const fmt = { date: useShortDate(), dateTime: useFormat().dateTime };
  if (r.status !== "sent" && r.status !== "accepted") return <Text size="sm">–</Text>;
  return (
    <Stack gap={0}>
      {r.status === "sent" ? (
        <Text
          size="sm"
          fw={r.overdueKind === "acknowledge" ? 700 : 400}
          c={r.overdueKind === "acknowledge" ? "#8c1d18" : undefined}
        >
          {t("acknowledgeBy", { date: fmt.date(r.acknowledgeBy) })}
        </Text>
      ) : null}
      {r.firstAppointmentOn && r.overdueKind === "first_appointment" ? (
        // Booked, but for a day after the deadline: the missed deadline stays in view.
        <Text size="sm" fw={700} c="#8c1d18">
          {t("firstAppointmentBy", { date: fmt.date(r.firstAppointmentBy) })}
        </Text>
      ) : null}
      {r.firstAppointmentOn ? (
        <Text size="sm">
          {t("firstAppointmentOn", {
            date: r.firstAppointmentAt ? fmt.dateTime(r.firstAppointmentAt) : fmt.date(r.firstAppointmentOn),
          })}
        </Text>
      ) : (
        <Text
          size="sm"
          fw={r.overdueKind === "first_appointment" ? 700 : 400}
          c={r.overdueKind === "first_appointment" ? "#8c1d18" : undefined}
        >
          {t("firstAppointmentBy", { date: fmt.date(r.firstAppointmentBy) })}
        </Text>
      )}
    </Stack>
  );
}

export const personName = (p: { givenNames: string; familyName: string }) => `${p.givenNames} ${p.familyName}`;
