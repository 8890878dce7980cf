import { z } from "zod";
import { categories } from "../../platform/domain-categories.js";
import { fullDate } from "../../platform/reference/partial-date.js";
import { consentFormLanguages } from "./consent-forms.js";
import { consentMethods } from "./consents.tables.js";

const category = z.enum(categories);

export const createConsentSchema = z
  .strictObject({
    recipientOrganisationIds: z.array(z.uuid()).max(30).default([]),
    allPartners: z.boolean().default(false),
    /** Consent to case management by the person's lead organisation. */
    caseManagement: z.boolean().default(false),
    categories: z.array(category).min(1).max(categories.length),
    purpose: z.string().trim().min(1).max(500),
    validFrom: fullDate,
    validUntil: fullDate.nullish(),
    method: z.enum(consentMethods),
    language: z.enum(consentFormLanguages).default("de"),
    formVersion: z.string().trim().max(50).nullish(),
    proofDocumentId: z.uuid().nullish(),
  })
  .refine((c) => c.recipientOrganisationIds.length > 0 || c.allPartners || c.caseManagement, {
    message: "Name recipient organisations, or allPartners, or caseManagement",
    path: ["recipientOrganisationIds"],
  })
  .refine((c) => !c.validUntil || c.validUntil >= c.validFrom, {
    message: "Must not lie before validFrom",
    path: ["validUntil"],
  });

/** The body may be left out. */
export const revokeConsentSchema = z
  .strictObject({ reason: z.string().trim().min(1).max(1000).optional() })
  .default({});

export const consentSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    recipientOrganisationIds: z.array(z.uuid()),
    allPartners: z.boolean(),
    caseManagement: z.boolean(),
    categories: z.array(category),
    purpose: z.string(),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    method: z.enum(consentMethods),
    language: z.string(),
    formVersion: z.string().nullable(),
    proofDocumentId: z.uuid().nullable(),
    recordedByOrganisationId: z.uuid(),
    status: z.enum(["active", "pending", "expired", "revoked"]),
    revokedAt: z.date().nullable(),
    revocationReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: "Consent" });
