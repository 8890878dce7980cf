import { z } from "zod";
import { categories } from "../../platform/domain-categories.js";
import { versionNumber } from "../../platform/http/schemas.js";
import { partialDate } from "../../platform/reference/partial-date.js";
import { type RecordKind, recordKindNames, recordKinds } from "./record-kinds.js";

const validity = {
  validFrom: partialDate.nullish(),
  validUntil: partialDate.nullish(),
};

/** One branch per kind, so that OpenAPI documents every kind's data and errors name the field. */
export const createRecordSchema = z.discriminatedUnion(
  "kind",
  recordKindNames.map((kind) =>
    z.strictObject({ kind: z.literal(kind), data: recordKinds[kind].schema, ...validity }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);
export type CreateRecordInput = {
  kind: RecordKind;
  data: Record<string, unknown>;
  validFrom?: string | null;
  validUntil?: string | null;
};

export const updateRecordSchema = z.strictObject({
  data: z.record(z.string(), z.unknown()).optional(),
  ...validity,
  version: versionNumber.optional(),
});

export const listRecordsQuery = z.strictObject({
  category: z.enum(categories).optional(),
  kind: z.enum(recordKindNames).optional(),
});

export const recordSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    kind: z.enum(recordKindNames),
    category: z.enum(categories),
    data: z.record(z.string(), z.unknown()),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
    ownerOrganisationId: z.uuid(),
    protected: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "Record" });

export const residenceSchema = z.object({ current: recordSchema.nullable(), history: z.array(recordSchema) });

export const recordKindsSchema = z.array(
  z.object({
    kind: z.string(),
    category: z.enum(categories),
    label: z.object({ de: z.string(), en: z.string() }),
    codeLists: z.record(z.string(), z.string()),
  }),
);
