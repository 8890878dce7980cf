import { z } from "zod";
import { categories } from "../../platform/domain-categories.js";
import { versionNumber } from "../../platform/http/schemas.js";
import { fullDate } from "../../platform/reference/partial-date.js";
import { goalStatuses, measureStatuses } from "./plans.tables.js";

const title = z.string().trim().min(1).max(300);
const version = versionNumber.optional();

export const createGoalSchema = z.strictObject({
  domain: z.enum(categories),
  title,
  targetDate: fullDate.nullish(),
  status: z.enum(goalStatuses).default("open"),
});
export const updateGoalSchema = z.strictObject({
  title: title.optional(),
  targetDate: fullDate.nullish(),
  status: z.enum(goalStatuses).optional(),
  version,
});

const measureFields = {
  title,
  responsibleOrganisationId: z.uuid(),
  responsibleUserId: z.uuid().nullish(),
  dueDate: fullDate.nullish(),
};
export const createMeasureSchema = z.strictObject({ ...measureFields, referralId: z.uuid().nullish() });
export const updateMeasureSchema = z.strictObject({
  title: title.optional(),
  responsibleOrganisationId: z.uuid().optional(),
  responsibleUserId: z.uuid().nullish(),
  dueDate: fullDate.nullish(),
  status: z.enum(measureStatuses).optional(),
  version,
});

const participant = z.strictObject({
  name: z.string().trim().min(1).max(200),
  organisationId: z.uuid().nullish(),
  role: z.string().trim().max(200).nullish(),
});
export const createConferenceSchema = z.strictObject({
  heldOn: fullDate,
  participants: z.array(participant).min(1).max(40),
  notes: z.string().trim().max(10_000).default(""),
  decisions: z
    .array(
      z.strictObject({
        text: z.string().trim().min(1).max(2000),
        measure: z.strictObject({ goalId: z.uuid(), ...measureFields }).nullish(),
      }),
    )
    .max(40)
    .default([]),
});

const ref = z.object({ id: z.uuid(), name: z.string() });
export const measureSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    goalId: z.uuid(),
    title: z.string(),
    responsibleOrganisation: ref,
    responsibleUser: ref.nullable(),
    dueDate: z.string().nullable(),
    status: z.enum(measureStatuses),
    referral: z
      .object({
        id: z.uuid(),
        status: z.string(),
        outcome: z.string().nullable(),
        outcomeNote: z.string().nullable(),
        service: z.string(),
        toOrganisationName: z.string(),
      })
      .nullable(),
    conferenceId: z.uuid().nullable(),
  })
  .meta({ id: "PlanMeasure" });

export const goalSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    domain: z.enum(categories),
    title: z.string(),
    targetDate: z.string().nullable(),
    status: z.enum(goalStatuses),
    measures: z.array(measureSchema),
  })
  .meta({ id: "PlanGoal" });

export const conferenceSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    heldOn: z.string(),
    participants: z.array(
      z.object({ name: z.string(), organisationId: z.string().nullish(), role: z.string().nullish() }),
    ),
    notes: z.string(),
    decisions: z.array(z.object({ text: z.string(), measureId: z.string().nullish() })),
  })
  .meta({ id: "CaseConference" });

export const planSchema = z
  .object({
    personId: z.uuid(),
    goals: z.array(goalSchema),
    conferences: z.array(conferenceSchema),
    abilities: z.object({ manage: z.boolean(), domains: z.array(z.enum(categories)) }),
  })
  .meta({ id: "IntegrationPlan" });
