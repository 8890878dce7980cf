import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { Category } from "../../platform/domain-categories.js";
import { organisations, tenants } from "../../platform/identity/identity.tables.js";

/**
 * A tenant-configured legal basis: lets an organisation see categories without consent (e.g. a
 * statutory transmission duty), with its citation. Every use is audited like a consent.
 */
export const legalBases = pgTable(
  "legal_bases",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    categories: text("categories").array().$type<Category[]>().notNull(),
    citation: text("citation").notNull(),
    description: text("description"),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("legal_bases_org_idx").on(t.tenantId, t.organisationId),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
      name: "legal_bases_organisation_fk",
    }),
    check("legal_bases_validity_check", sql`${t.validUntil} is null or ${t.validUntil} >= ${t.validFrom}`),
  ],
);
