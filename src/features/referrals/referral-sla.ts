// The SLA figure per receiving organisation for the steering reports: how many referrals it
// received in a period, the share acknowledged (accepted or declined) by the agreed date, and the
// median working days to acknowledge. Counts under five are suppressed like every steering figure.
import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { organisations } from "../../platform/identity/identity.tables.js";
import { today } from "../../platform/reference/partial-date.js";
import { workingDaysBetween } from "../../platform/reference/working-days.js";
import { getTenantSettings } from "../settings/settings.queries.js";
import { overdueKind } from "./referral-state.js";
import { referrals } from "./referrals.tables.js";

export const smallCell = 5;

const berlinDate = (column: unknown) => sql<string>`to_char(${column} at time zone 'Europe/Berlin', 'YYYY-MM-DD')`;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export async function referralSla(db: Db, actor: Actor, period: { from: string; to: string }) {
  const { federalState } = await getTenantSettings(db, actor.tenantId);
  const on = today();
  const rows = await db
    .select({
      organisationId: referrals.toOrganisationId,
      organisationName: organisations.name,
      status: referrals.status,
      sentOn: berlinDate(referrals.sentAt),
      respondedOn: sql<
        string | null
      >`case when ${referrals.respondedAt} is null then null else ${berlinDate(referrals.respondedAt)} end`,
      withdrawnBeforeResponse: sql<boolean>`${referrals.respondedAt} is null and ${referrals.withdrawnAt} is not null`,
      acknowledgeBy: referrals.acknowledgeBy,
      firstAppointmentBy: referrals.firstAppointmentBy,
      firstAppointmentOn: referrals.firstAppointmentOn,
    })
    .from(referrals)
    .innerJoin(
      organisations,
      and(eq(organisations.tenantId, referrals.tenantId), eq(organisations.id, referrals.toOrganisationId)),
    )
    .where(
      and(
        eq(referrals.tenantId, actor.tenantId),
        actor.role === "org_admin" ? eq(referrals.toOrganisationId, actor.organisationId) : undefined,
        gte(berlinDate(referrals.sentAt), period.from),
        lte(berlinDate(referrals.sentAt), period.to),
      ),
    );
  const byOrg = new Map<string, typeof rows>();
  for (const r of rows) byOrg.set(r.organisationId, [...(byOrg.get(r.organisationId) ?? []), r]);
  const items = [...byOrg.values()].map((list) => {
    const first = list[0] as (typeof rows)[number];
    const received = list.length;
    if (received < smallCell) {
      return {
        organisationId: first.organisationId,
        organisationName: first.organisationName,
        received,
        acknowledged: null,
        acknowledgedInTime: null,
        shareInTime: null,
        medianDaysToAcknowledge: null,
        overdueOpen: null,
        suppressed: true,
      };
    }
    const acknowledged = list.filter((r) => r.respondedOn !== null);
    const inTime = acknowledged.filter((r) => (r.respondedOn as string) <= r.acknowledgeBy).length;
    // Referrals still within their deadline, or withdrawn before an answer, are not judged yet.
    const judged = list.filter(
      (r) => r.respondedOn !== null || (!r.withdrawnBeforeResponse && r.acknowledgeBy < on),
    ).length;
    const overdueOpen = list.filter((r) => overdueKind(r, on) !== null).length;
    return {
      organisationId: first.organisationId,
      organisationName: first.organisationName,
      received,
      acknowledged: acknowledged.length,
      acknowledgedInTime: inTime,
      shareInTime: judged === 0 ? null : Math.round((inTime / judged) * 1000) / 1000,
      medianDaysToAcknowledge: median(
        acknowledged.map((r) => workingDaysBetween(r.sentOn, r.respondedOn as string, federalState)),
      ),
      overdueOpen,
      suppressed: false,
    };
  });
  items.sort((a, b) => a.organisationName.localeCompare(b.organisationName, "de"));
  return { from: period.from, to: period.to, items };
}
