// Server validation errors (problem+json `errors[].path`) onto form fields, in the interface language.
import type { TFunction } from "i18next";
import { ApiError } from "./api-client";

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

/** The field errors of a 400/409 answer, keyed by form field; `rest` are those without a field here. */
export function serverFieldErrors(
  error: unknown,
  fields: readonly string[],
  t: TFunction,
  extra: Patterns = [],
): { fields: Record<string, string>; rest: string[] } {
  const out: Record<string, string> = {};
  const rest: string[] = [];
  if (!(error instanceof ApiError)) return { fields: out, rest };
  for (const e of error.problem.errors ?? []) {
    const field = e.path.replace(/^body\./, "");
    if (fields.includes(field)) out[field] ??= localizeFieldMessage(e.message, t, extra);
    else rest.push(`${e.path}: ${e.message}`);
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
