// Turns schema-validation failures into the problem document's `errors: [{path, message, code, params}]`.
import type { FastifySchemaValidationError } from "fastify";
import type { ZodError } from "zod";
import type { FieldError, FieldErrorCode, FieldErrorParams } from "./errors.js";

const contextPrefix: Record<string, string> = {
  body: "",
  querystring: "query.",
  params: "params.",
  headers: "headers.",
};

type Issue = {
  code?: string;
  message?: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
  input?: unknown;
};

/**
 * The stable code and its parameters for a zod issue. A missing value and an empty text
 * (after trimming) both read "required": that is what the person filling the form has to fix.
 */
export function issueCode(issue: Issue): { code: FieldErrorCode; params?: FieldErrorParams } {
  const origin = typeof issue.origin === "string" ? issue.origin : undefined;
  switch (issue.code) {
    case "invalid_type":
      return /received undefined/.test(issue.message ?? "") ? { code: "required" } : { code: "invalid_type" };
    case "too_small": {
      const minimum = Number(issue.minimum);
      if ((origin === "string" || origin === "array") && minimum === 1) return { code: "required" };
      return { code: "too_small", params: { minimum, ...(origin ? { origin } : {}) } };
    }
    case "too_big":
      return { code: "too_big", params: { maximum: Number(issue.maximum), ...(origin ? { origin } : {}) } };
    case "invalid_format":
      return {
        code: "invalid_format",
        ...(typeof issue.format === "string" ? { params: { format: issue.format } } : {}),
      };
    case "invalid_value":
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return { code: "invalid_value" };
    case "unrecognized_keys":
      return { code: "unknown_field" };
    default:
      return { code: "invalid" };
  }
}

export function fieldErrors(validation: FastifySchemaValidationError[], context: string | undefined): FieldError[] {
  const prefix = contextPrefix[context ?? "body"] ?? `${context}.`;
  const out: FieldError[] = [];
  for (const v of validation) {
    const base = v.instancePath.replace(/^\//, "").split("/").filter(Boolean).join(".");
    const params = (v.params ?? {}) as Issue & { keys?: unknown };
    if (v.keyword === "unrecognized_keys" && Array.isArray(params.keys)) {
      for (const k of params.keys)
        out.push({
          path: `${prefix}${base ? `${base}.` : ""}${String(k)}`,
          message: "Unknown field",
          code: "unknown_field",
        });
      continue;
    }
    out.push({
      path: `${prefix}${base}` || (context ?? "body"),
      message: v.message ?? "Invalid value",
      ...issueCode({ ...params, code: v.keyword, message: v.message }),
    });
  }
  return out;
}

/** The same field errors for a zod error raised in a handler, under `prefix` (e.g. `data`). */
export function zodFieldErrors(error: ZodError, prefix: string): FieldError[] {
  return error.issues.flatMap((i): FieldError[] => {
    const base = [prefix, ...i.path.map(String)];
    return i.code === "unrecognized_keys"
      ? i.keys.map((k) => ({ path: [...base, k].join("."), message: "Unknown field", code: "unknown_field" as const }))
      : [{ path: base.join("."), message: i.message, ...issueCode(i as Issue) }];
  });
}
