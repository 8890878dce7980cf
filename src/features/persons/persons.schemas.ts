import { z } from "zod";
import { categories } from "../../platform/domain-categories.js";
import { listQuery } from "../../platform/http/pagination.js";
import { versionNumber } from "../../platform/http/schemas.js";
import { partialDate } from "../../platform/reference/partial-date.js";
import { isCountryCode, isLanguageCode } from "../../platform/reference/reference-data.js";
import { caseStatuses } from "./persons.tables.js";

const name = z.string().trim().min(1).max(200);
const country = z.string().trim().toUpperCase().refine(isCountryCode, "Unknown ISO 3166 alpha-3 country code");
const language = z.strictObject({
  code: z.string().trim().toLowerCase().refine(isLanguageCode, "Unknown ISO 639 language code"),
  interpreterNeeded: z.boolean().default(false),
});
const contact = z.strictObject({
  phone: z
    .string()
    .trim()
    .max(50)
    .regex(/^[+\d ()/-]*$/, "Digits, spaces and + ( ) / - only")
    .nullish(),
  email: z.email().max(200).nullish(),
});
const address = z.strictObject({
  street: z.string().trim().max(200).nullish(),
  postalCode: z.string().trim().max(10).nullish(),
  city: z.string().trim().max(100).nullish(),
  addition: z.string().trim().max(200).nullish(),
});
const sex = z.enum(["female", "male", "diverse", "unknown"]);

const identityFields = {
  givenNames: name,
  /** Empty when the person has no family name (common in Afghanistan and Eritrea). */
  familyName: z.string().trim().max(200).default(""),
  alternativeNames: z.array(name).max(20).default([]),
  birthDate: partialDate.nullish().describe("YYYY-MM-DD, YYYY-MM or YYYY; null when unknown"),
  birthPlace: z.string().trim().max(200).nullish(),
  sex: sex.default("unknown"),
  nationalities: z.array(country).max(5).default([]),
  languages: z.array(language).max(10).default([]),
  contact: contact.default({}),
  address: address.default({}),
  arrivedInGermanyOn: partialDate.nullish(),
  arrivedInMunicipalityOn: partialDate.nullish(),
};

export const createPersonSchema = z.strictObject({
  ...identityFields,
  householdId: z.uuid().optional(),
  householdRelation: z.enum(["head", "spouse", "child", "parent", "sibling", "other"]).optional(),
});

export const updatePersonSchema = z.strictObject({
  givenNames: name.optional(),
  familyName: z.string().trim().max(200).optional(),
  alternativeNames: z.array(name).max(20).optional(),
  birthDate: partialDate.nullish(),
  birthPlace: z.string().trim().max(200).nullish(),
  sex: sex.optional(),
  nationalities: z.array(country).max(5).optional(),
  languages: z.array(language).max(10).optional(),
  contact: contact.optional(),
  address: address.optional(),
  arrivedInGermanyOn: partialDate.nullish(),
  arrivedInMunicipalityOn: partialDate.nullish(),
  version: versionNumber.optional(),
});

export const listPersonsQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: z.enum(caseStatuses).optional(),
  ...listQuery,
});

export const personReadQuery = z.strictObject({
  include: z.enum(["records"]).optional(),
});

export const caseActionSchema = z
  .strictObject({
    reason: z.string().trim().min(1).max(1000).optional(),
    leadCaseManagerId: z.uuid().optional(),
    version: versionNumber.optional(),
  })
  .default({});

const category = z.enum(categories);

export const personSchema = z
  .object({
    id: z.uuid(),
    givenNames: z.string(),
    familyName: z.string(),
    alternativeNames: z.array(z.string()),
    birthDate: z.string().nullable(),
    birthDatePrecision: z.enum(["full", "year-month", "year", "unknown"]),
    birthPlace: z.string().nullable(),
    sex: sex,
    nationalities: z.array(z.string()),
    languages: z.array(z.object({ code: z.string(), interpreterNeeded: z.boolean() })),
    contact: z.object({ phone: z.string().nullish(), email: z.string().nullish() }),
    address: z.object({
      street: z.string().nullish(),
      postalCode: z.string().nullish(),
      city: z.string().nullish(),
      addition: z.string().nullish(),
    }),
    arrivedInGermanyOn: z.string().nullable(),
    arrivedInMunicipalityOn: z.string().nullable(),
    registeredByOrganisationId: z.uuid(),
    case: z.object({
      status: z.enum(caseStatuses),
      leadOrganisationId: z.uuid().nullable(),
      leadCaseManagerId: z.uuid().nullable(),
      openedOn: z.string().nullable(),
      closedOn: z.string().nullable(),
      closingReason: z.string().nullable(),
    }),
    household: z.object({ id: z.uuid(), name: z.string(), relation: z.string() }).nullable().optional(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
    /** Categories this organisation sees in full; the others are closed (with reasons). */
    access: z.object({
      openCategories: z.array(category),
      /**
       * no-consent: nothing opens it; protected-provenance: open, but records of protected origin stay
       * hidden; confidential: health, family and notes toward an immigration office, which open only by a
       * consent naming it and the category, or a legal basis.
       */
      closedCategories: z.array(
        z.object({ category, reason: z.enum(["no-consent", "protected-provenance", "confidential"]) }),
      ),
    }),
    abilities: z.object({
      editIdentity: z.boolean(),
      manageCase: z.boolean(),
      manageConsents: z.boolean(),
      addRecordCategories: z.array(category),
      openCategories: z.array(category),
    }),
    records: z.array(z.record(z.string(), z.unknown())).optional(),
  })
  .meta({ id: "Person" });

export const personSummarySchema = z
  .object({
    id: z.uuid(),
    givenNames: z.string(),
    familyName: z.string(),
    birthDate: z.string().nullable(),
    birthDatePrecision: z.enum(["full", "year-month", "year", "unknown"]),
    nationalities: z.array(z.string()),
    caseStatus: z.enum(caseStatuses),
    leadOrganisationId: z.uuid().nullable(),
    version: z.number().int(),
    /** Search only (`q`): how well the person matches the typed text, in [0, 1]. */
    score: z.number().optional(),
    /** Search only (`q`): why the person matches (e.g. name-variant, names-swapped, birth-year-only). */
    matchReasons: z.array(z.string()).optional(),
  })
  .meta({ id: "PersonSummary" });
