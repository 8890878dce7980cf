import { and, desc, eq, inArray } from "drizzle-orm";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import type { Db } from "../../platform/db/client.js";
import { organisations, users } from "../../platform/identity/identity.tables.js";

/** Audit actions that disclose person data to someone: the entries of an access report. */
export const disclosureActions = [
  "person.read",
  "person.listed",
  "record.read",
  "document.downloaded",
  "household.read",
  "person.exported",
  "referral.read",
  "plan.read",
] as const;

/** Who saw which categories of the person, when, and on which ground (Art. 15 (1) c GDPR: the recipients). */
export async function accessLog(db: Db, tenantId: string, personId: string, limit = 1000) {
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.occurredAt,
      action: auditEvents.action,
      userId: auditEvents.actorUserId,
      userName: users.name,
      organisationId: auditEvents.actorOrganisationId,
      organisationName: organisations.name,
      categories: auditEvents.categories,
      grounds: auditEvents.grounds,
      purpose: auditEvents.purpose,
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.tenantId, auditEvents.tenantId), eq(users.id, auditEvents.actorUserId)))
    .leftJoin(
      organisations,
      and(eq(organisations.tenantId, auditEvents.tenantId), eq(organisations.id, auditEvents.actorOrganisationId)),
    )
    .where(
      and(
        eq(auditEvents.tenantId, tenantId),
        eq(auditEvents.personId, personId),
        inArray(auditEvents.action, [...disclosureActions]),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return rows;
}
