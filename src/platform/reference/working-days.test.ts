import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, publicHolidays, workingDaysBetween } from "./working-days.js";

describe("working days", () => {
  it("skips weekends", () => {
    // Friday 2026-11-20 + 1 working day = Monday 2026-11-23
    expect(addWorkingDays("2026-11-20", 1, "NW")).toBe("2026-11-23");
    expect(addWorkingDays("2026-11-20", 5, "NW")).toBe("2026-11-27");
    expect(addWorkingDays("2026-11-21", 0, "NW")).toBe("2026-11-21");
  });

  it("computes the moveable feasts from Easter", () => {
    // Easter Sunday 2026 is 5 April; 2027 is 28 March.
    for (const d of ["2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25"]) {
      expect(isWorkingDay(d, "NW")).toBe(false);
    }
    expect(publicHolidays("NW", 2027).has("2027-03-26")).toBe(true); // Good Friday
    expect(publicHolidays("NW", 2027).has("2027-03-29")).toBe(true); // Easter Monday
    // Thursday before Good Friday + 1 working day skips Good Friday, the weekend and Easter Monday.
    expect(addWorkingDays("2026-04-02", 1, "NW")).toBe("2026-04-07");
  });

  it("knows the holidays that differ between federal states", () => {
    // Corpus Christi (2026-06-04): NW, BY, BW, HE, RP, SL; not in Berlin or Saxony.
    expect(isWorkingDay("2026-06-04", "NW")).toBe(false);
    expect(isWorkingDay("2026-06-04", "BE")).toBe(true);
    expect(addWorkingDays("2026-06-03", 1, "NW")).toBe("2026-06-05");
    expect(addWorkingDays("2026-06-03", 1, "BE")).toBe("2026-06-04");
    // Reformation Day (31 Oct) falls on a Saturday in 2026; in 2025 it was a Friday in the eastern states.
    expect(isWorkingDay("2025-10-31", "SN")).toBe(false);
    expect(isWorkingDay("2025-10-31", "NW")).toBe(true);
    // Buß- und Bettag only in Saxony (2026-11-18).
    expect(isWorkingDay("2026-11-18", "SN")).toBe(false);
    expect(isWorkingDay("2026-11-18", "BY")).toBe(true);
    // Epiphany in BY, BW, ST; International Women's Day in BE; World Children's Day in TH.
    expect(isWorkingDay("2026-01-06", "BY")).toBe(false);
    expect(isWorkingDay("2026-01-06", "NW")).toBe(true);
    expect(isWorkingDay("2027-03-08", "BE")).toBe(false);
    expect(isWorkingDay("2027-09-20", "TH")).toBe(false);
  });

  it("counts working days between two dates", () => {
    expect(workingDaysBetween("2026-12-23", "2026-12-28", "NW")).toBe(2); // 24th, (25/26 holidays, weekend), 28th
    expect(workingDaysBetween("2026-12-28", "2026-12-23", "NW")).toBe(-2);
    expect(workingDaysBetween("2026-11-24", "2026-11-24", "NW")).toBe(0);
  });

  it("has every federal state's holidays for the year", () => {
    for (const s of [
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
    ] as const) {
      const days = publicHolidays(s, 2026);
      expect(days.size).toBeGreaterThanOrEqual(9);
      expect(days.has("2026-10-03")).toBe(true);
    }
  });
});
