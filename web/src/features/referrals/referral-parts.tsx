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
export function Deadlines({ referral: r }: { referral: Referral }) {
  const t = useReferralStrings();
  const fmt = useFormat();
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
      {r.firstAppointmentOn ? null : (
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
