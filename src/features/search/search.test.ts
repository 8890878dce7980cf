// API tests of person search (GET /persons?q=): spelling variants through the matching engine's
// keys, swapped names, prefixes while typing, birth-date narrowing, the index kept in step with
// name changes, and never a person the organisation may not see.

import fs from "node:fs";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db/client.js";
import {
  api,
  auditRows,
  caseFileTenant,
  expectProblem,
  recordConsent,
  registerPerson,
} from "../../test/case-file-factories.js";
import { client, getTestApp } from "../../test/test-app.js";
import { parseQuery, parseTypedDate, passConditions, wordKeys } from "./search.queries.js";

// The app (and an in-memory database) is built once, under the hook timeout rather than a test's.
beforeAll(async () => {
  await getTestApp();
});

const persons = `${api}/persons`;
type Hit = { id: string; score: number; matchReasons: string[] };

describe("typed dates", () => {
  it("reads German and ISO dates, months and years, and leaves other numbers alone", () => {
    expect(parseTypedDate("12.03.1990")).toEqual({ year: 1990, month: 3, day: 12 });
    expect(parseTypedDate("1990-03-12")).toEqual({ year: 1990, month: 3, day: 12 });
    expect(parseTypedDate("03.1990")).toEqual({ year: 1990, month: 3 });
    expect(parseTypedDate("1990-03")).toEqual({ year: 1990, month: 3 });
    expect(parseTypedDate("1990")).toEqual({ year: 1990 });
    expect(parseTypedDate("12.03.")).toEqual({ month: 3, day: 12 });
    expect(parseTypedDate("32.03.1990")).toBeUndefined();
    expect(parseTypedDate("123")).toBeUndefined();
    expect(parseQuery("Al-Hassan  Mohammed 12.03.1990")).toEqual({
      words: ["Al-Hassan", "Mohammed"],
      date: { year: 1990, month: 3, day: 12 },
    });
  });
});

describe("search passes", () => {
  it("look for a slip of the keyboard in either word once the exact passes leave the list short", () => {
    const { exact, lastPrefix } = wordKeys(["Elif", "Ahmetoglu"]);
    const dialect = new PgDialect();
    const patterns = passConditions("00000000-0000-0000-0000-000000000000", exact, lastPrefix, [])
      .filter((p) => p.fallback)
      .map((p) =>
        dialect
          .sqlToQuery(p.conditions[0] as never)
          .params.filter((x) => typeof x === "string" && x !== "00000000-0000-0000-0000-000000000000"),
      );
    const [given] = exact[0] ?? [];
    const [family] = lastPrefix ?? [];
    // "Elif Ahmfetoglu" keeps the beginning of the family name, "Elfi Ahmetoglu" the whole of it.
    expect(patterns).toContainEqual([`${given} ${family?.slice(0, 3)}%`]);
    expect(patterns).toContainEqual([`${family} ${given?.slice(0, 3)}%`]);
  });
});

