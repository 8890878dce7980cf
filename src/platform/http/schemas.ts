// Small zod building blocks shared by the route schemas.
import { z } from "zod";
import { AppError, fieldErrorCodes } from "./errors.js";

export const uuidParam = z.strictObject({ id: z.uuid() });
export const isoDateTime = z
  .date()
  .transform((d) => d.toISOString())
  .or(z.string());
/** A trimmed, non-empty, bounded single-line text. */
export const shortText = (max = 200) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), "Must be a single line");
export const optionalText = (max = 200) => z.string().trim().max(max).nullish();
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          code: z.enum(fieldErrorCodes),
          params: z
            .object({
              minimum: z.number().optional(),
              maximum: z.number().optional(),
              origin: z.string().optional(),
              format: z.string().optional(),
            })
            .optional(),
        }),
      )
      .optional(),
  })
  .describe("RFC 9457 problem document");
/** Version for optimistic concurrency: the If-Match header or the body's `version`. */
export function expectedVersion(ifMatch: unknown, bodyVersion: number | undefined): number | undefined {
  // "*" matches any current version (RFC 9110): no version check.
  if (ifMatch === "*") return bodyVersion;
  if (typeof ifMatch === "string" && ifMatch.trim() !== "") {
    const n = Number(ifMatch.replace(/^W\//, "").replaceAll('"', ""));
    if (Number.isInteger(n) && n > 0) return n;
    throw new AppError("validation-error", "If-Match must be a version number", {
      errors: [{ path: "headers.if-match", message: 'Must be a version number such as "3"' }],
    });
  }
  return bodyVersion;
}
