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
import { persons } from "../persons/persons.tables.js";

export const referralStatuses = ["sent", "accepted", "declined", "completed", "withdrawn"] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/**
 * A referral (Verweisung) of a person from one organisation to another for a service. The due
 * dates are derived from the cooperation agreement in working days when the referral is sent and
 * kept, so that a later change of the agreement does not move a running deadline.
 */
export const referrals = pgTable(
  "referrals",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    personId: uuid("person_id").notNull(),
    fromOrganisationId: uuid("from_organisation_id").notNull(),
    fromUserId: uuid("from_user_id").notNull(),
    toOrganisationId: uuid("to_organisation_id").notNull(),
    service: text("service").notNull(),
    message: text("message").notNull().default(""),
    sharedCategories: text("shared_categories").array().$type<Category[]>().notNull(),
    status: text("status").$type<ReferralStatus>().notNull().default("sent"),
    /** The agreement the deadlines come from; null = the tenant's default deadlines. */
    agreementId: uuid("agreement_id"),
    acknowledgeBy: date("acknowledge_by", { mode: "string" }).notNull(),
    firstAppointmentBy: date("first_appointment_by", { mode: "string" }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the receiver accepted or declined. */
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    respondedBy: uuid("responded_by"),
    declineReason: text("decline_reason"),
    responseNote: text("response_note"),
    /**
     * The first appointment's date in Germany (Europe/Berlin), the date the overdue rule compares
     * with `firstAppointmentBy`; written with `firstAppointmentAt`, or alone where only a date is
     * known (referrals accepted before appointments had a time, and the deprecated date-only accept).
     */
    firstAppointmentOn: date("first_appointment_on", { mode: "string" }),
    /** When the first appointment takes place; null when only its date is known. */
    firstAppointmentAt: timestamp("first_appointment_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedBy: uuid("completed_by"),
    outcome: text("outcome"),
    outcomeNote: text("outcome_note"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by"),
    withdrawReason: text("withdraw_reason"),
    /** Set once when the overdue notifications went out (the sweep is idempotent). */
    overdueNotifiedAt: timestamp("overdue_notified_at", { withTimezone: true }),
    /** The integration-plan goal the referral serves, if any (a measure links back to it). */
    goalId: uuid("goal_id"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("referrals_to_idx").on(t.tenantId, t.toOrganisationId, t.status, t.sentAt),
    index("referrals_from_idx").on(t.tenantId, t.fromOrganisationId, t.status, t.sentAt),
    index("referrals_person_idx").on(t.tenantId, t.personId),
    foreignKey({
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "referrals_person_fk",
    }),
    foreignKey({
      columns: [t.tenantId, t.fromOrganisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
      name: "referrals_from_fk",
    }),
    foreignKey({
      columns: [t.tenantId, t.toOrganisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
      name: "referrals_to_fk",
    }),
    check("referrals_status_check", sql`${t.status} in ('sent', 'accepted', 'declined', 'completed', 'withdrawn')`),
    check("referrals_distinct_check", sql`${t.fromOrganisationId} <> ${t.toOrganisationId}`),
  ],
);
