// The overdue sweep: a system job (no actor) that flags referrals past a deadline once and notifies
// both organisations' admins and the sender. Idempotent: `overdue_notified_at` is set in the same
// statement that selects the referral, so two instances never notify twice.
import { sql } from "drizzle-orm";
import { audit, type SystemActor } from "../../platform/audit/audit.js";
import type { Db } from "../../platform/db/client.js";
import { today } from "../../platform/reference/partial-date.js";
import { notify, usersOfOrganisation } from "../notifications/notifications.commands.js";
import { referralTarget } from "./referrals.commands.js";
import { referrals } from "./referrals.tables.js";

const adminRoles = ["org_admin", "tenant_admin"] as const;

/**
 * Flags and notifies every newly overdue referral of every tenant (or of one); returns how many.
 * `system` names the job whose audit rows these are.
 */
export async function systemSweepOverdueReferrals(
  db: Db,
  on = today(),
  options: { tenantId?: string | undefined; system?: SystemActor } = {},
): Promise<number> {
  return db.transaction(async (tx) => {
    const flagged = await tx
      .update(referrals)
      .set({ overdueNotifiedAt: sql`now()` })
      .where(
        sql`${referrals.overdueNotifiedAt} is null
          ${options.tenantId ? sql`and ${referrals.tenantId} = ${options.tenantId}` : sql``} and (
          (${referrals.status} = 'sent' and ${referrals.acknowledgeBy} < ${on}::date)
          or (${referrals.status} = 'accepted' and ${referrals.firstAppointmentBy} < ${on}::date
            and (${referrals.firstAppointmentOn} is null or ${referrals.firstAppointmentOn} > ${referrals.firstAppointmentBy})))`,
      )
      .returning();
    for (const r of flagged) {
      const kind = r.status === "sent" ? "acknowledge" : "first_appointment";
      const admins = [
        ...(await usersOfOrganisation(tx, r.tenantId, r.fromOrganisationId, adminRoles)),
        ...(await usersOfOrganisation(tx, r.tenantId, r.toOrganisationId, adminRoles)),
      ];
      await notify(tx, r.tenantId, [...admins, r.fromUserId], {
        kind: "referral.overdue",
        subjectType: "referral",
        subjectId: r.id,
        params: {
          service: r.service,
          deadline: kind,
          dueOn: kind === "acknowledge" ? r.acknowledgeBy : r.firstAppointmentBy,
        },
        targetFor: referralTarget(r),
      });
      await audit(
        tx,
        { tenantId: r.tenantId, system: options.system },
        {
          action: "referral.overdue",
          subjectType: "referral",
          subjectId: r.id,
          personId: r.personId,
          details: { deadline: kind, toOrganisationId: r.toOrganisationId },
        },
      );
    }
    return flagged.length;
  });
}
