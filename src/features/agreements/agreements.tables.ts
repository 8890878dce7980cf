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
import { organisations, tenants } from "../../platform/identity/identity.tables.js";

/**
 * A cooperation agreement (Kooperationsvereinbarung) between the lead organisation and a partner:
 * services covered and binding deadlines in working days. A consent for "all partner
 * organisations" reaches the partners with an active agreement with the person's lead organisation.
 */
export const agreements = pgTable(
  "agreements",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    leadOrganisationId: uuid("lead_organisation_id").notNull(),
    partnerOrganisationId: uuid("partner_organisation_id").notNull(),
    services: text("services").array().notNull().default(sql`'{}'::text[]`),
    acknowledgeWithinDays: integer("acknowledge_within_days").notNull(),
    firstAppointmentWithinDays: integer("first_appointment_within_days").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    createdBy: uuid("created_by").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("agreements_partner_idx").on(t.tenantId, t.partnerOrganisationId, t.leadOrganisationId),
    foreignKey({
      columns: [t.tenantId, t.leadOrganisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
      name: "agreements_lead_fk",
    }),
    foreignKey({
      columns: [t.tenantId, t.partnerOrganisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
      name: "agreements_partner_fk",
    }),
    check(
      "agreements_days_check",
      sql`${t.acknowledgeWithinDays} between 0 and 60 and ${t.firstAppointmentWithinDays} between 0 and 120`,
    ),
    check("agreements_distinct_check", sql`${t.leadOrganisationId} <> ${t.partnerOrganisationId}`),
    check("agreements_validity_check", sql`${t.validUntil} is null or ${t.validUntil} >= ${t.validFrom}`),
  ],
);
