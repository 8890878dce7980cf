import { and, desc, eq, getTableColumns, gte, lt, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { assertCanViewAudit } from "../../platform/access/access.js";
import { audit } from "../../platform/audit/audit.js";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import { sealAll, verifyChain } from "../../platform/audit/audit-chain.js";
import { auditActions } from "../../platform/audit/audit-events.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { cursorPart, decodeCursor, listResponse, page } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { users } from "../../platform/identity/identity.tables.js";

const tags = ["audit"];
const auditors = policy.roles("tenant_admin", "dpo");

const auditQuery = z.strictObject({
  personId: z.uuid().optional(),
  userId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  action: z.enum(auditActions).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

const auditEventSchema = z
  .object({
    id: z.number(),
    occurredAt: z.date(),
    action: z.string(),
    requestId: z.string().nullable(),
    actorUserId: z.uuid().nullable(),
    actorOrganisationId: z.uuid().nullable(),
    actorRole: z.string().nullable(),
    actorName: z.string().nullable(),
    actorEmail: z.string().nullable(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    personId: z.uuid().nullable(),
    categories: z.array(z.string()),
    purpose: z.string().nullable(),
    grounds: z.array(z.unknown()),
    details: z.record(z.string(), z.unknown()),
    seq: z.number().nullable(),
    hash: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });

const verifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenId: z.number().optional(),
  pending: z.number(),
});

export async function auditRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.get(
    "/audit",
    {
      config: { policy: auditors },
      schema: {
        tags,
        summary: "Search the audit log of the tenant (newest first)",
        querystring: auditQuery,
        response: { 200: listResponse(auditEventSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      assertCanViewAudit(actor);
      const q = req.query;
      const conditions: (SQL | undefined)[] = [eq(auditEvents.tenantId, actor.tenantId)];
      if (q.personId) conditions.push(eq(auditEvents.personId, q.personId));
      if (q.userId) conditions.push(eq(auditEvents.actorUserId, q.userId));
      if (q.organisationId) conditions.push(eq(auditEvents.actorOrganisationId, q.organisationId));
      if (q.action) conditions.push(eq(auditEvents.action, q.action));
      if (q.from) conditions.push(gte(auditEvents.occurredAt, new Date(q.from)));
      if (q.to) conditions.push(lte(auditEvents.occurredAt, endOf(q.to)));
      const after = decodeCursor(q.cursor, z.tuple([cursorPart.serial]));
      if (after) conditions.push(lt(auditEvents.id, after[0]));
      const rows = await db()
        .select({ ...getTableColumns(auditEvents), actorName: users.name, actorEmail: users.email })
        .from(auditEvents)
        .leftJoin(users, and(eq(users.tenantId, auditEvents.tenantId), eq(users.id, auditEvents.actorUserId)))
        .where(and(...conditions))
        .orderBy(desc(auditEvents.id))
        .limit(q.limit + 1);
      // Reading the audit log is itself audited.
      await audit(db(), auditContext(req), {
        action: "audit.searched",
        subjectType: "audit",
        ...(q.personId ? { personId: q.personId } : {}),
        details: { filters: Object.fromEntries(Object.entries(q).filter(([k]) => k !== "cursor")) },
      });
      const p = page(rows, q.limit, (r) => [r.id]);
      return { items: p.items.map(withoutCaseContent), nextCursor: p.nextCursor };
    },
  );

  app.get(
    "/audit/verify",
    {
      config: { policy: auditors },
      schema: {
        tags,
        summary: "Seal pending rows and recompute the tenant's hash chain",
        response: { 200: verifySchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      assertCanViewAudit(actor);
      await sealAll(db());
      const result = await verifyChain(db(), actor.tenantId);
      await audit(db(), auditContext(req), {
        action: "audit.verified",
        subjectType: "audit",
        details: { ok: result.ok, checked: result.checked },
      });
      return result;
    },
  );
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
