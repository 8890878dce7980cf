import { z } from "zod";
import { organisationTypes } from "../../platform/domain.js";
import { listQuery } from "../../platform/http/pagination.js";
import { optionalText, shortText, versionNumber } from "../../platform/http/schemas.js";
import { isLanguageCode } from "../../platform/reference/reference-data.js";

const contactSchema = z
  .object({
    name: z.string(),
    role: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
  })
  .meta({ id: "OrganisationContact" });

export const organisationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(organisationTypes),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    /** Codes of the code list `service`. */
    services: z.array(z.string()),
    /** ISO 639 codes of the languages the organisation serves clients in. */
    languages: z.array(z.string()),
    openingHours: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    contacts: z.array(contactSchema),
    active: z.boolean(),
    /** Someone there can act on a referral (an active case manager, caseworker or organisation admin). */
    receivesReferrals: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "Organisation" });

const serviceCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,60}$/, "Must be a code of the code list service");
const languageCode = z.string().trim().toLowerCase().refine(isLanguageCode, "Unknown ISO 639 language code");
const contactInput = z.strictObject({
  name: shortText(200),
  role: optionalText(200),
  email: z.email().max(200).nullish(),
  phone: optionalText(50),
});
const website = z
  .url({ protocol: /^https?$/, message: "Must be an http(s) address" })
  .max(500)
  .nullish();

/** The directory entry: who offers what, in which languages, when and how to reach them. */
export const directoryFields = {
  email: z.email().max(200).nullish(),
  phone: optionalText(50),
  address: optionalText(500),
  services: z
    .array(serviceCode)
    .max(40)
    .refine((a) => new Set(a).size === a.length, "Each service only once")
    .optional(),
  languages: z
    .array(languageCode)
    .max(40)
    .refine((a) => new Set(a).size === a.length, "Each language only once")
    .optional(),
  openingHours: optionalText(1000),
  website,
  description: optionalText(2000),
  contacts: z.array(contactInput).max(20).optional(),
};
export const directoryFieldNames = [
  "email",
  "phone",
  "address",
  "services",
  "languages",
  "openingHours",
  "website",
  "description",
  "contacts",
] as const;

export const createOrganisationSchema = z.strictObject({
  name: shortText(200),
  type: z.enum(organisationTypes),
  ...directoryFields,
});

export const updateOrganisationSchema = z.strictObject({
  name: shortText(200).optional(),
  type: z.enum(organisationTypes).optional(),
  active: z.boolean().optional(),
  ...directoryFields,
  version: versionNumber.optional(),
});

export const listOrganisationsQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  type: z.enum(organisationTypes).optional(),
  active: z.enum(["true", "false"]).optional(),
  /** Organisations offering this service (a code of the code list `service`). */
  service: serviceCode.optional(),
  /** Organisations serving clients in this language (ISO 639). */
  language: languageCode.optional(),
  ...listQuery,
});

export type Organisation = z.infer<typeof organisationSchema>;
