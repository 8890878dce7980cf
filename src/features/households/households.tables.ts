import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../../platform/identity/identity.tables.js";
import { persons } from "../persons/persons.tables.js";

export const householdRelations = ["head", "spouse", "child", "parent", "sibling", "other"] as const;
export type HouseholdRelation = (typeof householdRelations)[number];

/** Persons living together. Relations are stated towards the household's head. */
export const households = pgTable(
  "households",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    createdByOrganisationId: uuid("created_by_organisation_id").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const householdMembers = pgTable(
  "household_members",
  {
    tenantId: uuid("tenant_id").notNull(),
    householdId: uuid("household_id").notNull(),
    personId: uuid("person_id").notNull(),
    relation: text("relation").$type<HouseholdRelation>().notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.householdId, t.personId] }),
    // A person lives in one household at a time.
    index("household_members_person_idx").on(t.tenantId, t.personId),
    foreignKey({
      columns: [t.tenantId, t.householdId],
      foreignColumns: [households.tenantId, households.id],
      name: "household_members_household_fk",
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "household_members_person_fk",
    }),
    check(
      "household_members_relation_check",
      sql`${t.relation} in ('head', 'spouse', 'child', 'parent', 'sibling', 'other')`,
    ),
  ],
);
