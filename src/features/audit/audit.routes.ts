import { z } from "zod";
import { assertCanViewAudit } from "../../platform/access/access.js";
import { audit } from "../../platform/audit/audit.js";
import { sealAll, verifyChain } from "../../platform/audit/audit-chain.js";
import { auditActions } from "../../platform/audit/audit-events.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { searchAuditLog } from "./audit.queries.js";

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
      const result = await searchAuditLog(db(), actor, q);
      // Reading the audit log is itself audited.
      await audit(db(), auditContext(req), {
        action: "audit.searched",
        subjectType: "audit",
        ...(q.personId ? { personId: q.personId } : {}),
        details: { filters: Object.fromEntries(Object.entries(q).filter(([k]) => k !== "cursor")) },
      });
      return result;
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
