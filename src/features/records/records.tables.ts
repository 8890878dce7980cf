import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { Category } from "../../platform/domain-categories.js";
import { tenants } from "../../platform/identity/identity.tables.js";
import { persons } from "../persons/persons.tables.js";
import type { RecordKind } from "./record-kinds.js";

/**
 * Everything known about a person in a life domain: a typed record. `data` follows the kind's
 * schema (record-kinds.ts). `protected` marks records created by organisations whose data must
 * not reach an immigration office by default (ARCHITECTURE.md "The access rule").
 */
export const records = pgTable(
  "records",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    personId: uuid("person_id").notNull(),
    kind: text("kind").$type<RecordKind>().notNull(),
    category: text("category").$type<Category>().notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    validFrom: text("valid_from"),
    validUntil: text("valid_until"),
    ownerOrganisationId: uuid("owner_organisation_id").notNull(),
    protected: boolean("protected").notNull().default(false),
    createdBy: uuid("created_by").notNull(),
    updatedBy: uuid("updated_by").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("records_person_idx").on(t.tenantId, t.personId, t.category, t.createdAt),
    index("records_owner_idx").on(t.tenantId, t.ownerOrganisationId, t.personId),
    index("records_kind_idx").on(t.tenantId, t.kind, t.validUntil).where(sql`${t.kind} = 'residence_status'`),
    foreignKey({
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "records_person_fk",
    }),
  ],
);
