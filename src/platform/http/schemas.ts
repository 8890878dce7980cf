// Small zod building blocks shared by the route schemas.
import { z } from "zod";
import { AppError, fieldErrorCodes } from "./errors.js";
import { textFault } from "./validation.js";

export const uuidParam = z.strictObject({ id: z.uuid() });
export const isoDateTime = z
  .date()
  .transform((d) => d.toISOString())
  .or(z.string());
/**
 * The rule for text PostgreSQL can store (see textFault), single-line unless `lines`. The shared
 * layer refuses NUL and unpaired surrogates in every request before validation; the rule also
 * refuses line breaks in single-line fields and covers text parsed outside the JSON body (multipart).
 */
export const textRule =
  (lines = false) =>
  (s: string, ctx: z.RefinementCtx) => {
    const fault = textFault(s, lines);
    if (fault) ctx.addIssue({ code: "custom", message: fault });
  };
/** A trimmed, non-empty, bounded single-line text. */
export const shortText = (max = 200) => z.string().trim().min(1).max(max).superRefine(textRule());
/** A trimmed, bounded text that may hold several lines, or nothing. */
export const optionalText = (max = 200) => z.string().trim().max(max).superRefine(textRule(true)).nullish();
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
/** Versions are int4 columns: a larger number would reach PostgreSQL and fail there. */
export const maxVersion = 2147483647;
/** A row version for optimistic concurrency, in the body (`version`) or the If-Match header. */
export const versionNumber = z.number().int().min(1).max(maxVersion);

/**
 * The version an If-Match header names: undefined when there is none or it is "*" (any current
 * version, RFC 9110), else a version number (`3`, `"3"`, `W/"3"`); anything else is a 400.
 */
export function ifMatchVersion(ifMatch: unknown): number | undefined {
  if (ifMatch === undefined || ifMatch === "*") return undefined;
  if (typeof ifMatch === "string") {
    const tag = ifMatch.trim();
    if (tag === "") return undefined;
    const match = /^(?:W\/)?(?:"(\d{1,10})"|(\d{1,10}))$/.exec(tag);
    const n = match ? Number(match[1] ?? match[2]) : Number.NaN;
    if (versionNumber.safeParse(n).success) return n;
  }
  throw new AppError("validation-error", "If-Match must be a version number", {
    errors: [{ path: "headers.if-match", message: `Must be a version number from 1 to ${maxVersion}, such as "3"` }],
  });
}

/** Version for optimistic concurrency: the If-Match header or the body's `version`. */
export function expectedVersion(ifMatch: unknown, bodyVersion: number | undefined): number | undefined {
  return ifMatchVersion(ifMatch) ?? bodyVersion;
}
