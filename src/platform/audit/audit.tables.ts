import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The audit log: append-only (a trigger refuses UPDATE of content and DELETE) and hash-chained
 * per tenant. Rows are inserted unsealed inside the writer's transaction; the sealer assigns
 * `seq`, `prevHash` and `hash` in commit order moments later, so writers never wait on the chain.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** null for events outside any tenant (e.g. a failed login for an unknown account). */
    tenantId: uuid("tenant_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    requestId: text("request_id"),
    action: text("action").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorOrganisationId: uuid("actor_organisation_id"),
    actorRole: text("actor_role"),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    personId: uuid("person_id"),
    categories: text("categories").array().notNull().default(sql`'{}'::text[]`),
    purpose: text("purpose"),
    /** Why the actor could see it: ownership, consent id, referral id, legal basis id. */
    grounds: jsonb("grounds").$type<unknown[]>().notNull().default([]),
    /** before/after for writes; never free-text personal data beyond what the change itself holds. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    seq: bigint("seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
    sealedAt: timestamp("sealed_at", { withTimezone: true }),
  },
  (t) => [
    index("audit_tenant_seq_idx").on(t.tenantId, t.seq),
    index("audit_unsealed_idx").on(t.id).where(sql`${t.seq} is null`),
    index("audit_tenant_person_idx").on(t.tenantId, t.personId, t.occurredAt),
    index("audit_tenant_time_idx").on(t.tenantId, t.occurredAt),
    // Renames of users and organisations: access reports name a reader as they were called then.
    index("audit_subject_changes_idx")
      .on(t.tenantId, t.subjectId, t.id)
      .where(sql`${t.action} in ('user.updated', 'organisation.updated')`),
  ],
);
