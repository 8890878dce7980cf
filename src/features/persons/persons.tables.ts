import { sql } from "drizzle-orm";
import {
  check,
  date,
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
import { organisations, tenants } from "../../platform/identity/identity.tables.js";

export type PersonLanguage = { code: string; interpreterNeeded: boolean };
export type PersonContact = { phone?: string | null; email?: string | null };
export type PersonAddress = {
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  addition?: string | null;
};

export const caseStatuses = ["intake", "active", "paused", "closed"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/**
 * A person and the state of their case file. Partly known dates (birth, arrival) are stored as
 * text `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; their precision follows from the length.
 */
export const persons = pgTable(
  "persons",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    givenNames: text("given_names").notNull(),
    familyName: text("family_name").notNull().default(""),
    alternativeNames: text("alternative_names").array().notNull().default(sql`'{}'::text[]`),
    birthDate: text("birth_date"),
    birthPlace: text("birth_place"),
    sex: text("sex").$type<"female" | "male" | "diverse" | "unknown">().notNull().default("unknown"),
    nationalities: text("nationalities").array().notNull().default(sql`'{}'::text[]`),
    languages: jsonb("languages").$type<PersonLanguage[]>().notNull().default([]),
    contact: jsonb("contact").$type<PersonContact>().notNull().default({}),
    address: jsonb("address").$type<PersonAddress>().notNull().default({}),
    arrivedInGermanyOn: text("arrived_in_germany_on"),
    arrivedInMunicipalityOn: text("arrived_in_municipality_on"),
    registeredByOrganisationId: uuid("registered_by_organisation_id").notNull(),
    caseStatus: text("case_status").$type<CaseStatus>().notNull().default("intake"),
    leadOrganisationId: uuid("lead_organisation_id"),
    leadCaseManagerId: uuid("lead_case_manager_id"),
    caseOpenedOn: date("case_opened_on", { mode: "string" }),
    caseClosedOn: date("case_closed_on", { mode: "string" }),
    closingReason: text("closing_reason"),
    /** Set when the person was merged into another (the survivor); such a person is hidden everywhere. */
    mergedIntoId: uuid("merged_into_id"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("persons_registered_by_idx").on(t.tenantId, t.registeredByOrganisationId),
    index("persons_lead_idx").on(t.tenantId, t.leadOrganisationId),
    index("persons_name_idx").on(t.tenantId, t.familyName, t.givenNames, t.id),
    check("persons_case_status_check", sql`${t.caseStatus} in ('intake', 'active', 'paused', 'closed')`),
    check("persons_sex_check", sql`${t.sex} in ('female', 'male', 'diverse', 'unknown')`),
    foreignKey({
      columns: [t.tenantId, t.registeredByOrganisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
      name: "persons_registered_by_fk",
    }).onDelete("restrict"),
  ],
);

/** Case-state changes of a person (open, pause, close, reopen), for the timeline. */
export const caseEvents = pgTable(
  "case_events",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    personId: uuid("person_id").notNull(),
    action: text("action").$type<"registered" | "opened" | "paused" | "resumed" | "closed" | "reopened">().notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    reason: text("reason"),
    organisationId: uuid("organisation_id").notNull(),
    userId: uuid("user_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("case_events_person_idx").on(t.tenantId, t.personId, t.occurredAt),
    foreignKey({
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "case_events_person_fk",
    }),
  ],
);
