// The register of person data against the database and the code that reads it: the catalogue
// has no person reference the register does not describe (and the check itself finds a new one),
// a merge moves the rows of every table the register says move, and the Art. 15 export shows every
// row of every table the register says it exports.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Db, queryRows } from "../../platform/db/client.js";
import {
  addRecord,
  api,
  type CaseFileTenant,
  caseFileTenant,
  recordConsent,
  registerPerson,
  upload,
} from "../../test/case-file-factories.js";
import { markedPdf } from "../../test/consent-factories.js";
import { getTestApp } from "../../test/test-app.js";
import { systemDuplicateScan } from "../duplicates/duplicates.commands.js";
import { mergeHandlers } from "../duplicates/merge.commands.js";
import {
  type ExportSection,
  exportSections,
  movedByMerge,
  outsideRegister,
  personDataRegister,
  registeredSections,
  unregisteredPersonTables,
} from "./register.js";

beforeAll(async () => {
  await getTestApp();
});

const rowIds = async (db: Db, tenantId: string, personId: string, table: string) => {
  const entry = personDataRegister.find((t) => t.table === table);
  if (!entry) throw new Error(`${table} is not registered`);
  return (await queryRows<{ id: string }>(db, entry.rowsOf(tenantId, personId))).map((r) => r.id).sort();
};

/** The markers planted in the fixture, one per export section, that the printable document must show. */
const markers = {
  person: "Markerfrau",
  household: "Haushalt MARKER",
  records: "RECORD-MARKER",
  documents: "DOCUMENT-MARKER",
  consents: "CONSENT-MARKER",
  caseEvents: "EVENT-MARKER",
  referrals: "REFERRAL-MARKER",
  planGoals: "GOAL-MARKER",
  planMeasures: "MEASURE-MARKER",
  caseConferences: "CONFERENCE-MARKER",
  // The Jobcenter's read (its name is filled in per tenant).
  accessLog: "",
} satisfies Record<ExportSection, string>;

/**
 * A person with rows in every registered table: a second file of hers was found by the scan and
 * merged into hers, then her case was opened and paused, she lives in a household, has a record,
 * a document, consents, a referral to the Jobcenter (which read it), a plan goal with a measure
 * and a case conference.
 */
async function personWithEverything(t: CaseFileTenant) {
  const db = (await getTestApp()).database.db;
  const p = await registerPerson(t.cm.client, {
    givenNames: markers.person,
    familyName: "Al-Hassan",
    birthDate: "1990-03-12",
  });
  const other = await registerPerson(t.cm.client, {
    givenNames: markers.person,
    familyName: "Alhasan",
    birthDate: "1990-03-12",
  });
  await systemDuplicateScan(db, t.tenantId);
  const merged = await t.cm.client.post(`${api}/persons/${p.id}/merge`, { otherPersonId: other.id, fields: {} });
  expect(merged.statusCode, merged.body).toBe(200);
  const ok = (res: { statusCode: number; body: string }, code = 201) => {
    expect(res.statusCode, res.body).toBe(code);
    return JSON.parse(res.body);
  };
  ok(await t.cm.client.post(`${api}/persons/${p.id}/case/open`, {}), 200);
  ok(await t.cm.client.post(`${api}/persons/${p.id}/case/pause`, { reason: markers.caseEvents }), 200);
  ok(await t.cm.client.post(`${api}/persons/${p.id}/case/resume`, {}), 200);
  ok(
    await t.cm.client.post(`${api}/households`, {
      name: markers.household,
      members: [{ personId: p.id, relation: "head" }],
    }),
  );
  await addRecord(t.cm.client, p.id, "note", { text: markers.records });
  ok(await upload(t.cm.client, p.id, markedPdf("x"), { category: "work", title: markers.documents }));
  await recordConsent(t.cm.client, p.id, { caseManagement: true, categories: ["identity", "work"] });
  const consent = await t.cm.client.post(`${api}/persons/${p.id}/consents`, {
    purpose: markers.consents,
    validFrom: new Date().toISOString().slice(0, 10),
    method: "signed_form",
    recipientOrganisationIds: [t.jobcenter.id],
    categories: ["identity", "work"],
  });
  ok(consent);
  const goal = ok(
    await t.cm.client.post(`${api}/persons/${p.id}/plan/goals`, { domain: "work", title: markers.planGoals }),
  );
  ok(
    await t.cm.client.post(`${api}/plan/goals/${goal.id}/measures`, {
      title: markers.planMeasures,
      responsibleOrganisationId: t.io.id,
    }),
  );
  ok(
    await t.cm.client.post(`${api}/persons/${p.id}/plan/conferences`, {
      heldOn: "2026-11-20",
      participants: [{ name: "Frau Kaya", organisationId: t.io.id }],
      notes: markers.caseConferences,
      decisions: [],
    }),
  );
  const referral = ok(
    await t.cm.client.post(`${api}/referrals`, {
      personId: p.id,
      toOrganisationId: t.jobcenter.id,
      service: "job_placement",
      message: markers.referrals,
      sharedCategories: ["work"],
    }),
  );
  ok(await t.jc.client.get(`${api}/referrals/${referral.id}`), 200);
  ok(await t.jc.client.get(`${api}/persons/${p.id}`), 200);
  // Every registered table holds a row of hers, so that each is checked below.
  for (const { table } of personDataRegister)
    expect((await rowIds(db, t.tenantId, p.id, table)).length, `no row of ${table} in the fixture`).toBeGreaterThan(0);
  return p as { id: string };
}

