import { z } from "zod";
import { versionNumber } from "../../platform/http/schemas.js";
import { householdRelations } from "./households.tables.js";

export const memberInput = z.strictObject({ personId: z.uuid(), relation: z.enum(householdRelations) });

export const createHouseholdSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  members: z.array(memberInput).max(30).default([]),
});

export const updateHouseholdSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  version: versionNumber.optional(),
});

export const householdSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    version: z.number().int(),
    members: z.array(
      z.object({
        personId: z.uuid(),
        relation: z.enum(householdRelations),
        givenNames: z.string(),
        familyName: z.string(),
        birthDate: z.string().nullable(),
      }),
    ),
    /** The address of the first visible member with one (head first); null when none has one. */
    address: z
      .object({
        street: z.string().nullable(),
        postalCode: z.string().nullable(),
        city: z.string().nullable(),
        addition: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: "Household" });

export const memberParams = z.strictObject({ id: z.uuid(), personId: z.uuid() });
