import { z } from "zod";
import { organisationTypes, roles } from "../../platform/domain.js";
import { password } from "../users/users.schemas.js";

export const loginSchema = z.strictObject({
  email: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
  totp: z.string().trim().max(10).optional(),
});

export const sessionUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  organisationId: z.uuid(),
  locale: z.enum(["de", "en"]),
});

export const loginResponseSchema = z.object({
  user: sessionUserSchema,
  /** `enrol`: the user must set up TOTP before anything else (STRANG_REQUIRE_2FA). */
  secondFactor: z.enum(["done", "enrol"]),
});

export const meSchema = z
  .object({
    user: sessionUserSchema,
    organisation: z.object({ id: z.uuid(), name: z.string(), type: z.enum(organisationTypes) }),
    tenant: z.object({ id: z.uuid(), name: z.string() }),
    secondFactor: z.enum(["done", "enrol"]),
    totpEnabled: z.boolean(),
    abilities: z.object({
      manageOrganisations: z.boolean(),
      editDirectoryEntriesOf: z.union([z.literal("all"), z.array(z.uuid())]),
      manageUsers: z.boolean(),
      manageUsersOf: z.union([z.literal("all"), z.array(z.uuid())]),
      viewAudit: z.boolean(),
      assignableRoles: z.array(z.enum(roles)),
      workWithPersons: z.boolean(),
      registerPersons: z.boolean(),
      dataProtection: z.boolean(),
      manageLegalBases: z.boolean(),
      manageAgreements: z.boolean(),
      viewReferralReports: z.boolean(),
      manageSettings: z.boolean(),
    }),
  })
  .meta({ id: "Me" });

export const updateMeSchema = z.strictObject({
  locale: z.enum(["de", "en"]).optional(),
  name: z.string().trim().min(1).max(200).optional(),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});

export const totpSetupSchema = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export const totpConfirmSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Six digits"),
});
