import { z } from "zod";
import { minPasswordLength } from "../../platform/auth/passwords.js";
import { roles } from "../../platform/domain.js";
import { listQuery } from "../../platform/http/pagination.js";
import { shortText, versionNumber } from "../../platform/http/schemas.js";

export const password = z.string().min(minPasswordLength, `At least ${minPasswordLength} characters`).max(200);

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    organisationId: z.uuid(),
    locale: z.enum(["de", "en"]),
    active: z.boolean(),
    totpEnabled: z.boolean(),
    lastLoginAt: z.date().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "User" });

export const createUserSchema = z.strictObject({
  email: z.email().max(200),
  name: shortText(200),
  organisationId: z.uuid(),
  role: z.enum(roles),
  password,
  locale: z.enum(["de", "en"]).optional(),
});

export const updateUserSchema = z.strictObject({
  name: shortText(200).optional(),
  role: z.enum(roles).optional(),
  organisationId: z.uuid().optional(),
  locale: z.enum(["de", "en"]).optional(),
  active: z.boolean().optional(),
  password: password.optional(),
  /** Removes the second factor so that the user enrols again at the next login. */
  resetTotp: z.literal(true).optional(),
  version: versionNumber.optional(),
});

export const listUsersQuery = z.strictObject({
  organisationId: z.uuid().optional(),
  role: z.enum(roles).optional(),
  q: z.string().trim().max(100).optional(),
  ...listQuery,
});
