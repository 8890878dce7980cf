import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "../../platform/identity/identity.tables.js";
import { persons } from "../persons/persons.tables.js";

export const duplicateStatuses = ["open", "dismissed", "merged"] as const;
export type DuplicateStatus = (typeof duplicateStatuses)[number];

/** A pair of persons the batch linkage found likely to be the same person (ids ordered a < b). */
export const duplicateCandidates = pgTable(
  "duplicate_candidates",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    personAId: uuid("person_a_id").notNull(),
    personBId: uuid("person_b_id").notNull(),
    score: real("score").notNull(),
    reasons: text("reasons").array().notNull().default(sql`'{}'::text[]`),
    status: text("status").$type<DuplicateStatus>().notNull().default("open"),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("duplicate_candidates_pair_idx").on(t.tenantId, t.personAId, t.personBId),
    index("duplicate_candidates_status_idx").on(t.tenantId, t.status, t.score),
    index("duplicate_candidates_b_idx").on(t.tenantId, t.personBId),
    check("duplicate_candidates_status_check", sql`${t.status} in ('open', 'dismissed', 'merged')`),
    check("duplicate_candidates_order_check", sql`${t.personAId} < ${t.personBId}`),
    foreignKey({
      columns: [t.tenantId, t.personAId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "duplicate_candidates_a_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.personBId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "duplicate_candidates_b_fk",
    }).onDelete("cascade"),
  ],
);

/** Rows moved from the merged person to the survivor, per table, for undo. */
export type MovedRows = Record<string, string[]>;

/**
 * A merge of two persons: what the survivor looked like before, which rows moved, which household
 * memberships of the merged person were dropped — enough for undo to restore both exactly.
 */
export const personMerges = pgTable(
  "person_merges",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    survivorId: uuid("survivor_id").notNull(),
    mergedId: uuid("merged_id").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    mergedBy: uuid("merged_by").notNull(),
    mergedAt: timestamp("merged_at", { withTimezone: true }).notNull().defaultNow(),
    survivorBefore: jsonb("survivor_before").$type<Record<string, unknown>>().notNull(),
    mergedBefore: jsonb("merged_before").$type<Record<string, unknown>>().notNull(),
    moved: jsonb("moved").$type<MovedRows>().notNull(),
    droppedMemberships: jsonb("dropped_memberships")
      .$type<{ householdId: string; relation: string; addedAt: string }[]>()
      .notNull()
      .default([]),
    candidateId: uuid("candidate_id"),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    undoneBy: uuid("undone_by"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("person_merges_survivor_idx").on(t.tenantId, t.survivorId),
    index("person_merges_merged_idx").on(t.tenantId, t.mergedId),
    foreignKey({
      columns: [t.tenantId, t.survivorId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "person_merges_survivor_fk",
    }),
    foreignKey({
      columns: [t.tenantId, t.mergedId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "person_merges_merged_fk",
    }),
  ],
);
