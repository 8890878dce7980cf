// API tests of code lists held as data (versioned, valid on a date) and the ISO reference lists.
// code_list_entries is shared by every tenant and, on PostgreSQL, by every test file: rows this
// file adds use names of their own and are removed again.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { api, caseFileTenant, counts, expectProblem, registerPerson } from "../../test/case-file-factories.js";
import { client, getTestApp } from "../../test/test-app.js";
import { codeListEntries } from "./code-lists.tables.js";

/** Lowercase letters only: list names must match ^[a-z_]+$. */
const letters = (n = 10) => [...randomBytes(n)].map((b) => String.fromCharCode(97 + (b % 26))).join("");

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

describe("code lists", () => {
  it("answers 401 without a session and 400 for malformed parameters", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    for (const url of [
      `${api}/code-lists`,
      `${api}/code-lists/residence_status_type`,
      `${api}/reference/countries`,
      `${api}/reference/languages`,
    ]) {
      expectProblem(await client(app).get(url), 401, "unauthenticated");
    }
    const c = t.cm.client;
    expectProblem(await c.get(`${api}/code-lists/Residence-Types`), 400, "validation-error", ["params.list"]);
    for (const on of ["2025-13-01", "2025-02-30", "2025", "heute"]) {
      expectProblem(await c.get(`${api}/code-lists/residence_status_type?on=${on}`), 400, "validation-error", [
        "query.on",
      ]);
    }
    expectProblem(await c.get(`${api}/code-lists/residence_status_type?lang=de`), 400, "validation-error", [
      "query.lang",
    ]);
    expectProblem(await c.get(`${api}/reference/countries?locale=fr`), 400, "validation-error", ["query.locale"]);
    expectProblem(await c.get(`${api}/code-lists/no_such_list`), 404, "not-found");
  });

  it("lists the code lists and the eleven residence status types with German and English labels", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    // Any signed-in role may read reference data, also one without person data.
    const steering = await t.user(t.io.id, "steering");
    const lists = await steering.client.get(`${api}/code-lists`);
    expect(lists.statusCode).toBe(200);
    expect(lists.json().items).toEqual(
      expect.arrayContaining([
        "residence_status_type",
        "residence_paragraph",
        "benefit_type",
        "course_type",
        "language_level",
      ]),
    );
    const res = await t.cm.client.get(`${api}/code-lists/residence_status_type?on=2025-06-01`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ list: "residence_status_type", on: "2025-06-01" });
    expect(body.items.map((e: { code: string }) => e.code)).toEqual([
      "aufenthaltsgestattung",
      "duldung",
      "aufenthaltserlaubnis",
      "blaue_karte_eu",
      "ict_karte",
      "niederlassungserlaubnis",
      "daueraufenthalt_eu",
      "fiktionsbescheinigung",
      "temporary_protection",
      "eu_freedom_of_movement",
      "german_citizen",
    ]);
    for (const e of body.items) {
      expect(e.label.de.length).toBeGreaterThan(0);
      expect(e.label.en.length).toBeGreaterThan(0);
      expect(e).toMatchObject({ version: expect.any(Number), validFrom: expect.any(String) });
    }
    expect(body.items.find((e: { code: string }) => e.code === "duldung").label).toEqual({
      de: "Duldung",
      en: "Toleration (suspension of deportation)",
    });
    // Paragraphs carry the status type they belong to.
    const paragraphs = (await t.cm.client.get(`${api}/code-lists/residence_paragraph`)).json().items;
    expect(paragraphs.find((e: { code: string }) => e.code === "aufenthg_60c").attributes).toMatchObject({
      statusType: "duldung",
      citation: "§ 60c AufenthG",
    });
    // The titles of the law in force (Fachkräfteeinwanderung 2023/2024), in the order of the law.
    const codes = paragraphs.map((e: { code: string }) => e.code);
    for (const code of [
      "aufenthg_16g",
      "aufenthg_18g",
      "aufenthg_19c",
      "aufenthg_20a",
      "aufenthg_25b",
      "aufenthg_104c",
    ])
      expect(codes).toContain(code);
    expect(paragraphs.find((e: { code: string }) => e.code === "aufenthg_18g")).toMatchObject({
      label: { de: "§ 18g AufenthG – Blaue Karte EU" },
      attributes: { statusType: "blaue_karte_eu" },
    });
    const order = [
      "asylg_55",
      "aufenthg_9",
      "aufenthg_16a",
      "aufenthg_16g",
      "aufenthg_18g",
      "aufenthg_20a",
      "aufenthg_25_1",
      "aufenthg_25_2_1",
      "aufenthg_25_4",
      "aufenthg_25_4a",
      "aufenthg_25b",
      "aufenthg_60a",
      "aufenthg_60a_2_4",
      "aufenthg_104c",
      "freizuegg_2",
    ];
    expect(order.map((c) => codes.indexOf(c))).toEqual([...order.map((c) => codes.indexOf(c))].sort((a, b) => a - b));
    // The Chancenkarte did not exist before 1 June 2024.
    const before = (await t.cm.client.get(`${api}/code-lists/residence_paragraph?on=2024-05-31`)).json().items;
    expect(before.map((e: { code: string }) => e.code)).not.toContain("aufenthg_20a");
    const blueCard = await t.cm.client.post(`${api}/persons/${(await registerPerson(t.cm.client)).id}/records`, {
      kind: "residence_status",
      data: { type: "blaue_karte_eu", paragraph: "aufenthg_18g", validUntil: "2030-01-31" },
    });
    expect(blueCard.statusCode, blueCard.body).toBe(201);
    // Today is the default date.
    const today = await t.cm.client.get(`${api}/code-lists/language_level`);
    expect(today.json().on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(today.json().items.map((e: { code: string }) => e.code)).toEqual(["A1", "A2", "B1", "B2", "C1", "C2"]);
  });

  it("answers the entries valid on the date asked for", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const list = `test_list_${letters()}`;
    cleanups.push(() => db.delete(codeListEntries).where(eq(codeListEntries.list, list)));
    await db.insert(codeListEntries).values([
      {
        list,
        code: "alt",
        version: 1,
        validFrom: "2000-01-01",
        validUntil: "2024-12-31",
        labelDe: "Alt",
        labelEn: "Old",
      },
      {
        list,
        code: "alt",
        version: 2,
        validFrom: "2025-01-01",
        labelDe: "Alt (neu gefasst)",
        labelEn: "Old (amended)",
        sortOrder: 1,
      },
      { list, code: "neu", version: 1, validFrom: "2030-01-01", labelDe: "Neu", labelEn: "New", sortOrder: 0 },
    ]);
    const on = async (date: string) => {
      const res = await t.cm.client.get(`${api}/code-lists/${list}?on=${date}`);
      expect(res.statusCode, res.body).toBe(200);
      return res
        .json()
        .items.map((e: { code: string; version: number; label: { de: string } }) => [e.code, e.version, e.label.de]);
    };
    expect(await on("1999-12-31")).toEqual([]);
    expect(await on("2000-01-01")).toEqual([["alt", 1, "Alt"]]);
    expect(await on("2024-12-31")).toEqual([["alt", 1, "Alt"]]);
    expect(await on("2025-01-01")).toEqual([["alt", 2, "Alt (neu gefasst)"]]);
    expect(await on("2029-12-31")).toEqual([["alt", 2, "Alt (neu gefasst)"]]);
    expect(await on("2030-01-01")).toEqual([
      ["neu", 1, "Neu"],
      ["alt", 2, "Alt (neu gefasst)"],
    ]);
    expect((await t.cm.client.get(`${api}/code-lists`)).json().items).toContain(list);

    await cleanups.pop()?.();
    expectProblem(await t.cm.client.get(`${api}/code-lists/${list}?on=2030-01-01`), 404, "not-found");
    expect((await t.cm.client.get(`${api}/code-lists`)).json().items).not.toContain(list);
  });

  it("accepts a residence status type added as data, without a code change", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const code = `test_status_${letters()}`;
    const paragraph = `test_paragraph_${letters()}`;
    const record = { kind: "residence_status", data: { type: code, paragraph, workPermitted: true } };
    const url = `${api}/persons/${p.id}/records`;
    expectProblem(await t.cm.client.post(url, record), 400, "validation-error", ["data.type", "data.paragraph"]);
    expect(await counts.records(db, t.tenantId, p.id)).toBe(0);

    cleanups.push(() =>
      db
        .delete(codeListEntries)
        .where(and(eq(codeListEntries.list, "residence_status_type"), eq(codeListEntries.code, code))),
    );
    cleanups.push(() =>
      db
        .delete(codeListEntries)
        .where(and(eq(codeListEntries.list, "residence_paragraph"), eq(codeListEntries.code, paragraph))),
    );
    await db.insert(codeListEntries).values([
      {
        list: "residence_status_type",
        code,
        validFrom: "2026-06-12",
        labelDe: "Aufenthaltserlaubnis nach neuem Recht",
        labelEn: "Residence permit under the new law",
        sortOrder: 99,
      },
      {
        list: "residence_paragraph",
        code: paragraph,
        validFrom: "2026-06-12",
        labelDe: "§ 1 Neues Gesetz",
        labelEn: "§ 1 New Act",
        attributes: { statusType: code, citation: "§ 1 NeuG" },
        sortOrder: 99,
      },
    ]);
    const res = await t.cm.client.post(url, record);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ category: "residence", data: { type: code, paragraph } });
    // The new paragraph belongs to the new type only.
    expectProblem(
      await t.cm.client.post(url, { kind: "residence_status", data: { type: "duldung", paragraph } }),
      400,
      "validation-error",
      ["data.paragraph"],
    );
    expect(await counts.records(db, t.tenantId, p.id)).toBe(1);
  });
});

