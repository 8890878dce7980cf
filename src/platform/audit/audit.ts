// Writing audit rows. Call inside the transaction of the change so both commit or neither does.
import type { Db } from "../db/client.js";
import { auditEvents } from "./audit.tables.js";
import type { AuditAction } from "./audit-events.js";

export type AuditContext = {
  requestId?: string | undefined;
  actor?: { tenantId: string; userId: string; organisationId: string; role: string } | undefined;
  /** Tenant of an event without an actor (e.g. a failed login of a known account). */
  tenantId?: string | undefined;
  /** A background job acting for nobody: its rows carry the role `system` and the job's id. */
  system?: SystemActor | undefined;
};

export type SystemActor = { role: "system"; job: string; jobId: string };

export type AuditEntry = {
  action: AuditAction;
  subjectType?: string;
  subjectId?: string;
  personId?: string;
  categories?: string[];
  purpose?: string;
  grounds?: unknown[];
  details?: Record<string, unknown>;
};

export async function audit(db: Db, ctx: AuditContext, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditEvents).values(entries.map((e) => auditColumns(ctx, e)));
}

/**
 * The columns of one audit row. The seal (seq, prev_hash, hash) is added by the sealer after the
 * commit (audit-chain.ts). A statement that writes its audit row itself (the case-file read)
 * takes its values from here.
 */
export function auditColumns(ctx: AuditContext, e: AuditEntry) {
  return {
    tenantId: ctx.actor?.tenantId ?? ctx.tenantId ?? null,
    requestId: ctx.requestId ?? (ctx.system ? `job:${ctx.system.jobId}` : null),
    action: e.action,
    actorUserId: ctx.actor?.userId ?? null,
    actorOrganisationId: ctx.actor?.organisationId ?? null,
    actorRole: ctx.actor?.role ?? ctx.system?.role ?? null,
    subjectType: e.subjectType ?? null,
    subjectId: e.subjectId ?? null,
    personId: e.personId ?? null,
    categories: e.categories ?? [],
    purpose: e.purpose ?? null,
    grounds: e.grounds ?? [],
    details: e.details ?? {},
  };
}

/** Field-level before/after of a change, leaving out secrets. */
export function changeSet<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  secret: readonly string[] = ["passwordHash", "totpSecret"],
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined || k === "version" || k === "updatedAt") continue;
    const old = before[k];
    if (JSON.stringify(old) === JSON.stringify(v)) continue;
    b[k] = secret.includes(k) ? "[secret]" : old;
    a[k] = secret.includes(k) ? "[secret]" : v;
  }
  return { before: b, after: a };
}
