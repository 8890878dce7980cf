// Partly known dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as the API stores them, shown and typed the
// way a German office writes them: "1985", "03/1985", "12.03.1985" (en-GB: "12/03/1985").
import { useTranslation } from "react-i18next";
import type { Precision } from "./persons.api";

export type KnownPrecision = Exclude<Precision, "unknown">;

export const precisionOf = (iso: string | null | undefined): Precision =>
  !iso ? "unknown" : iso.length === 4 ? "year" : iso.length === 7 ? "year-month" : "full";

export function isValidIsoPartial(iso: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1850 || year > 2200) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatPartial(iso: string | null | undefined, language: string, unknown: string): string {
  if (!iso) return unknown;
  const [y, m, d] = iso.split("-");
  if (!m) return y ?? iso;
  if (!d) return `${m}/${y}`;
  return language === "en" ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}

/** The ISO value as the user would type it for the given precision. */
export function toInputText(iso: string | null | undefined, language: string): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  const sep = language === "en" ? "/" : ".";
  if (!m) return y ?? "";
  if (!d) return `${m}${sep}${y}`;
  return `${d}${sep}${m}${sep}${y}`;
}

const pad = (s: string) => s.padStart(2, "0");

/**
 * What the user typed, for the chosen precision, as ISO; `undefined` when it does not fit.
 * Accepts dots, slashes, dashes or spaces as separators, and ISO itself.
 */
export function parseInput(text: string, precision: KnownPrecision): string | undefined {
  const s = text.trim();
  let iso: string | undefined;
  if (/^\d{4}(-\d{2}){0,2}$/.test(s)) iso = s;
  else {
    const parts = s.split(/[./\-\s]+/).filter(Boolean);
    if (parts.some((p) => !/^\d+$/.test(p))) return undefined;
    if (parts.length === 1 && parts[0]?.length === 4) iso = parts[0];
    else if (parts.length === 2 && parts[1]?.length === 4 && (parts[0]?.length ?? 0) <= 2)
      iso = `${parts[1]}-${pad(parts[0] ?? "")}`;
    else if (
      parts.length === 3 &&
      parts[2]?.length === 4 &&
      (parts[0]?.length ?? 0) <= 2 &&
      (parts[1]?.length ?? 0) <= 2
    )
      iso = `${parts[2]}-${pad(parts[1] ?? "")}-${pad(parts[0] ?? "")}`;
  }
  if (!iso || precisionOf(iso) !== precision || !isValidIsoPartial(iso)) return undefined;
  return iso;
}

/** Today in the browser's calendar, as YYYY-MM-DD. */
export function isoToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(String(d.getMonth() + 1))}-${pad(String(d.getDate()))}`;
}

/** Whole days from today to an ISO date (negative when it lies in the past). */
export function daysUntil(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const target = Date.UTC(y, m - 1, d);
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((target - today) / 86_400_000);
}

/** The earliest day a partial date may stand for, to compare it with today. */
export const earliestDay = (iso: string) => (iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso);

export function usePartialDate() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "de";
  return { language, format: (iso: string | null | undefined, unknown = "") => formatPartial(iso, language, unknown) };
}
