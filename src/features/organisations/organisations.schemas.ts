import { z } from "zod";
import { organisationTypes } from "../../platform/domain.js";
import { listQuery } from "../../platform/http/pagination.js";
import { optionalText, shortText } from "../../platform/http/schemas.js";

export const organisationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(organisationTypes),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "Organisation" });

export const createOrganisationSchema = z.strictObject({
  name: shortText(200),
  type: z.enum(organisationTypes),
  email: z.email().max(200).nullish(),
  phone: optionalText(50),
  address: optionalText(500),
});

export const updateOrganisationSchema = z.strictObject({
  name: shortText(200).optional(),
  type: z.enum(organisationTypes).optional(),
  email: z.email().max(200).nullish(),
  phone: optionalText(50),
  address: optionalText(500),
  active: z.boolean().optional(),
  version: z.number().int().positive().optional(),
});

export const listOrganisationsQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  type: z.enum(organisationTypes).optional(),
  active: z.enum(["true", "false"]).optional(),
  ...listQuery,
});

export type Organisation = z.infer<typeof organisationSchema>;
