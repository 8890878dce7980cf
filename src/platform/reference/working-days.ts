// Working days for deadlines (agreements and referrals): Monday to Friday without the statutory
// public holidays of the tenant's federal state. Holiday rules (moveable feasts from Easter,
// state-specific days) come from date-holidays; we keep only the `public` type — observances,
// bank and school holidays are working days for an authority.
import Holidays from "date-holidays";

export const federalStates = [
  "BB",
  "BE",
  "BW",
  "BY",
  "HB",
  "HE",
  "HH",
  "MV",
  "NI",
  "NW",
  "RP",
  "SH",
  "SL",
  "SN",
  "ST",
  "TH",
] as const;
export type FederalState = (typeof federalStates)[number];

const cache = new Map<string, Set<string>>();

/** The public holidays (`YYYY-MM-DD`) of a federal state in a year. */
export function publicHolidays(state: FederalState, year: number): Set<string> {
  const key = `${state}:${year}`;
  let days = cache.get(key);
  if (!days) {
    const calendar = new Holidays("DE", state);
    days = new Set(
      calendar
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    cache.set(key, days);
  }
  return days;
}

const parse = (iso: string) => new Date(`${iso}T12:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);

export function isWorkingDay(iso: string, state: FederalState): boolean {
  const d = parse(iso);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !publicHolidays(state, d.getUTCFullYear()).has(iso);
}

/**
 * The date `days` working days after `from` (the day of sending does not count): a referral sent
 * on Friday with 1 working day to acknowledge is due on Monday, or Tuesday after Easter Monday.
 * 0 days means the same day.
 */
export function addWorkingDays(from: string, days: number, state: FederalState): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError("days must be a whole number ≥ 0");
  const d = parse(from);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(format(d), state)) left--;
  }
  return format(d);
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, state: FederalState): number {
  if (to < from) return -workingDaysBetween(to, from, state);
  const d = parse(from);
  const end = parse(to);
  let n = 0;
  while (d < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(format(d), state)) n++;
  }
  return n;
}

export function isFederalState(value: string): value is FederalState {
  return (federalStates as readonly string[]).includes(value);
}
