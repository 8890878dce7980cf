import { describe, expect, it } from "vitest";
import { bounds, isValidPartialDate, orderedDates, precisionOf } from "./partial-date.js";

describe("partial dates", () => {
  it("accepts year, year-month and real full dates", () => {
    for (const v of ["1985", "1985-03", "1985-03-12", "2000-02-29", "1990-01-01"])
      expect(isValidPartialDate(v)).toBe(true);
  });
  it("rejects impossible dates and other forms", () => {
    for (const v of [
      "1990-13-45",
      "1990-02-30",
      "1900-02-29",
      "1990-00",
      "85",
      "1985-3-1",
      "12.03.1985",
      "",
      "1985-03-12T00:00",
    ])
      expect(isValidPartialDate(v)).toBe(false);
  });
  it("derives precision and bounds", () => {
    expect(precisionOf("1985")).toBe("year");
    expect(precisionOf("1985-03")).toBe("year-month");
    expect(precisionOf("1985-03-12")).toBe("full");
    expect(precisionOf(null)).toBe("unknown");
    expect(bounds("2024-02")).toEqual({ earliest: "2024-02-01", latest: "2024-02-29" });
    expect(bounds("2023")).toEqual({ earliest: "2023-01-01", latest: "2023-12-31" });
  });
  it("orders partly known dates by their widest reading", () => {
    expect(orderedDates("2024-05-01", "2024")).toBe(true);
    expect(orderedDates("2024-05-01", "2024-04-30")).toBe(false);
    expect(orderedDates(null, "2020")).toBe(true);
  });
});
