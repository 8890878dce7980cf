// API tests of a person's timeline: records, documents and case events newest first, keyset
// pagination without duplicates or gaps, only what the organisation may see, and the audit row.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db/client.js";
import {
  addRecord,
  api,
  auditRows,
  caseFileTenant,
  expectProblem,
  personLedByIntegrationOffice,
  registerPerson,
  samplePdf,
  upload,
} from "../../test/case-file-factories.js";
import { type Client, client, getTestApp } from "../../test/test-app.js";
import { records } from "../records/records.tables.js";

type Entry = { type: string; id: string; at: string; category: string; action?: string; kind?: string };

const timelineOf = (personId: string) => `${api}/persons/${personId}/timeline`;

/** Every entry, page by page; asserts that each page keeps to the limit. */
async function allPages(c: Client, personId: string, limit: number) {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await c.get(`${timelineOf(personId)}?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeLessThanOrEqual(limit);
    entries.push(...body.items);
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { entries, pages };
}

const newestFirst = (entries: Entry[]) => {
  for (let i = 1; i < entries.length; i++) {
    expect(Date.parse(entries[i - 1]?.at ?? "")).toBeGreaterThanOrEqual(Date.parse(entries[i]?.at ?? ""));
  }
};

describe("timeline", () => {
  it("answers 401, 403, 404 and 400 first", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const invisible = await registerPerson(t.jc.client);
    expectProblem(await client(app).get(timelineOf(p.id)), 401, "unauthenticated");
    const dpo = await t.user(t.io.id, "dpo");
    expectProblem(await dpo.client.get(timelineOf(p.id)), 403, "forbidden");
    expectProblem(await t.cm.client.get(timelineOf(invisible.id)), 404, "not-found");
    expectProblem(await t.cm.client.get(timelineOf(crypto.randomUUID())), 404, "not-found");
    expectProblem(await t.cm.client.get(`${timelineOf(p.id)}?limit=0`), 400, "validation-error", ["query.limit"]);
    expectProblem(await t.cm.client.get(`${timelineOf(p.id)}?limit=201`), 400, "validation-error", ["query.limit"]);
    expectProblem(await t.cm.client.get(`${timelineOf(p.id)}?cursor=abc`), 400, "validation-error", ["query.cursor"]);
    // A well-formed cursor with a time that is not one.
    const crafted = Buffer.from(JSON.stringify(["yesterday", crypto.randomUUID()])).toString("base64url");
    expectProblem(await t.cm.client.get(`${timelineOf(p.id)}?cursor=${crafted}`), 400, "validation-error", [
      "query.cursor",
    ]);
    expectProblem(await t.cm.client.get(`${timelineOf(p.id)}?from=2020`), 400, "validation-error", ["query.from"]);
    expect(await auditRows(app.database.db, t.tenantId, { action: "person.read" })).toEqual([]);
  });

  it("lists records, documents and case events newest first, and audits the read as 'timeline'", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const note = await addRecord(t.cm.client, p.id, "note", { text: "Erstgespräch" });
    const opened = await t.cm.client.post(`${api}/persons/${p.id}/case/open`, {});
    expect(opened.statusCode).toBe(200);
    const doc = await upload(
      t.cm.client,
      p.id,
      { filename: "Bescheid.pdf", contentType: "application/pdf", data: samplePdf() },
      { category: "residence", title: "Bescheid BAMF" },
    );
    expect(doc.statusCode, doc.body).toBe(201);
    const status = await addRecord(
      t.cm.client,
      p.id,
      "residence_status",
      { type: "aufenthaltserlaubnis", paragraph: "aufenthg_25_2_1", validUntil: "2027-01-31" },
      { validFrom: "2024-02" },
    );

    const res = await t.cm.client.get(timelineOf(p.id));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((e: Entry) => [e.type, e.id])).toEqual([
      ["record", status.id],
      ["document", doc.json().id],
      ["case", expect.any(String)],
      ["record", note.id],
      ["case", expect.any(String)],
    ]);
    newestFirst(body.items);
    expect(body.items[0]).toMatchObject({
      kind: "residence_status",
      category: "residence",
      organisationId: t.io.id,
      validFrom: "2024-02",
    });
    expect(body.items[0].summary).toContain("aufenthaltserlaubnis");
    expect(body.items[1]).toMatchObject({
      category: "residence",
      summary: "Bescheid BAMF",
      mediaType: "application/pdf",
    });
    expect(body.items[2]).toMatchObject({ action: "opened", category: "identity", summary: "intake → active" });
    expect(body.items[4]).toMatchObject({ action: "registered", category: "identity" });

    const reads = await auditRows(db, t.tenantId, { action: "person.read", personId: p.id });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ purpose: "timeline", actorUserId: t.cm.id, subjectId: p.id });
    expect(reads[0]?.categories.sort()).toEqual(["identity", "notes", "residence"]);
    expect(reads[0]?.grounds).toEqual(expect.arrayContaining([{ type: "ownership" }]));
  });

  it("pages with a cursor without duplicates or gaps", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    for (let i = 0; i < 6; i++) await addRecord(t.cm.client, p.id, "note", { text: `Vermerk ${i}` });
    await t.cm.client.post(`${api}/persons/${p.id}/case/open`, {});
    for (let i = 0; i < 2; i++) {
      const d = await upload(
        t.cm.client,
        p.id,
        { filename: `d${i}.pdf`, contentType: "application/pdf", data: samplePdf() },
        { category: "notes" },
      );
      expect(d.statusCode).toBe(201);
    }
    await t.cm.client.post(`${api}/persons/${p.id}/case/pause`, {});
    const full = (await t.cm.client.get(`${timelineOf(p.id)}?limit=200`)).json().items as Entry[];
    expect(full).toHaveLength(11);
    for (const limit of [1, 2, 3, 4, 10, 11]) {
      const { entries, pages } = await allPages(t.cm.client, p.id, limit);
      expect(
        entries.map((e) => e.id),
        `limit ${limit}`,
      ).toEqual(full.map((e) => e.id));
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      expect(pages).toBe(Math.ceil(11 / limit));
    }
  });

  it("pages without gaps through entries written at the same moment", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    // Records imported in one statement share their creation time (to the microsecond).
    await db.insert(records).values(
      Array.from({ length: 5 }, (_, i) => ({
        tenantId: t.tenantId,
        personId: p.id,
        kind: "note" as const,
        category: "notes" as const,
        data: { text: `Import ${i}` },
        ownerOrganisationId: t.io.id,
        createdBy: t.cm.id,
        updatedBy: t.cm.id,
      })),
    );
    const [stamp] = await queryRows<{ n: number }>(
      db,
      sql`select count(distinct ${records.createdAt})::int as n from ${records} where ${records.personId} = ${p.id}::uuid`,
    );
    expect(stamp?.n).toBe(1);
    const full = (await t.cm.client.get(`${timelineOf(p.id)}?limit=200`)).json().items as Entry[];
    expect(full).toHaveLength(6);
    for (const limit of [1, 2, 4]) {
      const { entries } = await allPages(t.cm.client, p.id, limit);
      expect(
        entries.map((e) => e.id),
        `limit ${limit}`,
      ).toEqual(full.map((e) => e.id));
    }
  });

  it("shows only what the organisation may see", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await personLedByIntegrationOffice(t, t.jc.client);
    const own = await addRecord(t.jc.client, p.id, "employment", { status: "job_seeking", registeredAt: "jobcenter" });
    const leadsNote = await addRecord(t.cm.client, p.id, "health_note", { text: "Psychosoziale Beratung" });
    const leadsDoc = await upload(
      t.cm.client,
      p.id,
      { filename: "Attest.pdf", contentType: "application/pdf", data: samplePdf() },
      { category: "health", title: "Attest" },
    );
    expect(leadsDoc.statusCode).toBe(201);

    const res = await t.jc.client.get(timelineOf(p.id));
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Entry[];
    const ids = items.map((e) => e.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(leadsNote.id);
    expect(ids).not.toContain(leadsDoc.json().id);
    expect(res.body).not.toContain("Psychosoziale");
    expect(res.body).not.toContain("Attest");
    expect(items.filter((e) => e.type === "case").map((e) => e.action)).toEqual(["opened", "registered"]);
    const [read] = await auditRows(app.database.db, t.tenantId, { action: "person.read", actorUserId: t.jc.id });
    expect(read?.categories).not.toContain("health");
  });
});
