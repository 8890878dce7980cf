// Turns schema-validation failures into the problem document's `errors: [{path, message}]`.
import type { FastifySchemaValidationError } from "fastify";
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
