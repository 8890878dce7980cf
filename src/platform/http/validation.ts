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

/**
 * Why a text cannot be taken, or undefined: PostgreSQL stores no NUL and no unpaired UTF-16
 * surrogate (text and jsonb refuse them, or they turn into U+FFFD on the way), and other C0
 * control characters are never typed by a person. Tab, CR and LF pass where lines are allowed.
 */
export function textFault(s: string, lines = true): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0) return "Must not contain NUL characters";
      if (c === 0x0a || c === 0x0d) {
        if (lines) continue;
        return "Must be a single line";
      }
      if (c === 0x09 && lines) continue;
      return "Must not contain control characters";
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return "Must not contain unpaired surrogates (not valid Unicode)";
    }
  }
  return undefined;
}

/** Keys are named by their JSON spelling, so that a path never carries the offending character back. */
const keyPath = (base: string, key: string) => {
  const k = textFault(key) ? JSON.stringify(key).slice(1, -1) : key;
  return base ? `${base}.${k}` : k;
};
const maxTextErrors = 20;

/**
 * The field errors for every string (and object key) in a parsed body, query or params that
 * `textFault` refuses. Iterative, so that a deeply nested body cannot exhaust the stack.
 */
export function textFieldErrors(value: unknown, prefix: string, root: string): FieldError[] {
  const out: FieldError[] = [];
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length > 0 && out.length < maxTextErrors) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === "string") {
      const fault = textFault(v);
      if (fault) out.push({ path: path ? `${prefix}${path}` : root, message: fault });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        const childPath = keyPath(path, key);
        const fault = textFault(key);
        if (fault) out.push({ path: `${prefix}${childPath}`, message: `Field name: ${fault}` });
        else stack.push([child, childPath]);
      }
    }
  }
  return out;
}