describe("reference lists", () => {
  it("answers ISO 3166 countries by alpha-3 code with German and English names", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const de = (await t.cm.client.get(`${api}/reference/countries?locale=de`)).json().items;
    const en = (await t.cm.client.get(`${api}/reference/countries?locale=en`)).json().items;
    const syrDe = de.find((c: { code: string }) => c.code === "SYR");
    expect(syrDe.name).toMatch(/Syrien/);
    expect(en.find((c: { code: string }) => c.code === "SYR").name).toMatch(/Syria/);
    expect(de.find((c: { code: string }) => c.code === "DEU").name).toBe("Deutschland");
    expect(de.length).toBeGreaterThan(240);
    for (const c of de) expect(c.code).toMatch(/^[A-Z]{3}$/);
    // Sorted by name in the locale.
    const names = de.map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, "de")));
    // The default locale is German.
    const byDefault = (await t.cm.client.get(`${api}/reference/countries`)).json().items;
    expect(byDefault.find((c: { code: string }) => c.code === "SYR")).toEqual(syrDe);
  });

  it("answers ISO 639 languages including those ISO 639-1 lacks, such as Dari", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const de = (await t.cm.client.get(`${api}/reference/languages?locale=de`)).json().items;
    const en = (await t.cm.client.get(`${api}/reference/languages?locale=en`)).json().items;
    expect(de).toContainEqual({ code: "prs", name: "Dari" });
    expect(de).toContainEqual({ code: "ar", name: "Arabisch" });
    expect(en).toContainEqual({ code: "ar", name: "Arabic" });
    expect(de.map((l: { code: string }) => l.code)).toEqual(expect.arrayContaining(["ckb", "kmr", "ti", "uk", "fa"]));
    // What the list offers, a person's languages accept.
    const p = await registerPerson(t.cm.client, {
      languages: de
        .filter((l: { code: string }) => ["prs", "ckb", "ti"].includes(l.code))
        .map((l: { code: string }) => ({
          code: l.code,
        })),
    });
    expect(p.languages.map((l: { code: string }) => l.code).sort()).toEqual(["ckb", "prs", "ti"]);
  });
});
