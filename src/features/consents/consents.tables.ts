import { sql } from "drizzle-orm";
import {
  boolean,
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
import { tenants } from "../../platform/identity/identity.tables.js";
import { persons } from "../persons/persons.tables.js";

export const consentMethods = ["signed_form", "verbal_witnessed", "digital"] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/**
 * A person's consent (Einwilligung / Schweigepflichtentbindung): named recipient organisations,
 * or all partners under a cooperation agreement with the lead organisation, may see the named
 * categories for a purpose, from a date until a date. `caseManagement` is the consent to case
 * management by the lead organisation (access rule ground 2). Revocation and expiry are decided
 * at every request.
 */
export const consents = pgTable(
  "consents",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    personId: uuid("person_id").notNull(),
    recipientOrganisationIds: uuid("recipient_organisation_ids").array().notNull().default(sql`'{}'::uuid[]`),
    allPartners: boolean("all_partners").notNull().default(false),
    caseManagement: boolean("case_management").notNull().default(false),
    categories: text("categories").array().$type<Category[]>().notNull(),
    purpose: text("purpose").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    method: text("method").$type<ConsentMethod>().notNull(),
    language: text("language").notNull().default("de"),
    formVersion: text("form_version"),
    proofDocumentId: uuid("proof_document_id"),
    recordedByOrganisationId: uuid("recorded_by_organisation_id").notNull(),
    recordedBy: uuid("recorded_by").notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by"),
    revocationReason: text("revocation_reason"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("consents_person_idx").on(t.tenantId, t.personId),
    index("consents_recipients_idx").using("gin", t.recipientOrganisationIds),
    foreignKey({
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "consents_person_fk",
    }),
    check("consents_method_check", sql`${t.method} in ('signed_form', 'verbal_witnessed', 'digital')`),
    check("consents_validity_check", sql`${t.validUntil} is null or ${t.validUntil} >= ${t.validFrom}`),
  ],
);
