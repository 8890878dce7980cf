import { describe, expect, it } from "vitest";
import { comparePersons, nameTokens, personKeys, queryKeys } from "./index.js";

const keysOf = (given: string, family = "") => personKeys({ givenNames: given, familyName: family });
const sameKey = (a: string, b: string) => expect(keysOf(a)).toEqual(expect.arrayContaining([keysOf(b)[0]]));

describe("nameTokens", () => {
  it("folds diacritics and transliterates other scripts", () => {
    expect(nameTokens("Hüseyin Şahin")).toEqual(["huseyin", "sahin"]);
    expect(nameTokens("Yıldız İbrahim")).toEqual(["yildiz", "ibrahim"]);
    expect(nameTokens("Олександр Шевченко")).toEqual(["oleksandr", "shevchenko"]);
    expect(nameTokens("محمد")).toEqual(["mhmd"]);
  });

  it("splits the Arabic article off, spaced, hyphenated or glued", () => {
    expect(nameTokens("Al-Hassan")).toEqual(["al", "hassan"]);
    expect(nameTokens("El Hasan")).toEqual(["el", "hasan"]);
    expect(nameTokens("Alhasan")).toEqual(["al", "hasan"]);
    expect(nameTokens("الحسن")).toEqual(["al", "hsn"]);
    // Given names that only look like article + name stay whole.
    expect(nameTokens("Albert")).toEqual(["albert"]);
    expect(nameTokens("Alina")).toEqual(["alina"]);
    // A short name with a doubled l is not the article glued to a two- or three-letter name.
    expect(nameTokens("Allaa")).toEqual(["allaa"]);
    expect(nameTokens("Allawi")).toEqual(["allawi"]);
    expect(nameTokens("Alsayed")).toEqual(["al", "sayed"]);
  });

  it("joins Abd compounds into one token", () => {
    for (const v of ["Abdul Rahman", "Abdulrahman", "Abd al-Rahman", "Abdel Rahman", "Abdirahman", "Abd-ur-Rahman"])
      expect(nameTokens(v)).toEqual(["abdrahman"]);
  });
});

describe("personKeys: one key for the usual spellings of a name", () => {
  it("Arabic romanisations: vowel shifts, doubled letters, abbreviation", () => {
    for (const v of ["Muhammad", "Mohamad", "Muhammed", "Mohamed", "Mhd", "Mehmet", "محمد"]) sameKey(v, "Mohammed");
    for (const v of ["Yousef", "Youssef", "Jusuf", "يوسف"]) sameKey(v, "Yusuf");
    for (const v of ["Hussein", "Husain", "Hossein", "Hüseyin"]) sameKey(v, "Husein");
    sameKey("Achmed", "Ahmad");
    sameKey("Zeynep", "Zainab");
    sameKey("Nadschib", "Najib");
  });

  it("family names with and without the article share the key of the name", () => {
    const key = keysOf("", "Hasan");
    for (const v of ["Al-Hassan", "Alhasan", "El Hasan", "al hassan", "الحسن"]) expect(keysOf("", v)).toEqual(key);
  });

  it("Cyrillic schemes (ICAO, Ukrainian national, German, BGN/PCGN) and original script", () => {
    for (const v of ["Schewtschenko", "Шевченко", "Chevtchenko".replace("Ch", "Sh")]) sameKey(v, "Shevchenko");
    for (const v of ["Olexandr", "Aleksandr", "Alexander", "Олександр", "Александр"]) sameKey(v, "Oleksandr");
    for (const v of ["Jurij", "Iurii", "Yuriy", "Юрій"]) sameKey(v, "Yurii");
    for (const v of ["Kusnezow", "Кузнецов"]) sameKey(v, "Kuznetsov");
    for (const v of ["Polischtschuk", "Поліщук"]) sameKey(v, "Polishchuk");
    for (const v of ["Serhij", "Sergei", "Сергій"]) sameKey(v, "Serhii");
    for (const v of ["Natalja", "Natalia", "Наталія"]) sameKey(v, "Nataliia");
    sameKey("Mykola", "Nikolai");
  });

  it("Turkish and German diacritics", () => {
    sameKey("Öztürk", "Oeztuerk");
    sameKey("Öztürk", "Ozturk");
    sameKey("Şahin", "Schahin");
    sameKey("Şahin", "Sahin");
    sameKey("Çelik", "Celik");
  });

  it("keeps different names apart", () => {
    expect(keysOf("Omar")).not.toEqual(keysOf("Ali"));
    expect(keysOf("Olena")).not.toEqual(keysOf("Oksana"));
  });

  it("stays small: at most two keys per name token", () => {
    expect(keysOf("Mohammed Ahmad", "Al-Hassan").length).toBeLessThanOrEqual(6);
  });
});

