// The audit search of the tenant admin and the dpo: newest first, without case content.
import { and, desc, eq, getTableColumns, gte, lt, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import type { AuditAction } from "../../platform/audit/audit-events.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { cursorPart, decodeCursor, page } from "../../platform/http/pagination.js";
import { users } from "../../platform/identity/identity.tables.js";

export type AuditQuery = {
  personId?: string | undefined;
  userId?: string | undefined;
  organisationId?: string | undefined;
  action?: AuditAction | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};

/** The tenant's audit rows matching the filters; callers check assertCanViewAudit first. */
export async function searchAuditLog(db: Db, actor: Actor, q: AuditQuery) {
  const conditions: (SQL | undefined)[] = [eq(auditEvents.tenantId, actor.tenantId)];
  if (q.personId) conditions.push(eq(auditEvents.personId, q.personId));
  if (q.userId) conditions.push(eq(auditEvents.actorUserId, q.userId));
  if (q.organisationId) conditions.push(eq(auditEvents.actorOrganisationId, q.organisationId));
  if (q.action) conditions.push(eq(auditEvents.action, q.action));
  if (q.from) conditions.push(gte(auditEvents.occurredAt, new Date(q.from)));
  if (q.to) conditions.push(lte(auditEvents.occurredAt, endOf(q.to)));
  const after = decodeCursor(q.cursor, z.tuple([cursorPart.serial]));
  if (after) conditions.push(lt(auditEvents.id, after[0]));
  const rows = await db
    .select({ ...getTableColumns(auditEvents), actorName: users.name, actorEmail: users.email })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.tenantId, auditEvents.tenantId), eq(users.id, auditEvents.actorUserId)))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (r) => [r.id]);
  return { items: p.items.map(withoutCaseContent), nextCursor: p.nextCursor };
}

/**
 * The audit log keeps the before/after of every write, but its readers (tenant admin, dpo) see no
 * case content: for events about a person only the names of the changed fields are shown.
 */
function withoutCaseContent<T extends { personId: string | null; details: Record<string, unknown> }>(row: T): T {
  if (!row.personId) return row;
  const fields = new Set<string>();
  for (const side of ["before", "after"]) {
    const v = row.details[side];
    if (v && typeof v === "object") for (const k of Object.keys(v)) fields.add(k);
  }
  return { ...row, details: fields.size > 0 ? { changedFields: [...fields].sort() } : {} };
}

/** A date without time means the whole day. */
function endOf(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}
