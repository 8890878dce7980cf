// Partly known dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (many refugees are registered with a year
// only, or with 01.01. as a placeholder). The precision follows from the form.
import { z } from "zod";

export type DatePrecision = "full" | "year-month" | "year" | "unknown";

const pattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isValidPartialDate(value: string): boolean {
  const m = pattern.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1850 || year > 2200) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

export function precisionOf(value: string | null | undefined): DatePrecision {
  if (!value) return "unknown";
  return value.length === 4 ? "year" : value.length === 7 ? "year-month" : "full";
}

/** The first and the last day a partly known date may stand for. */
export function bounds(value: string): { earliest: string; latest: string } {
  if (value.length === 10) return { earliest: value, latest: value };
  if (value.length === 7) {
    const [y, m] = value.split("-").map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { earliest: `${value}-01`, latest: `${value}-${String(last).padStart(2, "0")}` };
  }
  return { earliest: `${value}-01-01`, latest: `${value}-12-31` };
}

const message = "Use YYYY-MM-DD, YYYY-MM or YYYY with a real date";

/** A partly known date; `null` means unknown. */
export const partialDate = z.string().trim().refine(isValidPartialDate, message);
/** A full calendar date. */
export const fullDate = z
  .string()
  .trim()
  .refine((v) => v.length === 10 && isValidPartialDate(v), "Use YYYY-MM-DD with a real date");

const berlinDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Berlin",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in Germany (consents, deadlines and validity are decided by the local date). */
export function today(at: Date = new Date()): string {
  return berlinDate.format(at);
}

/** true when `until` cannot lie before `from` (both partly known). */
export function orderedDates(from: string | null | undefined, until: string | null | undefined): boolean {
  if (!from || !until) return true;
  return bounds(until).latest >= bounds(from).earliest;
}
