// Turns schema-validation failures into the problem document's `errors: [{path, message}]`.
import type { FastifySchemaValidationError } from "fastify";
import type { ZodError } from "zod";
import type { FieldError } from "./errors.js";

const contextPrefix: Record<string, string> = {
  body: "",
  querystring: "query.",
  params: "params.",
  headers: "headers.",
};

export function fieldErrors(validation: FastifySchemaValidationError[], context: string | undefined): FieldError[] {
  const prefix = contextPrefix[context ?? "body"] ?? `${context}.`;
  const out: FieldError[] = [];
  for (const v of validation) {
    const base = v.instancePath.replace(/^\//, "").split("/").filter(Boolean).join(".");
    const keys = (v.params as { keys?: unknown })?.keys;
    if (v.keyword === "unrecognized_keys" && Array.isArray(keys)) {
      for (const k of keys)
        out.push({ path: `${prefix}${base ? `${base}.` : ""}${String(k)}`, message: "Unknown field" });
      continue;
    }
    out.push({ path: `${prefix}${base}` || (context ?? "body"), message: v.message ?? "Invalid value" });
  }
  return out;
}

/** The same field errors for a zod error raised in a handler, under `prefix` (e.g. `data`). */
export function zodFieldErrors(error: ZodError, prefix: string): FieldError[] {
  return error.issues.flatMap((i) => {
    const base = [prefix, ...i.path.map(String)];
    return i.code === "unrecognized_keys"
      ? i.keys.map((k) => ({ path: [...base, k].join("."), message: "Unknown field" }))
      : [{ path: base.join("."), message: i.message }];
  });
}
