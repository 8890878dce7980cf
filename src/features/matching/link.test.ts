import { describe, expect, it } from "vitest";
import { evaluateLinkage, generateMatchData } from "../../../bench/match-generator.js";
import { blockingKeys, linkPersons } from "./index.js";

describe("linkPersons on generated persons with ground truth", () => {
  it("finds duplicates across romanisations with high pairwise F1, comparing far fewer than all pairs", () => {
    const { records } = generateMatchData(4000, 11);
    const persons = records.map((r) => ({
      id: r.id,
      givenNames: r.givenNames,
      familyName: r.familyName,
      birthDate: r.birthDate || null,
      birthPlace: r.birthPlace || null,
      sex: r.sex || null,
      nationalities: r.nationality ? [r.nationality] : [],
    }));
    const { pairs, comparisons } = linkPersons(persons);
    const q = evaluateLinkage(records, pairs);
    expect(q.f1).toBeGreaterThan(0.9);
    expect(q.precision).toBeGreaterThan(0.9);
    expect(comparisons).toBeLessThan((persons.length * persons.length) / 50);
  });

  it("puts swapped names and name variants into a common block", () => {
    const a = blockingKeys({ id: "1", givenNames: "Mohammed", familyName: "Al-Hassan", birthDate: "1990-03-04" });
    const b = blockingKeys({ id: "2", givenNames: "Hasan", familyName: "Muhammad", birthDate: null });
    expect(a.some((k) => b.includes(k))).toBe(true);
  });

  it("puts a birth year one off on the same day, and a slip in every name token, into a common block", () => {
    const shared = (x: string[], y: string[]) => x.some((k) => y.includes(k));
    const person = (id: string, given: string, family: string, birthDate: string) =>
      blockingKeys({ id, givenNames: given, familyName: family, birthDate });
    expect(
      shared(person("1", "Petro", "Jakowenko", "2014-07-04"), person("2", "Peto", "Jakowneko", "2013-07-04")),
    ).toBe(true);
    expect(shared(person("1", "Sohrab", "", "1989-03-20"), person("2", "Sohrqb", "", "1989"))).toBe(true);
  });
});
