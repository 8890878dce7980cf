import { z } from "zod";
import { federalStates } from "../../platform/reference/working-days.js";

export const settingsSchema = z
  .object({
    /** The federal state whose public holidays are not working days (deadlines of referrals). */
    federalState: z.enum(federalStates),
    /** Working days to acknowledge a referral where no cooperation agreement sets them. */
    defaultAcknowledgeWithinDays: z.number().int(),
    /** Working days to a first appointment where no cooperation agreement sets them. */
    defaultFirstAppointmentWithinDays: z.number().int(),
  })
  .meta({ id: "TenantSettings" });

export const updateSettingsSchema = z.strictObject({
  federalState: z.enum(federalStates).optional(),
  defaultAcknowledgeWithinDays: z.number().int().min(0).max(60).optional(),
  defaultFirstAppointmentWithinDays: z.number().int().min(0).max(120).optional(),
});

export const holidaysQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  locale: z.enum(["de", "en"]).default("de"),
});

export const holidaysSchema = z
  .object({
    federalState: z.enum(federalStates),
    year: z.number().int(),
    items: z.array(z.object({ date: z.string(), name: z.string() })),
  })
  .meta({ id: "PublicHolidays" });