describe("queryKeys with prefix: the key of what is typed is a prefix of the name's key", () => {
  const found = (typed: string, name: string) => {
    const keys = keysOf(name);
    return queryKeys(typed, true).some((q) => keys.some((k) => k.startsWith(q)));
  };
  it.each([
    ["Moha", "Mohammed"],
    ["Muh", "Mohammed"],
    ["Schew", "Shevchenko"],
    ["Schewts", "Shevchenko"],
    ["Schewtsch", "Shevchenko"],
    ["Shevch", "Schewtschenko"],
    ["Olex", "Oleksandr"],
    ["Abdulr", "Abd al-Rahman"],
    ["Alh", "Al-Hassan"],
    ["Naj", "Nadschib"],
    ["Юр", "Yurii"],
    ["Öz", "Oeztuerk"],
  ])("%s finds %s", (typed, name) => {
    expect(found(typed, name)).toBe(true);
  });

  it("complete tokens give exact keys", () => {
    expect(queryKeys("Muhammad", false)).toEqual(expect.arrayContaining(keysOf("Mohammed")));
    expect(queryKeys("al", true)).toEqual([]);
  });
});

describe("comparePersons", () => {
  const p = (given: string, family: string, birthDate: string | null, extra: Record<string, unknown> = {}) => ({
    id: `${given} ${family}`,
    givenNames: given,
    familyName: family,
    birthDate,
    birthPlace: "Aleppo",
    sex: "m",
    nationalities: ["SYR"],
    ...extra,
  });
  const score = (a: ReturnType<typeof p>, b: ReturnType<typeof p>) => comparePersons(a, b).score;

  it("matches romanisation variants, swapped names, original script and placeholder dates", () => {
    expect(score(p("Mohammed", "Al-Hassan", "1990-03-04"), p("Muhammad", "Alhasan", "1990"))).toBeGreaterThan(0.8);
    expect(score(p("Mohammed", "Al-Hassan", "1990-03-04"), p("Hasan", "Mohamad", "1990-03-04"))).toBeGreaterThan(0.9);
    expect(
      comparePersons(p("Mohammed", "Al-Hassan", "1990-03-04"), p("Hasan", "Mohamad", "1990-03-04")).reasons,
    ).toContain("names-swapped");
    expect(score(p("Mohammed", "Al-Hassan", "1990-03-04"), p("محمد", "الحسن", "1990-03-04"))).toBeGreaterThan(0.8);
    expect(
      score(p("Oleksandr", "Shevchenko", "1980-05-06"), p("Olexandr", "Schewtschenko", "1980-01-01")),
    ).toBeGreaterThan(0.8);
    expect(score(p("Mohammed", "Al-Hassan", "1990-03-04"), p("Mohammde", "Al-Hassan", "1990-04-03"))).toBeGreaterThan(
      0.8,
    );
  });

  it("reads Md. and Muh. as Muhammad, and a birth year one off on the same day as a clerical slip", () => {
    expect(score(p("Md.", "Khalaf", "1959-05-15"), p("Muhammad", "Khalaf", "1959-05-15"))).toBeGreaterThan(0.8);
    expect(score(p("Muh.", "Khalaf", "1959-05-15"), p("Mohammed", "Khalaf", "1959-05-15"))).toBeGreaterThan(0.8);
    expect(score(p("Sahar", "Karimi", "1970-10-19"), p("Sahar", "Karimi", "1969-10-19"))).toBeGreaterThan(0.8);
    // one mistyped digit of the day
    expect(score(p("Yusuf", "Hassan", "1948-02-06"), p("Yussuf", "Hassan", "1948-02-16"))).toBeGreaterThan(0.8);
  });

  it("keeps hard non-matches low", () => {
    // siblings: same family, other given name, other birth date
    expect(score(p("Omar", "Al-Hassan", "1990-03-04"), p("Khaled", "Al-Hassan", "1993-07-01"))).toBeLessThan(0.2);
    // twins: same family and birth date, other given names
    expect(score(p("Omar", "Al-Hassan", "1990-03-04"), p("Bilal", "Al-Hassan", "1990-03-04"))).toBeLessThan(0.5);
    expect(score(p("Hassan", "Al-Ali", "1990-03-04"), p("Hussein", "Al-Ali", "1990-03-04"))).toBeLessThan(0.5);
    expect(score(p("Mohammed", "Al-Ali", "1990-03-04"), p("Mahmoud", "Al-Ali", "1990-03-04"))).toBeLessThan(0.5);
    // namesakes: same name, other birth year and place
    expect(
      score(p("Omar", "Al-Hassan", "1990-03-04"), p("Omar", "Al-Hassan", "1984-01-01", { birthPlace: "Homs" })),
    ).toBeLessThan(0.2);
    // father and son with the same name
    expect(score(p("Omar", "Al-Hassan", "1990-03-04"), p("Omar", "Al-Hassan", "1962"))).toBeLessThan(0.1);
    // a different sex weighs against (but a wrongly recorded sex must not hide a duplicate)
    const a = p("Noor", "Al-Hassan", "1990");
    const other = comparePersons(a, p("Noor", "Al-Hassan", "1990", { sex: "f" }));
    expect(other.reasons).toContain("sex-differs");
    expect(other.score).toBeLessThan(score(a, p("Noor", "Al-Hassan", "1990")) - 0.2);
  });
});

