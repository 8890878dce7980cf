import { z } from "zod";
import { listQuery } from "../../platform/http/pagination.js";
import { versionNumber } from "../../platform/http/schemas.js";
import { partialDate } from "../../platform/reference/partial-date.js";
import { caseStatuses } from "../persons/persons.tables.js";
import { duplicateStatuses } from "./duplicates.tables.js";

/** What the registration form knows before the person is created. */
export const duplicateCheckSchema = z.strictObject({
  givenNames: z.string().trim().min(1).max(200),
  familyName: z.string().trim().max(200).default(""),
  birthDate: partialDate.nullish(),
  birthPlace: z.string().trim().max(200).nullish(),
  sex: z.enum(["female", "male", "diverse", "unknown"]).optional(),
  nationalities: z.array(z.string().trim().toUpperCase().length(3)).max(5).default([]),
});

const precision = z.enum(["full", "year-month", "year", "unknown"]);

export const duplicateCandidateSchema = z
  .object({
    id: z.uuid(),
    givenNames: z.string(),
    familyName: z.string(),
    birthDate: z.string().nullable(),
    birthDatePrecision: precision,
    birthPlace: z.string().nullable(),
    nationalities: z.array(z.string()),
    caseStatus: z.enum(caseStatuses),
    registeredByOrganisationId: z.uuid(),
    leadOrganisationId: z.uuid().nullable(),
    score: z.number(),
    matchReasons: z.array(z.string()),
  })
  .meta({ id: "DuplicateCandidate" });

export const duplicateCheckResponse = z.object({ items: z.array(duplicateCandidateSchema) });

/** One side of a duplicate pair, as the review page shows it. */
export const pairPersonSchema = z
  .object({
    id: z.uuid(),
    givenNames: z.string(),
    familyName: z.string(),
    alternativeNames: z.array(z.string()),
    birthDate: z.string().nullable(),
    birthDatePrecision: precision,
    birthPlace: z.string().nullable(),
    sex: z.enum(["female", "male", "diverse", "unknown"]),
    nationalities: z.array(z.string()),
    caseStatus: z.enum(caseStatuses),
    registeredByOrganisationId: z.uuid(),
    leadOrganisationId: z.uuid().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "DuplicatePairPerson" });

export const duplicatePairSchema = z
  .object({
    id: z.uuid(),
    score: z.number(),
    reasons: z.array(z.string()),
    status: z.enum(duplicateStatuses),
    detectedAt: z.date(),
    personA: pairPersonSchema,
    personB: pairPersonSchema,
  })
  .meta({ id: "DuplicatePair" });

export const listDuplicatesQuery = z.strictObject({ ...listQuery });

const side = z.enum(["a", "b"]);
const sideOrUnion = z.enum(["a", "b", "union"]);

/** Which person's value the survivor keeps, field by field; "a" is the surviving person (the path id). */
export const mergeFieldsSchema = z.strictObject({
  givenNames: side.default("a"),
  familyName: side.default("a"),
  birthDate: side.default("a"),
  birthPlace: side.default("a"),
  sex: side.default("a"),
  nationalities: sideOrUnion.default("a"),
  languages: sideOrUnion.default("a"),
  contact: side.default("a"),
  address: side.default("a"),
  arrivedInGermanyOn: side.default("a"),
  arrivedInMunicipalityOn: side.default("a"),
});
export type MergeFields = z.infer<typeof mergeFieldsSchema>;

export const mergeSchema = z.strictObject({
  otherPersonId: z.uuid(),
  fields: mergeFieldsSchema.default(mergeFieldsSchema.parse({})),
  /** The surviving person's version (or If-Match). */
  version: versionNumber.optional(),
  /** The other person's version. */
  otherVersion: versionNumber.optional(),
});

export const mergeResultSchema = z
  .object({
    mergeId: z.uuid(),
    survivorId: z.uuid(),
    mergedId: z.uuid(),
    survivorVersion: z.number().int(),
    moved: z.record(z.string(), z.number().int()),
  })
  .meta({ id: "MergeResult" });

export const undoResultSchema = z
  .object({
    mergeId: z.uuid(),
    survivorId: z.uuid(),
    restoredId: z.uuid(),
    undoneAt: z.date(),
  })
  .meta({ id: "MergeUndoResult" });
