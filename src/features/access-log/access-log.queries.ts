import { and, asc, desc, eq, gt, inArray, or, sql } from "drizzle-orm";
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
  return namesAtTheTime(db, tenantId, rows);
}

type Named = {
  id: number;
  userId: string | null;
  userName: string | null;
  organisationId: string | null;
  organisationName: string | null;
};

/**
 * A reader is named as they were called when they read: the `before` of the first rename of the user
 * (or organisation) after the entry, else the current name. Renames are `user.updated` (by an admin
 * or by the user) and `organisation.updated` rows whose change set holds the name.
 */
export async function namesAtTheTime<T extends Named>(db: Db, tenantId: string, rows: T[]): Promise<T[]> {
  const userIds = [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const organisationIds = [...new Set(rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])))];
  if (rows.length === 0) return rows;
  const since = Math.min(...rows.map((r) => r.id));
  const renamesOf = (action: "user.updated" | "organisation.updated", type: string, ids: string[]) =>
    ids.length === 0
      ? undefined
      : and(eq(auditEvents.action, action), eq(auditEvents.subjectType, type), inArray(auditEvents.subjectId, ids));
  const subjects = [
    renamesOf("user.updated", "user", userIds),
    renamesOf("organisation.updated", "organisation", organisationIds),
  ].filter(Boolean);
  if (subjects.length === 0) return rows;
  const renames = await db
    .select({
      id: auditEvents.id,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      before: sql<string>`${auditEvents.details} -> 'before' ->> 'name'`,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.tenantId, tenantId),
        gt(auditEvents.id, since),
        or(...subjects),
        sql`${auditEvents.details} -> 'before' ->> 'name' is not null`,
      ),
    )
    .orderBy(asc(auditEvents.id));
  if (renames.length === 0) return rows;
  const bySubject = new Map<string, { id: number; before: string }[]>();
  for (const r of renames) {
    const key = `${r.subjectType}:${r.subjectId}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), { id: r.id, before: r.before }]);
  }
  const nameAt = (type: string, subjectId: string | null, at: number, current: string | null) =>
    (subjectId && bySubject.get(`${type}:${subjectId}`)?.find((r) => r.id > at)?.before) ?? current;
  return rows.map((r) => ({
    ...r,
    userName: nameAt("user", r.userId, r.id, r.userName),
    organisationName: nameAt("organisation", r.organisationId, r.id, r.organisationName),
  }));
}