describe("comparePersons: single names", () => {
  const p = (given: string, family: string, birthDate: string | null, extra: Record<string, unknown> = {}) => ({
    id: `${given} ${family}`,
    givenNames: given,
    familyName: family,
    birthDate,
    ...extra,
  });

  it("links two single-name records of one person, and not namesakes who share a name and a year", () => {
    const eritrea = { birthPlace: "Asmara", sex: "m", nationalities: ["ERI"] };
    for (const [a, b] of [
      ["Tesfaye", "Tesfai"],
      ["Tesfaye", "Tesfay"],
      ["Abrehet", "Abrehat"],
      ["Mohammadullah", "Muhammadullah"],
      ["Mohammadullah", "Mohamadullah"],
    ] as const) {
      const cmp = comparePersons(p(a, "", "1988-04-02"), p(b, "", "1988-04-02"));
      expect(cmp.score, `${a} ${b}`).toBeGreaterThan(0.8);
      expect(cmp.reasons).toEqual(expect.arrayContaining(["name-variant", "same-birth-date"]));
      expect(comparePersons(p(a, "", "1988", eritrea), p(b, "", "1988", eritrea)).score).toBeGreaterThan(0.8);
    }
    // A single name and a year are what hundreds of persons share.
    expect(comparePersons(p("Tesfaye", "", "1988"), p("Tesfai", "", "1988")).score).toBeLessThan(0.5);
    expect(comparePersons(p("Tesfaye", "", "1988-04-02"), p("Tesfaye", "", "1975-04-02")).score).toBeLessThan(0.1);
    // The same name in the other field (an import that puts a single name into the family name) is
    // the same single name, not given and family name swapped.
    const inFamily = comparePersons(p("Tesfaye", "", "1988-04-02"), p("", "Tesfaye", "1988-04-02"));
    expect(inFamily.reasons).not.toContain("names-swapped");
    expect(inFamily.reasons).toContain("same-name");
    expect(inFamily.score).toBe(comparePersons(p("Tesfaye", "", "1988-04-02"), p("Tesfaye", "", "1988-04-02")).score);
    const fatherAdded = comparePersons(p("Abrehet", "", "2001-11-03"), p("Tesfamariam", "Abrehet", "2001-11-03"));
    expect(fatherAdded.score).toBeGreaterThan(0.8);
    expect(fatherAdded.reasons).not.toContain("names-swapped");
  });

  it("says which record lacks the day: a year alone, a 01.01. placeholder, or both agree on the year", () => {
    const reasons = (a: string, b: string) => comparePersons(p("Tesfaye", "", a), p("Tesfaye", "", b)).reasons;
    expect(reasons("1988", "1988")).toContain("birth-year-only");
    expect(reasons("1988", "1988")).not.toContain("placeholder-birth-date");
    expect(reasons("1988", "1988-04-02")).toContain("birth-year-only");
    expect(reasons("1988-01-01", "1988")).toContain("placeholder-birth-date");
    expect(reasons("1988-01-01", "1988-04-02")).toContain("placeholder-birth-date");
    expect(reasons("1988-04", "1988-04-02")).toContain("same-birth-year");
    expect(reasons("1988-04", "1988-04-02")).not.toContain("birth-year-only");
  });
});

describe("comparePersons: Turkish letters in German spelling and Arabic script", () => {
  const p = (given: string, family: string) => ({
    id: given,
    givenNames: given,
    familyName: family,
    birthDate: "1980-02-03",
    birthPlace: "Izmir",
    sex: "f",
    nationalities: ["TUR"],
  });
  it("matches Kılıç, Kilic and Kilitsch; Şahin and Schahin", () => {
    expect(comparePersons(p("Elif", "Kılıç"), p("Elif", "Kilitsch")).score).toBeGreaterThan(0.8);
    expect(comparePersons(p("Elif", "Kilic"), p("Elif", "Kilitsch")).score).toBeGreaterThan(0.8);
    expect(comparePersons(p("Elif", "Şahin"), p("Elif", "Schahin")).score).toBeGreaterThan(0.8);
  });
  it("reads Arabic z + h as two letters, not zh", () => {
    expect(comparePersons(p("زهرة", "Kazemi"), p("Zahra", "Kazemi")).score).toBeGreaterThan(0.8);
  });
});
