// Server validation errors (problem+json `errors[].path`) onto form fields, in the interface language.
import type { TFunction } from "i18next";
import { ApiError, type FieldError } from "./api-client";

type Patterns = [RegExp, string][];

export function localizeFieldMessage(message: string, t: TFunction, extra: Patterns = []): string {
  for (const [re, text] of extra) if (re.test(message)) return text;
  if (/already in use/i.test(message)) return t("validation.emailTaken");
  if (/cannot be used/i.test(message)) return t("validation.emailUnavailable");
  if (/invalid email/i.test(message)) return t("validation.email");
  const min = /(?:at least|>=)\s*(\d+)\s*char/i.exec(message);
  if (min) return Number(min[1]) <= 1 ? t("validation.required") : t("validation.minLength", { count: Number(min[1]) });
  const max = /(?:at most|<=)\s*(\d+)\s*char/i.exec(message);
  if (max) return t("validation.maxLength", { count: Number(max[1]) });
  if (/single line/i.test(message)) return t("validation.singleLine");
  if (/invalid option|expected one of|no such organisation/i.test(message)) return t("validation.select");
  if (/required/i.test(message)) return t("validation.required");
  return t("validation.invalid");
}

const formatKeys = {
  email: "validation.email",
  datetime: "validation.dateTime",
  uuid: "validation.uuid",
} as const;

/**
 * One field error in the interface language, by its stable `code` (the server's English message
 * is only the fallback for codes without a translation, and for the generic `invalid`).
 */
export function localizeFieldError(e: FieldError, t: TFunction, extra: Patterns = []): string {
  const p = e.params ?? {};
  const items = p.origin === "array" || p.origin === "set";
  const chars = p.origin === "string" || p.origin === undefined;
  for (const [re, text] of extra) if (re.test(e.message)) return text;
  switch (e.code) {
    case "required":
      return t("validation.required");
    case "too_big":
      if (p.maximum === undefined) break;
      return t(items ? "validation.maxItems" : chars ? "validation.maxLength" : "validation.maxNumber", {
        count: p.maximum,
      });
    case "too_small":
      if (p.minimum === undefined) break;
      return t(items ? "validation.minItems" : chars ? "validation.minLength" : "validation.minNumber", {
        count: p.minimum,
      });
    case "invalid_format":
      return t(formatKeys[p.format as keyof typeof formatKeys] ?? "validation.format");
    case "invalid_value":
      return t("validation.select");
    case "unknown_field":
      return t("validation.unknownField");
    case "not_found":
      return t("validation.notFound");
    case "consent_required":
      return t("validation.consentRequired");
    case "receiver_cannot_act":
      return t("validation.receiverCannotAct");
  }
  return localizeFieldMessage(e.message, t);
}

/**
 * The form field a server path names: `body.` dropped, and an element of a list (`sharedCategories.1`)
 * or a part of a value (`contacts.0.email` without a `contacts.0.email` field) marks the nearest field.
 */
export function fieldOfPath(path: string, fields: readonly string[], aliases: Record<string, string> = {}) {
  const parts = path.replace(/^body\./, "").split(".");
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join(".");
    const field = aliases[candidate] ?? candidate;
    if (fields.includes(field)) return field;
  }
  return undefined;
}

/**
 * The field errors of a 400/403/409 answer, keyed by form field; `rest` are those without a field
 * here. `aliases` maps API paths to the form's field names (e.g. `toOrganisationId` → `organisation`).
 * A `consent-required` answer about one category (`category`) marks the form's `category` field.
 */
export function serverFieldErrors(
  error: unknown,
  fields: readonly string[],
  t: TFunction,
  extra: Patterns = [],
  aliases: Record<string, string> = {},
): { fields: Record<string, string>; rest: string[] } {
  const out: Record<string, string> = {};
  const rest: string[] = [];
  if (!(error instanceof ApiError)) return { fields: out, rest };
  const errors: FieldError[] = [...(error.problem.errors ?? [])];
  if (errors.length === 0 && error.code === "consent-required" && typeof error.problem.category === "string")
    errors.push({ path: "category", message: error.message, code: "consent_required" });
  for (const e of errors) {
    const field = fieldOfPath(e.path, fields, aliases);
    if (field) out[field] ??= localizeFieldError(e, t, extra);
    else rest.push(`${e.path}: ${localizeFieldError(e, t, extra)}`);
  }
  return { fields: out, rest };
}

export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const minPasswordLength = 12;

/** After a failed validation: focus the first field marked invalid, so keyboard users land on it. */
export function focusFirstInvalid() {
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>('main [aria-invalid="true"]');
    el?.focus();
  });
}
