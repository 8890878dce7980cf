import { z } from "zod";
import { categories } from "../../platform/domain-categories.js";
import { versionNumber } from "../../platform/http/schemas.js";
import { fullDate } from "../../platform/reference/partial-date.js";
import { declineReasons, outcomes } from "./referral-state.js";
import { referralStatuses } from "./referrals.tables.js";

const note = z.string().trim().max(2000).nullish();
const version = versionNumber.optional();

export const createReferralSchema = z.strictObject({
  personId: z.uuid(),
  toOrganisationId: z.uuid(),
  service: z.string().trim().min(1).max(100),
  message: z.string().trim().max(4000).default(""),
  sharedCategories: z.array(z.enum(categories)).max(categories.length).default([]),
  goalId: z.uuid().nullish(),
});

export const acceptSchema = z
  .strictObject({
    /** The first appointment, e.g. `2026-12-01T09:30:00+01:00` (an offset or Z is required). */
    firstAppointmentAt: z.iso
      .datetime({ offset: true })
      .nullish()
      .meta({ description: "The first appointment: ISO 8601 date-time with offset, e.g. 2026-12-01T09:30:00+01:00" }),
    firstAppointmentOn: fullDate.nullish().meta({
      deprecated: true,
      description: "Deprecated: the first appointment's date only (YYYY-MM-DD). Send firstAppointmentAt instead.",
    }),
    note,
    version,
  })
  .superRefine((b, ctx) => {
    if (b.firstAppointmentAt && b.firstAppointmentOn)
      ctx.addIssue({
        code: "custom",
        path: ["firstAppointmentOn"],
        message: "Send firstAppointmentAt or firstAppointmentOn, not both",
      });
  });
export const declineSchema = z.strictObject({ reason: z.enum(declineReasons), note, version });
export const completeSchema = z.strictObject({ outcome: z.enum(outcomes), note, version });
export const withdrawSchema = z.strictObject({ reason: note, version });

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(200)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const listReferralsQuery = z.strictObject({
  direction: z.enum(["incoming", "outgoing", "all"]).default("all"),
  status: csv(referralStatuses).optional(),
  due: z.enum(["soon", "overdue"]).optional(),
  personId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

const ref = z.object({ id: z.uuid(), name: z.string() });

export const referralSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    /** Null when the person is no longer visible to your organisation (the referral ended). */
    person: z
      .object({ id: z.uuid(), givenNames: z.string(), familyName: z.string(), birthDate: z.string().nullable() })
      .nullable(),
    personId: z.uuid(),
    fromOrganisation: ref,
    fromUser: ref.nullable(),
    toOrganisation: ref,
    service: z.string(),
    message: z.string(),
    sharedCategories: z.array(z.enum(categories)),
    status: z.enum(referralStatuses),
    agreementId: z.uuid().nullable(),
    acknowledgeBy: z.string(),
    firstAppointmentBy: z.string(),
    sentAt: z.date(),
    respondedAt: z.date().nullable(),
    declineReason: z.string().nullable(),
    responseNote: z.string().nullable(),
    /** The first appointment's date in Germany (also set when only the date is known). */
    firstAppointmentOn: z.string().nullable(),
    /** When the first appointment takes place; null when only its date is known. */
    firstAppointmentAt: z.date().nullable(),
    completedAt: z.date().nullable(),
    outcome: z.string().nullable(),
    outcomeNote: z.string().nullable(),
    withdrawnAt: z.date().nullable(),
    withdrawReason: z.string().nullable(),
    overdue: z.boolean(),
    overdueKind: z.enum(["acknowledge", "first_appointment"]).nullable(),
    goalId: z.uuid().nullable(),
    abilities: z.object({ accept: z.boolean(), decline: z.boolean(), complete: z.boolean(), withdraw: z.boolean() }),
  })
  .meta({ id: "Referral" });

export const slaQuery = z.strictObject({ from: fullDate.optional(), to: fullDate.optional() });

export const slaSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      organisationId: z.uuid(),
      organisationName: z.string(),
      received: z.number().int(),
      acknowledged: z.number().int().nullable(),
      acknowledgedInTime: z.number().int().nullable(),
      shareInTime: z.number().nullable(),
      medianDaysToAcknowledge: z.number().nullable(),
      overdueOpen: z.number().int().nullable(),
      suppressed: z.boolean(),
    }),
  ),
});
