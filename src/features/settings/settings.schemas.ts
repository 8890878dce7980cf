import { z } from "zod";
import { federalStates } from "../../platform/reference/working-days.js";

/** Who is responsible and how to reach them, as the Art. 15 document names them; "" while unset. */
const contactSchema = z.object({ name: z.string(), address: z.string(), email: z.string(), phone: z.string() });
const contactUpdate = z
  .strictObject({
    name: z.string().trim().max(200),
    /** Postal address, one line each (street, postcode and city). */
    address: z.string().trim().max(500),
    email: z.union([z.literal(""), z.email().max(200)]),
    phone: z.string().trim().max(50),
  })
  .partial();

export const settingsSchema = z
  .object({
    /** The federal state whose public holidays are not working days (deadlines of referrals). */
    federalState: z.enum(federalStates),
    /** Working days to acknowledge a referral where no cooperation agreement sets them. */
    defaultAcknowledgeWithinDays: z.number().int(),
    /** Working days to a first appointment where no cooperation agreement sets them. */
    defaultFirstAppointmentWithinDays: z.number().int(),
    /** The controller under the GDPR (the municipality; its name defaults to the tenant's). */
    controller: contactSchema,
    /** The data-protection officer's contact, named in every Art. 15 document. */
    dataProtectionOfficer: contactSchema,
  })
  .meta({ id: "TenantSettings" });

export const updateSettingsSchema = z.strictObject({
  federalState: z.enum(federalStates).optional(),
  defaultAcknowledgeWithinDays: z.number().int().min(0).max(60).optional(),
  defaultFirstAppointmentWithinDays: z.number().int().min(0).max(120).optional(),
  controller: contactUpdate.optional(),
  dataProtectionOfficer: contactUpdate.optional(),
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
