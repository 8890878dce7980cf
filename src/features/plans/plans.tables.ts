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
import type { Category } from "../../platform/domain-categories.js";
import { tenants } from "../../platform/identity/identity.tables.js";
import { persons } from "../persons/persons.tables.js";

export const goalStatuses = ["open", "in_progress", "achieved", "dropped"] as const;
export type GoalStatus = (typeof goalStatuses)[number];
export const measureStatuses = ["planned", "in_progress", "done", "cancelled"] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

/**
 * A goal of a person's integration plan in one life domain. The domain is a data category, so a
 * goal is seen exactly by the organisations that may see that category of the person.
 */
export const planGoals = pgTable(
  "plan_goals",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    personId: uuid("person_id").notNull(),
    domain: text("domain").$type<Category>().notNull(),
    title: text("title").notNull(),
    targetDate: date("target_date", { mode: "string" }),
    status: text("status").$type<GoalStatus>().notNull().default("open"),
    ownerOrganisationId: uuid("owner_organisation_id").notNull(),
    createdBy: uuid("created_by").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("plan_goals_person_idx").on(t.tenantId, t.personId),
    foreignKey({
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "plan_goals_person_fk",
    }),
    check("plan_goals_status_check", sql`${t.status} in ('open', 'in_progress', 'achieved', 'dropped')`),
  ],
);

/** A measure towards a goal: who does what by when; optionally a referral that carries it out. */
export const planMeasures = pgTable(
  "plan_measures",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    personId: uuid("person_id").notNull(),
    goalId: uuid("goal_id").notNull(),
    title: text("title").notNull(),
    responsibleOrganisationId: uuid("responsible_organisation_id").notNull(),
    responsibleUserId: uuid("responsible_user_id"),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").$type<MeasureStatus>().notNull().default("planned"),
    referralId: uuid("referral_id"),
    conferenceId: uuid("conference_id"),
    ownerOrganisationId: uuid("owner_organisation_id").notNull(),
    createdBy: uuid("created_by").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("plan_measures_goal_idx").on(t.tenantId, t.goalId),
    index("plan_measures_referral_idx").on(t.tenantId, t.referralId),
    foreignKey({
      columns: [t.tenantId, t.goalId],
      foreignColumns: [planGoals.tenantId, planGoals.id],
      name: "plan_measures_goal_fk",
    }).onDelete("cascade"),
    check("plan_measures_status_check", sql`${t.status} in ('planned', 'in_progress', 'done', 'cancelled')`),
  ],
);

export type ConferenceParticipant = { name: string; organisationId?: string | null; role?: string | null };
export type ConferenceDecision = { text: string; measureId?: string | null };

/** A case conference (Fallkonferenz): date, participants, decisions (each may become a measure). */
export const caseConferences = pgTable(
  "case_conferences",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    personId: uuid("person_id").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    participants: jsonb("participants").$type<ConferenceParticipant[]>().notNull().default([]),
    notes: text("notes").notNull().default(""),
    decisions: jsonb("decisions").$type<ConferenceDecision[]>().notNull().default([]),
    ownerOrganisationId: uuid("owner_organisation_id").notNull(),
    createdBy: uuid("created_by").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("case_conferences_person_idx").on(t.tenantId, t.personId, t.heldOn),
    foreignKey({
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "case_conferences_person_fk",
    }),
  ],
);
