// API tests of duplicates: the check before registering, the batch scan with the review list and
// dismissal, merge (every row moves, audit, the other person hidden) and undo (both persons as
// before), who may merge (across organisations only the survivor's lead case management), and
// bad input that leaves the database as it was.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Db, queryRows } from "../../platform/db/client.js";
import {
  addRecord,
  api,
  auditRows,
  type CaseFileTenant,
  caseFileTenant,
  expectProblem,
  personRow,
  recordConsent,
  registerPerson,
} from "../../test/case-file-factories.js";
import { client, getTestApp } from "../../test/test-app.js";
import { systemDuplicateScan } from "./duplicates.commands.js";
import { duplicateCandidates } from "./duplicates.tables.js";

// The app (and an in-memory database) is built once, under the hook timeout rather than a test's.
beforeAll(async () => {
  await getTestApp();
});

const check = `${api}/persons/duplicate-check`;

/** Everything the tenant holds about persons, for "nothing changed" assertions. */
async function personState(db: Db, tenantId: string) {
  const out: Record<string, unknown> = {};
  for (const table of [
    "persons",
    "records",
    "consents",
    "case_events",
    "household_members",
    "person_search_keys",
    "duplicate_candidates",
    "person_merges",
  ]) {
    const [row] = await queryRows<{ n: number; h: string }>(
      db,
      sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h
          from ${sql.identifier(table)} t where tenant_id = ${tenantId}::uuid`,
    );
    out[table] = `${row?.n}:${row?.h}`;
  }
  return out;
}

async function twoFiles(t: CaseFileTenant) {
  const a = await registerPerson(t.cm.client, {
    givenNames: "Mohammed",
    familyName: "Al-Hassan",
    birthDate: "1990-03-12",
    nationalities: ["SYR"],
    languages: [{ code: "ar", interpreterNeeded: true }],
  });
  const b = await registerPerson(t.cm.client, {
    givenNames: "Muhammad",
    familyName: "Alhasan",
    birthDate: "1990-03-12",
    birthPlace: "Aleppo",
    nationalities: ["SYR", "TUR"],
    languages: [{ code: "de", interpreterNeeded: false }],
    contact: { phone: "+49 151 1234567" },
  });
  return { a, b };
}

describe("POST /persons/duplicate-check", () => {
  it("answers 401, 403 and 400 before it looks; then the visible persons that may be the same", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const body = { givenNames: "Aleksandr", familyName: "Schewtschenko", birthDate: "1985" };
    expectProblem(await client(app).post(check, body), 401, "unauthenticated");
    const dpo = await t.user(t.io.id, "dpo");
    expectProblem(await dpo.client.post(check, body), 403, "forbidden");
    expectProblem(await t.cm.client.post(check, { familyName: "X" }), 400, "validation-error", ["givenNames"]);
    expectProblem(await t.cm.client.post(check, { ...body, birthDate: "1985-13" }), 400, "validation-error", [
      "birthDate",
    ]);

    const same = await registerPerson(t.cm.client, {
      givenNames: "Oleksandr",
      familyName: "Shevchenko",
      birthDate: "1985-01-01",
    });
    await registerPerson(t.cm.client, { givenNames: "Olena", familyName: "Kovalenko", birthDate: "1985" });
    const invisible = await registerPerson(t.jc.client, { givenNames: "Oleksandr", familyName: "Shevchenko" });
    const res = await t.cm.client.post(check, body);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; score: number; matchReasons: string[] }[];
    expect(items.map((i) => i.id)).toEqual([same.id]);
    expect(items[0]?.score).toBeGreaterThanOrEqual(0.5);
    expect(items[0]?.matchReasons.length).toBeGreaterThan(0);
    expect(items.map((i) => i.id)).not.toContain(invisible.id);
    const rows = await auditRows(app.database.db, t.tenantId, { action: "person.listed", actorUserId: t.cm.id });
    expect(rows.map((r) => [r.personId, r.purpose])).toEqual([[same.id, "duplicate-check"]]);
  });
});

describe("duplicate scan, review list and dismissal", () => {
  it("stores pairs, lists those whose both persons the organisation sees, and dismisses them", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const { a, b } = await twoFiles(t);
    await registerPerson(t.cm.client, { givenNames: "Layla", familyName: "Haddad", birthDate: "2001" });
    // The Jobcenter sees only b (a consent names it): the pair is not its to review.
    await recordConsent(t.cm.client, b.id, { recipientOrganisationIds: [t.jobcenter.id], categories: ["identity"] });

    const scan = await systemDuplicateScan(db, t.tenantId);
    expect(scan.pairs).toBe(1);
    const again = await systemDuplicateScan(db, t.tenantId);
    expect(again.pairs).toBe(1);

    expectProblem(await client(app).get(`${api}/duplicates`), 401, "unauthenticated");
    const dpo = await t.user(t.io.id, "dpo");
    expectProblem(await dpo.client.get(`${api}/duplicates`), 403, "forbidden");
    expectProblem(await t.cm.client.get(`${api}/duplicates?limit=0`), 400, "validation-error", ["query.limit"]);

    const list = await t.cm.client.get(`${api}/duplicates`);
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items;
    expect(items).toHaveLength(1);
    expect([items[0].personA.id, items[0].personB.id].sort()).toEqual([a.id, b.id].sort());
    expect(items[0].reasons.length).toBeGreaterThan(0);
    expect((await t.jc.client.get(`${api}/duplicates`)).json().items).toEqual([]);
    const pairId = items[0].id as string;

    expectProblem(await client(app).post(`${api}/duplicates/${pairId}/dismiss`, {}), 401, "unauthenticated");
    expectProblem(await dpo.client.post(`${api}/duplicates/${pairId}/dismiss`, {}), 403, "forbidden");
    expectProblem(await t.jc.client.post(`${api}/duplicates/${pairId}/dismiss`, {}), 404, "not-found");
    expectProblem(await t.cm.client.post(`${api}/duplicates/not-a-uuid/dismiss`, {}), 400, "validation-error");
    expectProblem(await t.cm.client.post(`${api}/duplicates/${pairId}/dismiss`, { x: 1 }), 400, "validation-error");

    const dismissed = await t.cm.client.post(`${api}/duplicates/${pairId}/dismiss`, {});
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect((await t.cm.client.get(`${api}/duplicates`)).json().items).toEqual([]);
    expectProblem(await t.cm.client.post(`${api}/duplicates/${pairId}/dismiss`, {}), 409, "conflict");
    // A later scan leaves a dismissed pair dismissed.
    await systemDuplicateScan(db, t.tenantId);
    const [row] = await db
      .select()
      .from(duplicateCandidates)
      .where(and(eq(duplicateCandidates.tenantId, t.tenantId), eq(duplicateCandidates.id, pairId)));
    expect(row?.status).toBe("dismissed");
    expect((await auditRows(db, t.tenantId, { action: "duplicate.dismissed" })).map((r) => r.personId).sort()).toEqual(
      [a.id, b.id].sort(),
    );
  });
});

describe("POST /duplicates/scan", () => {
  it("answers 401, 403 and 400, then scans the tenant for a case manager", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    await twoFiles(t);
    const url = `${api}/duplicates/scan`;
    expectProblem(await client(app).post(url, {}), 401, "unauthenticated");
    expectProblem(await t.jc.client.post(url, {}), 403, "forbidden");
    expectProblem(await t.cm.client.post(url, { tenantId: t.tenantId }), 400, "validation-error");
    const res = await t.cm.client.post(url, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ persons: 2, pairs: 1 });
    expect((await t.cm.client.get(`${api}/duplicates`)).json().items).toHaveLength(1);
    expect(await auditRows(app.database.db, t.tenantId, { action: "duplicates.scanned" })).toHaveLength(1);
  });
});

describe("POST /persons/{id}/merge and POST /merges/{id}/undo", () => {
  it("refuses bad calls with 4xx and changes nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const { a, b } = await twoFiles(t);
    const invisible = await registerPerson(t.jc.client, { givenNames: "Muhammad", familyName: "Alhasan" });
    const url = `${api}/persons/${a.id}/merge`;
    const before = await personState(db, t.tenantId);

    expectProblem(await client(app).post(url, { otherPersonId: b.id }), 401, "unauthenticated");
    const dpo = await t.user(t.io.id, "dpo");
    expectProblem(await dpo.client.post(url, { otherPersonId: b.id }), 403, "forbidden");
    const orgAdmin = await t.user(t.io.id, "org_admin");
    expectProblem(await orgAdmin.client.post(url, { otherPersonId: b.id }), 403, "forbidden");
    expectProblem(await t.cm.client.post(url, {}), 400, "validation-error", ["otherPersonId"]);
    expectProblem(
      await t.cm.client.post(url, { otherPersonId: b.id, fields: { givenNames: "c" } }),
      400,
      "validation-error",
      ["fields.givenNames"],
    );
    expectProblem(await t.cm.client.post(url, { otherPersonId: a.id }), 400, "validation-error", ["otherPersonId"]);
    expectProblem(await t.cm.client.post(url, { otherPersonId: invisible.id }), 404, "not-found");
    expectProblem(await t.jc.client.post(url, { otherPersonId: invisible.id }), 404, "not-found");
    expectProblem(await t.cm.client.post(url, { otherPersonId: b.id, version: 7 }), 409, "version-conflict");
    expectProblem(await t.cm.client.post(url, { otherPersonId: b.id, otherVersion: 7 }), 409, "version-conflict");
    expectProblem(await t.cm.client.post(`${api}/merges/${a.id}/undo`, {}), 404, "not-found");
    expect(await personState(db, t.tenantId)).toEqual(before);

    // Already merged: the merged file no longer exists for anyone (404), and nothing changes.
    const merged = await t.cm.client.post(url, { otherPersonId: b.id });
    expect(merged.statusCode, merged.body).toBe(200);
    const c = await registerPerson(t.cm.client, { givenNames: "Mohamad", familyName: "El Hasan" });
    const afterMerge = await personState(db, t.tenantId);
    expectProblem(await t.cm.client.post(`${api}/persons/${c.id}/merge`, { otherPersonId: b.id }), 404, "not-found");
    expectProblem(await t.cm.client.post(`${api}/persons/${b.id}/merge`, { otherPersonId: c.id }), 404, "not-found");
    expect(await personState(db, t.tenantId)).toEqual(afterMerge);
  });

  it("moves every row to the survivor with the chosen values, hides the other, audits; undo restores both", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const { a, b } = await twoFiles(t);
    const recA = await addRecord(t.cm.client, a.id, "note", { text: "A" });
    const recB = await addRecord(t.cm.client, b.id, "note", { text: "B" });
    const consentB = await recordConsent(t.cm.client, b.id, {
      recipientOrganisationIds: [t.jobcenter.id],
      categories: ["identity", "work"],
    });
    const household = await t.cm.client.post(`${api}/households`, {
      name: "Familie Alhasan",
      members: [{ personId: b.id, relation: "head" }],
    });
    expect(household.statusCode, household.body).toBe(201);
    await systemDuplicateScan(db, t.tenantId);
    const pair = (await t.cm.client.get(`${api}/duplicates`)).json().items[0];
    expect(pair).toBeDefined();
    const rowA = await personRow(db, t.tenantId, a.id);
    const rowB = await personRow(db, t.tenantId, b.id);
    const before = await personState(db, t.tenantId);

    const res = await t.cm.client.post(`${api}/persons/${a.id}/merge`, {
      otherPersonId: b.id,
      fields: { birthDate: "b", birthPlace: "b", nationalities: "union", languages: "union", contact: "b" },
      version: rowA?.version,
      otherVersion: rowB?.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.moved).toMatchObject({ records: 1, consents: 1, case_events: 1, household_members: 1 });

    const survivor = (await t.cm.client.get(`${api}/persons/${a.id}`)).json();
    expect(survivor).toMatchObject({
      givenNames: "Mohammed",
      familyName: "Al-Hassan",
      birthDate: "1990-03-12",
      birthPlace: "Aleppo",
      nationalities: ["SYR", "TUR"],
      contact: { phone: "+49 151 1234567" },
      household: { id: household.json().id },
    });
    expect(survivor.languages.map((l: { code: string }) => l.code)).toEqual(["ar", "de"]);
    expect(survivor.alternativeNames).toContain("Muhammad Alhasan");
    const records = (await t.cm.client.get(`${api}/persons/${a.id}/records`)).json().items;
    expect(records.map((r: { id: string }) => r.id).sort()).toEqual([recA.id, recB.id].sort());
    // The consent moved: the Jobcenter now sees the survivor.
    expect((await t.jc.client.get(`${api}/persons/${a.id}`)).statusCode).toBe(200);
    expect(
      (await t.cm.client.get(`${api}/persons/${a.id}/consents`)).json().items.map((c: { id: string }) => c.id),
    ).toContain(consentB.id);

    // The merged person is gone from reads, lists, search and the review list.
    const gone = expectProblem(await t.cm.client.get(`${api}/persons/${b.id}`), 404, "not-found");
    expect(gone.mergedIntoId).toBe(a.id);
    expectProblem(await t.cm.client.patch(`${api}/persons/${b.id}`, { givenNames: "X" }), 404, "not-found");
    // Every path to person data goes through the access rule, which no longer knows the merged file.
    const note = { kind: "note", data: { text: "written to a merged file" } };
    expectProblem(await t.cm.client.post(`${api}/persons/${b.id}/records`, note), 404, "not-found");
    expectProblem(await t.cm.client.get(`${api}/persons/${b.id}/timeline`), 404, "not-found");
    expectProblem(await t.cm.client.get(`${api}/persons/${b.id}/consents`), 404, "not-found");
    const listed = (await t.cm.client.get(`${api}/persons`)).json().items.map((p: { id: string }) => p.id);
    expect(listed).toEqual([a.id]);
    const found = (await t.cm.client.get(`${api}/persons?q=${encodeURIComponent("Muhammad Alhasan")}`)).json().items;
    expect(found.map((p: { id: string }) => p.id)).toEqual([a.id]);
    expect((await t.cm.client.get(`${api}/duplicates`)).json().items).toEqual([]);

    const audits = await auditRows(db, t.tenantId, { action: "person.merged" });
    expect(audits.map((r) => r.personId).sort()).toEqual([a.id, b.id].sort());
    const survivorAudit = audits.find((r) => r.personId === a.id);
    expect(survivorAudit?.details).toMatchObject({
      mergeId: result.mergeId,
      otherPersonId: b.id,
      before: { birthPlace: null },
      after: { birthPlace: "Aleppo" },
    });

    // Undo: 401, 403, 400, then both persons exactly as before (versions move on).
    const undo = `${api}/merges/${result.mergeId}/undo`;
    expectProblem(await client(app).post(undo, {}), 401, "unauthenticated");
    const dpo = await t.user(t.io.id, "dpo");
    expectProblem(await dpo.client.post(undo, {}), 403, "forbidden");
    expectProblem(await t.cm.client.post(`${api}/merges/nope/undo`, {}), 400, "validation-error");
    expectProblem(await t.jc.client.post(undo, {}), 403, "forbidden");
    const undone = await t.cm.client.post(undo, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expectProblem(await t.cm.client.post(undo, {}), 409, "conflict");

    const after = await personState(db, t.tenantId);
    const strip = (s: Record<string, unknown>) => ({ ...s, persons: undefined, person_merges: undefined });
    expect(strip(after)).toEqual(strip(before));
    const restoredA = await personRow(db, t.tenantId, a.id);
    const restoredB = await personRow(db, t.tenantId, b.id);
    const identity = (p: typeof rowA) => ({ ...p, version: undefined, updatedAt: undefined });
    expect(identity(restoredA)).toEqual(identity(rowA));
    expect(identity(restoredB)).toEqual(identity(rowB));
    expect((await t.cm.client.get(`${api}/duplicates`)).json().items.map((p: { id: string }) => p.id)).toEqual([
      pair.id,
    ]);
    expect((await auditRows(db, t.tenantId, { action: "person.merge_undone" })).length).toBe(2);
  });

  it("merges files of different organisations only by a case manager of the survivor's lead organisation", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    // Led by the integration office: registered there.
    const led = await registerPerson(t.cm.client, { givenNames: "Oleksandr", familyName: "Shevchenko" });
    // Registered by the Jobcenter, shown to the integration office by a consent.
    const other = await registerPerson(t.jc.client, { givenNames: "Aleksandr", familyName: "Schewtschenko" });
    await recordConsent(t.jc.client, other.id, { recipientOrganisationIds: [t.io.id], categories: ["identity"] });
    await recordConsent(t.cm.client, led.id, { recipientOrganisationIds: [t.jobcenter.id], categories: ["identity"] });

    // The Jobcenter sees both, but is not the lead organisation.
    expectProblem(
      await t.jc.client.post(`${api}/persons/${other.id}/merge`, { otherPersonId: led.id }),
      403,
      "forbidden",
    );
    // The lead may not make the Jobcenter's file (no lead organisation) the survivor.
    expectProblem(
      await t.cm.client.post(`${api}/persons/${other.id}/merge`, { otherPersonId: led.id }),
      403,
      "forbidden",
    );
    const ok = await t.cm.client.post(`${api}/persons/${led.id}/merge`, { otherPersonId: other.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expectProblem(await t.jc.client.get(`${api}/persons/${other.id}`), 404, "not-found");
  });
});