describe("the register of person data", () => {
  it("describes every table of the catalogue that refers to a person, and nothing that is not there", async () => {
    const db = (await getTestApp()).database.db;
    expect(await unregisteredPersonTables(db)).toEqual([]);
    const columns = await queryRows<{ table: string; column: string }>(
      db,
      sql`select table_name::text as table, column_name::text as column from information_schema.columns
           where table_schema = current_schema()`,
    );
    const has = (table: string, column?: string) =>
      columns.some((c) => c.table === table && (column === undefined || c.column === column));
    for (const t of personDataRegister) {
      expect(has(t.table), t.table).toBe(true);
      for (const c of t.personColumns) expect(has(t.table, c), `${t.table}.${c}`).toBe(true);
      if (t.owner) expect(has(t.table, t.owner), `${t.table}.${t.owner}`).toBe(true);
      // A merge moves by person_id and remembers the moved rows by id.
      if (t.merge.kind === "move")
        expect(has(t.table, "id") && t.personColumns.includes("person_id"), t.table).toBe(true);
    }
    for (const table of Object.keys(outsideRegister)) expect(has(table), table).toBe(true);
    expect(new Set(personDataRegister.map((t) => t.table)).size).toBe(personDataRegister.length);
  });

  it("the catalogue check reports a new table with a person_id or a foreign key to persons", async () => {
    const db = (await getTestApp()).database.db;
    await db.execute(sql`create table probe_person_data (tenant_id uuid, person_id uuid)`);
    await db.execute(
      sql`create table probe_person_ref (tenant_id uuid, subject uuid,
            foreign key (tenant_id, subject) references persons (tenant_id, id))`,
    );
    try {
      expect(await unregisteredPersonTables(db)).toEqual(["probe_person_data", "probe_person_ref"]);
    } finally {
      await db.execute(sql`drop table probe_person_data`);
      await db.execute(sql`drop table probe_person_ref`);
    }
    expect(await unregisteredPersonTables(db)).toEqual([]);
  });

  it("names a merge rule merge.commands.ts carries out and an export section for every table", () => {
    for (const t of personDataRegister) {
      if (t.merge.kind === "special") expect(mergeHandlers).toContain(t.merge.handler);
      if ("section" in t.export) expect(exportSections).toContain(t.export.section);
    }
    // Every section of the export is fed by the register.
    expect(registeredSections).toEqual(exportSections);
  });

  it("a merge moves every row of every table the register says move, and undo moves them back", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const full = await personWithEverything(t);
    const survivor = await registerPerson(t.cm.client, { givenNames: "Markerfrau", familyName: "Al Hasan" });
    const idsOf = async (personId: string) =>
      Object.fromEntries(
        await Promise.all(movedByMerge.map(async (table) => [table, await rowIds(db, t.tenantId, personId, table)])),
      ) as Record<string, string[]>;
    const before = await idsOf(full.id);
    const survivorsOwn = await idsOf(survivor.id);
    const res = await t.cm.client.post(`${api}/persons/${survivor.id}/merge`, { otherPersonId: full.id, fields: {} });
    expect(res.statusCode, res.body).toBe(200);
    for (const table of movedByMerge) {
      expect(before[table]?.length, table).toBeGreaterThan(0);
      expect(res.json().moved[table], table).toBe(before[table]?.length);
      expect(await rowIds(db, t.tenantId, full.id, table), table).toEqual([]);
      expect(await rowIds(db, t.tenantId, survivor.id, table), table).toEqual(
        [...(before[table] ?? []), ...(survivorsOwn[table] ?? [])].sort(),
      );
    }
    const undo = await t.cm.client.post(`${api}/merges/${res.json().mergeId}/undo`, {});
    expect(undo.statusCode, undo.body).toBe(200);
    for (const table of movedByMerge) {
      expect(await rowIds(db, t.tenantId, full.id, table), table).toEqual(before[table]);
      expect(await rowIds(db, t.tenantId, survivor.id, table), table).toEqual(survivorsOwn[table]);
    }
  });

  it("the Art. 15 export shows every row of every table the register exports, as JSON and printed", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await personWithEverything(t);
    const dpo = await t.user(t.io.id, "dpo");
    // What is held before the export (the export's own audit row follows it).
    const held = await Promise.all(
      personDataRegister.map(async (entry) => ({ entry, ids: await rowIds(db, t.tenantId, p.id, entry.table) })),
    );
    const res = await dpo.client.get(`${api}/persons/${p.id}/export`);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json() as Record<string, unknown>;
    const idsIn = (section: ExportSection) => {
      const value = data[section];
      const items = (Array.isArray(value) ? value : value ? [value] : []) as { id: string | number }[];
      return new Set(items.map((x) => String(x.id)));
    };
    const accessMarker = t.jobcenter.name;
    for (const { entry, ids } of held) {
      if (!("section" in entry.export)) continue;
      const shown = idsIn(entry.export.section);
      for (const id of ids) expect(shown.has(id), `${entry.table} ${id} in ${entry.export.section}`).toBe(true);
    }
    // The new sections carry words beside the codes, like the others.
    const [referral] = data.referrals as Record<string, unknown>[];
    expect(referral).toMatchObject({
      message: markers.referrals,
      fromOrganisation: t.io.name,
      toOrganisation: t.jobcenter.name,
      labels: { from: t.io.name, to: t.jobcenter.name, status: "gesendet", notes: [markers.referrals] },
    });
    // The service in words of the code list, not its code.
    const service = (referral?.labels as { service?: string } | undefined)?.service ?? "";
    expect(service.length > 0 && service !== "job_placement", service).toBe(true);
    expect(data.planGoals).toMatchObject([{ title: markers.planGoals, labels: { domain: "Arbeit", status: "offen" } }]);
    expect(data.planMeasures).toMatchObject([
      { title: markers.planMeasures, labels: { goal: markers.planGoals, responsible: t.io.name, status: "geplant" } },
    ]);
    expect(data.caseConferences).toMatchObject([
      { notes: markers.caseConferences, labels: { participants: [`Frau Kaya, ${t.io.name}`] } },
    ]);
    // Art. 15 (1) g: the organisation that referred and planned is a source of those data.
    const sources = (data.art15 as { sources: { organisation: string; data: string[] }[] }).sources;
    expect(sources.find((x) => x.organisation === t.io.name)?.data).toEqual(
      expect.arrayContaining(["1 Verweisung", "3 Einträge im Integrationsplan"]),
    );
    // Metadata only: the document's bytes and storage key never leave.
    expect(JSON.stringify(data)).not.toContain("storageKey");

    for (const lang of ["de", "en"]) {
      const html = await dpo.client.get(`${api}/persons/${p.id}/export?format=html&lang=${lang}`);
      expect(html.statusCode).toBe(200);
      for (const section of registeredSections) {
        const marker = section === "accessLog" ? accessMarker : markers[section];
        expect(html.body, `${section} (${lang})`).toContain(marker);
      }
    }
    const en = (await dpo.client.get(`${api}/persons/${p.id}/export?format=html&lang=en`)).body;
    expect(en).toContain("Referrals to other organisations");
    expect(en).toContain("Integration plan: measures");
    const de = (await dpo.client.get(`${api}/persons/${p.id}/export?format=html&lang=de`)).body;
    expect(de).toContain("Verweisungen an andere Stellen");
    expect(de).toContain("Fallkonferenzen");
  });
});