describe("GET /persons?q=", () => {
  it("answers 401 without a session, 403 to roles without person data, 400 to bad queries", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    expectProblem(await client(app).get(`${persons}?q=hassan`), 401, "unauthenticated");
    const dpo = await t.user(t.io.id, "dpo");
    expectProblem(await dpo.client.get(`${persons}?q=hassan`), 403, "forbidden");
    expectProblem(await t.cm.client.get(`${persons}?q=${"x".repeat(201)}`), 400, "validation-error", ["query.q"]);
    expectProblem(await t.cm.client.get(`${persons}?q=hassan&limit=0`), 400, "validation-error", ["query.limit"]);
  });

  it("finds spelling variants, swapped names and prefixes, ranked, with reasons — never invisible persons", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const other = await caseFileTenant(app);
    const mohammed = await registerPerson(t.cm.client, {
      givenNames: "Mohammed",
      familyName: "Al-Hassan",
      birthDate: "1990-03-12",
    });
    const samira = await registerPerson(t.cm.client, { givenNames: "Samira", familyName: "Al-Hassan" });
    // The same names, but invisible to the integration office: another organisation, another tenant.
    const welfare = await t.organisation("welfare");
    const welfareWorker = await t.user(welfare.id, "caseworker");
    const hidden = await registerPerson(welfareWorker.client, { givenNames: "Mohammed", familyName: "Al-Hassan" });
    const foreign = await registerPerson(other.cm.client, { givenNames: "Mohammed", familyName: "Al-Hassan" });

    const search = async (q: string): Promise<Hit[]> => {
      const res = await t.cm.client.get(`${persons}?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().nextCursor).toBeNull();
      return res.json().items;
    };
    const ids = async (q: string) => (await search(q)).map((h) => h.id);

    expect(await ids("Mohammed Al-Hassan")).toEqual([mohammed.id]);
    expect(await ids("Muhammad Alhasan")).toEqual([mohammed.id]);
    expect(await ids("Mohamad El Hasan")).toEqual([mohammed.id]);
    expect(await ids("alhasan muhammad")).toEqual([mohammed.id]);
    // As typed: the last word is a prefix.
    expect(await ids("al-hassan moh")).toEqual([mohammed.id]);
    expect((await ids("hassan")).sort()).toEqual([mohammed.id, samira.id].sort());
    // An Abd compound typed as separate words is one name, as it is in the stored file.
    const walid = await registerPerson(t.cm.client, { givenNames: "Walid", familyName: "Abdulrahman" });
    expect(await ids("Abd ar-Rahman Walid")).toEqual([walid.id]);
    expect(await ids("Walid Abd al-Rah")).toEqual([walid.id]);
    const hit = (await search("Muhammad Alhasan"))[0] as Hit;
    expect(hit.score).toBeGreaterThan(0);
    expect(hit.score).toBeLessThanOrEqual(1);
    expect(hit.matchReasons.length).toBeGreaterThan(0);
    // The exact spelling ranks at least as high as a variant.
    const exact = (await search("Mohammed Al-Hassan"))[0] as Hit;
    expect(exact.score).toBeGreaterThanOrEqual(hit.score);
    expect(exact.matchReasons).toContain("same-name");

    for (const q of ["Mohammed Al-Hassan", "Muhammad Alhasan", "hassan", "moh"]) {
      const found = await ids(q);
      expect(found).not.toContain(hidden.id);
      expect(found).not.toContain(foreign.id);
    }
    // Once a consent names the integration office, the welfare organisation's person is found too.
    await recordConsent(welfareWorker.client, hidden.id, {
      recipientOrganisationIds: [t.io.id],
      categories: ["identity"],
    });
    expect((await ids("Mohammed Al-Hassan")).sort()).toEqual([mohammed.id, hidden.id].sort());

    // Audited as the list is: one person.listed row per hit, purpose search, no names in the row.
    const rows = await auditRows(app.database.db, t.tenantId, { action: "person.listed", actorUserId: t.cm.id });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.purpose === "search")).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/Hassan|Mohammed/i);
  });

  it("narrows by a typed birth date; a year-only or 01.01. birth date matches any date of its year", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const name = { givenNames: "Oleksandr", familyName: "Shevchenko" };
    const yearOnly = await registerPerson(t.cm.client, { ...name, birthDate: "1990" });
    const placeholder = await registerPerson(t.cm.client, { ...name, birthDate: "1990-01-01" });
    const exact = await registerPerson(t.cm.client, { ...name, birthDate: "1990-03-12" });
    const monthOnly = await registerPerson(t.cm.client, { ...name, birthDate: "1990-03" });
    const otherDay = await registerPerson(t.cm.client, { ...name, birthDate: "1990-07-04" });
    const otherYear = await registerPerson(t.cm.client, { ...name, birthDate: "1985-03-12" });
    const unknown = await registerPerson(t.cm.client, { ...name, birthDate: null });
    const search = async (q: string): Promise<Hit[]> => {
      const res = await t.cm.client.get(`${persons}?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items;
    };
    const ids = async (q: string) => (await search(q)).map((h) => h.id).sort();
    const sorted = (...ps: { id: string }[]) => ps.map((p) => p.id).sort();

    expect(await ids("Shevchenko 12.03.1990")).toEqual(sorted(yearOnly, placeholder, exact, monthOnly));
    expect(await ids("Shevchenko 1990-03-12")).toEqual(sorted(yearOnly, placeholder, exact, monthOnly));
    expect(await ids("Shevchenko 03.1990")).toEqual(sorted(yearOnly, placeholder, exact, monthOnly));
    expect(await ids("Shevchenko 1990")).toEqual(sorted(yearOnly, placeholder, exact, monthOnly, otherDay));
    expect(await ids("1985 shevchenko")).toEqual(sorted(otherYear));
    expect(await ids("Shevchenko")).toEqual(
      sorted(yearOnly, placeholder, exact, monthOnly, otherDay, otherYear, unknown),
    );
    // A date alone narrows the visible persons by it.
    expect(await ids("12.03.1985")).toEqual(sorted(otherYear));

    const hits = await search("Oleksandr Shevchenko 12.03.1990");
    const reasonsOf = (p: { id: string }) => hits.find((h) => h.id === p.id)?.matchReasons ?? [];
    expect(reasonsOf(exact)).toContain("same-birth-date");
    expect(reasonsOf(yearOnly)).toContain("birth-year-only");
    // The exact birth date ranks first.
    expect(hits[0]?.id).toBe(exact.id);
  });

  it("finds a person with a single name by its spelling variants, with a birth year, and under a two-word query", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    // Registered as the form registers a single name: given names only, the family name left empty.
    const mohammadullah = await registerPerson(t.cm.client, {
      givenNames: "Mohammadullah",
      familyName: "",
      birthDate: "1994-05-17",
    });
    const tesfaye = await registerPerson(t.cm.client, { givenNames: "Tesfaye", familyName: "", birthDate: "1988" });
    const abrehet = await registerPerson(t.cm.client, {
      givenNames: "Abrehet",
      familyName: "",
      birthDate: "2001-11-03",
    });
    // Namesakes with a family name, and another single name that only looks alike.
    const rahimi = await registerPerson(t.cm.client, { givenNames: "Mohammadullah", familyName: "Rahimi" });
    const gebremedhin = await registerPerson(t.cm.client, {
      givenNames: "Tesfaye",
      familyName: "Gebremedhin",
      birthDate: "1975-02-02",
    });
    const both = await registerPerson(t.cm.client, { givenNames: "Abrehet", familyName: "Tesfamariam" });
    const tesfalem = await registerPerson(t.cm.client, { givenNames: "Tesfalem", familyName: "" });
    const search = async (q: string): Promise<Hit[]> => {
      const res = await t.cm.client.get(`${persons}?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items;
    };
    const ids = async (q: string) => (await search(q)).map((h) => h.id);

    for (const q of ["Mohammadullah", "Mohamadullah", "Muhammadullah", "muhammadul"]) {
      const found = await ids(q);
      expect(found[0], q).toBe(mohammadullah.id);
      expect(found, q).toContain(rahimi.id);
    }
    for (const q of ["Tesfaye", "Tesfay", "Tesfai"]) {
      // The last word is read as a prefix while typing, so Tesfalem may follow, but below.
      const found = await ids(q);
      expect(found[0], q).toBe(tesfaye.id);
    }
    expect((await ids("Abrehat"))[0]).toBe(abrehet.id);
    // The single name with a birth year.
    expect(await ids("Tesfai 1988")).toEqual([tesfaye.id]);
    expect(await ids("1994 Mohamadullah")).toEqual([mohammadullah.id]);
    // Two words typed (the name and a father's name the file does not hold): the file is still
    // found, after the persons carrying both words.
    expect(await ids("Abrehat Tesfamariam")).toEqual([both.id, abrehet.id]);
    expect(await ids("Tesfamariam Abrehat")).toEqual([both.id, abrehet.id]);
    expect(await ids("Abrehat Tesfamariam 2001")).toEqual([abrehet.id]);
    expect(await ids("Tesfay Gebremedhin")).toEqual([gebremedhin.id, tesfaye.id]);
    expect(await ids("Tesfay Gebremedhin 1988")).toEqual([tesfaye.id]);
    const [hit] = await search("Abrehat Tesfamariam 2001");
    expect(hit?.matchReasons).toEqual(expect.arrayContaining(["name-variant", "no-family-name", "same-birth-year"]));
    expect(hit?.matchReasons).not.toContain("same-name");
    // Only a name that matches well: a single name that merely begins alike is no hit.
    expect(await ids("Tesfaye Kidane")).not.toContain(tesfalem.id);
    expect(await ids("Mohammadullah Karimi")).toEqual([mohammadullah.id]);
  });

  it("gives the single-name keys to files indexed before them (migration 0010)", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const { db } = app.database;
    const single = await registerPerson(t.cm.client, { givenNames: "Zabihullah", familyName: "" });
    const named = await registerPerson(t.cm.client, { givenNames: "Zabihullah", familyName: "Noori" });
    const keysOf = async (id: string) =>
      (
        await queryRows<{ key: string }>(
          db,
          sql`select key from person_search_keys where tenant_id = ${t.tenantId}::uuid and person_id = ${id}::uuid and part = 'single' order by key`,
        )
      ).map((r) => r.key);
    const indexed = await keysOf(single.id);
    expect(indexed.length).toBeGreaterThan(0);
    expect(await keysOf(named.id)).toEqual([]);
    await db.execute(sql`delete from person_search_keys where tenant_id = ${t.tenantId}::uuid and part = 'single'`);
    const migration = fs.readFileSync(new URL("../../../migrations/0010_single_name_search_keys.sql", import.meta.url));
    await db.execute(sql.raw(migration.toString()));
    expect(await keysOf(single.id)).toEqual(indexed);
    expect(await keysOf(named.id)).toEqual([]);
  });

  it("says 'only the birth year is known' only of a person whose file holds only the year", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const name = { givenNames: "Yonas", familyName: "Haile" };
    const full = await registerPerson(t.cm.client, { ...name, birthDate: "1992-06-15" });
    const month = await registerPerson(t.cm.client, { ...name, birthDate: "1992-06" });
    const yearOnly = await registerPerson(t.cm.client, { ...name, birthDate: "1992" });
    const placeholder = await registerPerson(t.cm.client, { ...name, birthDate: "1992-01-01" });
    const reasons = async (q: string) => {
      const res = await t.cm.client.get(`${persons}?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      const hits = res.json().items as Hit[];
      return (p: { id: string }) => hits.find((h) => h.id === p.id)?.matchReasons ?? [];
    };
    for (const q of ["Yonas Haile 1992", "Haile 06.1992", "1992", "Yonas 15.06.1992", "Haile 01.01.1992"]) {
      const of = await reasons(q);
      if (q !== "Haile 01.01.1992") {
        expect(of(full), q).not.toContain("birth-year-only");
        expect(of(full), q).not.toContain("placeholder-birth-date");
      }
      expect(of(month), q).not.toContain("birth-year-only");
      expect(of(yearOnly), q).toContain("birth-year-only");
      expect(of(yearOnly), q).not.toContain("placeholder-birth-date");
      expect(of(placeholder), q).toContain("placeholder-birth-date");
      expect(of(placeholder), q).not.toContain("birth-year-only");
    }
    expect((await reasons("Yonas Haile 1992"))(full)).toContain("same-birth-year");
    expect((await reasons("Yonas Haile 15.06.1992"))(full)).toContain("same-birth-date");
  });

  it("keeps the index in step with registration and name corrections", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client, { givenNames: "Fatima", familyName: "Rahimi" });
    const ids = async (q: string) =>
      (await t.cm.client.get(`${persons}?q=${encodeURIComponent(q)}`)).json().items.map((h: Hit) => h.id);
    expect(await ids("fatima rahimi")).toEqual([p.id]);
    const patched = await t.cm.client.patch(`${persons}/${p.id}`, {
      familyName: "Karimi",
      alternativeNames: ["Fatemeh Rahimy"],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await ids("fatima karimi")).toEqual([p.id]);
    // The old name is still found through the alternative names.
    expect(await ids("fatemeh rahimy")).toEqual([p.id]);
    const again = await t.cm.client.patch(`${persons}/${p.id}`, { alternativeNames: [] });
    expect(again.statusCode, again.body).toBe(200);
    expect(await ids("fatemeh rahimy")).toEqual([]);
    expect(await ids("zzzz")).toEqual([]);
    expect(await ids("%")).toEqual([]);
  });
});
