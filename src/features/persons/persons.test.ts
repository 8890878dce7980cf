// API tests of persons and their case file state: registration, partial dates, reference codes,
// visibility (a person the organisation may not see does not exist for it), lists and search,
// optimistic concurrency, case actions and the audit rows they leave.
import { describe, expect, it } from "vitest";
import type { Role } from "../../platform/domain.js";
import { categories } from "../../platform/domain-categories.js";
import { today } from "../../platform/reference/partial-date.js";
import {
  addRecord,
  api,
  auditRows,
  caseFileRoutes,
  caseFileTenant,
  counts,
  expectProblem,
  fillRoute,
  personLedByIntegrationOffice,
  personRow,
  registerPerson,
  samplePdf,
  suffix,
  upload,
} from "../../test/case-file-factories.js";
import { login } from "../../test/factories.js";
import { type Client, client, getTestApp } from "../../test/test-app.js";

const persons = `${api}/persons`;

describe("person routes: who may call them", () => {
  it("answers 401 to an anonymous caller on every case-file route and changes nothing", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const anonymous = client(app);
    const routes = caseFileRoutes(app);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const ids = { person: p.id, record: p.id, household: p.id, document: p.id };
    for (const r of routes) {
      const res = await anonymous.request({
        method: r.method as "GET",
        url: fillRoute(r.url, ids),
        ...(r.method === "GET" || r.method === "DELETE" ? {} : { payload: {} }),
      });
      expectProblem(res, 401, "unauthenticated");
    }
    expect(await counts.persons(app.database.db, t.tenantId)).toBe(1);
    expect((await personRow(app.database.db, t.tenantId, p.id))?.caseStatus).toBe("intake");
  });

  it.each<Role>(["steering", "dpo", "volunteer", "volunteer_coordinator", "tenant_admin"])(
    "answers 403 to a %s of the lead organisation on every case-file route",
    async (role) => {
      const app = await getTestApp();
      const db = app.database.db;
      const t = await caseFileTenant(app);
      const p = await registerPerson(t.cm.client, { birthDate: "1990" });
      const record = await addRecord(t.cm.client, p.id, "note", { text: "Erstgespräch" });
      const doc = await upload(
        t.cm.client,
        p.id,
        { filename: "a.pdf", contentType: "application/pdf", data: samplePdf() },
        { category: "notes" },
      );
      expect(doc.statusCode, doc.body).toBe(201);
      const household = await t.cm.client.post(`${api}/households`, {
        name: "Familie",
        members: [{ personId: p.id, relation: "head" }],
      });
      expect(household.statusCode, household.body).toBe(201);
      const ids = { person: p.id, record: record.id, household: household.json().id, document: doc.json().id };

      const actor =
        role === "tenant_admin"
          ? { id: t.admin.id, client: await login(app, t.admin.email) }
          : await t.user(t.io.id, role);
      const routes = caseFileRoutes(app);
      expect(routes.length).toBeGreaterThanOrEqual(20);
      const auditBefore = (await auditRows(db, t.tenantId)).filter((r) => !r.action.startsWith("auth.")).length;
      for (const r of routes) {
        const res = await actor.client.request({
          method: r.method as "GET",
          url: fillRoute(r.url, ids),
          ...(r.method === "GET" || r.method === "DELETE" ? {} : { payload: { givenNames: "X", name: "X" } }),
        });
        expect(res.statusCode, `${r.method} ${r.url}: ${res.body}`).toBe(403);
        expect(res.json().type).toBe("/problems/forbidden");
      }
      // Nothing read, nothing written (the only audit rows of the actor are its sign-in).
      const actorRows = await auditRows(db, t.tenantId, { actorUserId: actor.id });
      expect(actorRows.filter((r) => !r.action.startsWith("auth."))).toEqual([]);
      expect((await auditRows(db, t.tenantId)).filter((r) => !r.action.startsWith("auth.")).length).toBe(auditBefore);
      expect(await counts.persons(db, t.tenantId)).toBe(1);
      expect(await counts.records(db, t.tenantId, p.id)).toBe(1);
      expect(await counts.documents(db, t.tenantId, p.id)).toBe(1);
      const row = await personRow(db, t.tenantId, p.id);
      expect(row?.version).toBe(1);
      expect(row?.givenNames).toBe(p.givenNames);
    },
  );

  it("lets an org_admin read but not register persons", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const admin = await t.user(t.jobcenter.id, "org_admin");
    const res = await admin.client.post(persons, { givenNames: "Omid" });
    expectProblem(res, 403, "forbidden");
    expect(await counts.persons(app.database.db, t.tenantId)).toBe(0);
    // It reads what its organisation registered, and nothing else.
    const own = await registerPerson(t.jc.client);
    const leads = await registerPerson(t.cm.client);
    const list = await admin.client.get(persons);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([own.id]);
    expect((await admin.client.get(`${persons}/${own.id}`)).statusCode).toBe(200);
    expectProblem(await admin.client.get(`${persons}/${leads.id}`), 404, "not-found");
  });
});

describe("POST /persons", () => {
  it("rejects invalid bodies with 400 naming the field, and writes nothing", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const c = t.cm.client;
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ["givenNames"]],
      [{ givenNames: "" }, ["givenNames"]],
      [
        { givenNames: "Omid", foo: 1, registeredByOrganisationId: t.jobcenter.id },
        ["foo", "registeredByOrganisationId"],
      ],
      [{ givenNames: "Omid", birthDate: "1990-13-45" }, ["birthDate"]],
      [{ givenNames: "Omid", birthDate: "1990-02-30" }, ["birthDate"]],
      [{ givenNames: "Omid", birthDate: "85" }, ["birthDate"]],
      [{ givenNames: "Omid", birthDate: "12.03.1985" }, ["birthDate"]],
      [{ givenNames: "Omid", birthDate: "1985-3-12" }, ["birthDate"]],
      [{ givenNames: "Omid", arrivedInGermanyOn: "2015-00" }, ["arrivedInGermanyOn"]],
      [{ givenNames: "Omid", nationalities: ["XXX"] }, ["nationalities.0"]],
      [{ givenNames: "Omid", nationalities: ["SY"] }, ["nationalities.0"]],
      [{ givenNames: "Omid", nationalities: ["AFG", "Syrien"] }, ["nationalities.1"]],
      [{ givenNames: "Omid", languages: [{ code: "zz" }] }, ["languages.0.code"]],
      [{ givenNames: "Omid", languages: [{ code: "fa", dialect: "dari" }] }, ["languages.0.dialect"]],
      [{ givenNames: "Omid", sex: "x" }, ["sex"]],
      [{ givenNames: "Omid", contact: { email: "not-an-email" } }, ["contact.email"]],
      [{ givenNames: "Omid", householdRelation: "cousin" }, ["householdRelation"]],
    ];
    for (const [body, paths] of cases) {
      expectProblem(await c.post(persons, body), 400, "validation-error", paths);
    }
    // Not JSON at all.
    const malformed = await c.request({
      method: "POST",
      url: persons,
      payload: "{givenNames:",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.statusCode).toBe(400);
    expect(await counts.persons(app.database.db, t.tenantId)).toBe(0);
    expect(await auditRows(app.database.db, t.tenantId, { action: "person.created" })).toEqual([]);
  });

  it("registers a person as a case manager: its organisation leads, the case is in intake, audited", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const res = await t.cm.client.post(persons, {
      givenNames: "Mohammad Reza",
      familyName: "Rahimi",
      alternativeNames: ["Mohammed Rahimy"],
      birthDate: "1985-03-12",
      birthPlace: "Herat",
      sex: "male",
      nationalities: ["AFG", "irn"],
      languages: [
        { code: "prs", interpreterNeeded: true },
        { code: "de", interpreterNeeded: false },
      ],
      contact: { phone: "+49 2133 123456", email: "m.rahimi@example.org" },
      address: { street: "Kölner Str. 1", postalCode: "41539", city: "Dormagen" },
      arrivedInGermanyOn: "2015-10",
      arrivedInMunicipalityOn: "2016",
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      givenNames: "Mohammad Reza",
      familyName: "Rahimi",
      alternativeNames: ["Mohammed Rahimy"],
      birthDate: "1985-03-12",
      birthDatePrecision: "full",
      nationalities: ["AFG", "IRN"],
      languages: [
        { code: "prs", interpreterNeeded: true },
        { code: "de", interpreterNeeded: false },
      ],
      arrivedInGermanyOn: "2015-10",
      arrivedInMunicipalityOn: "2016",
      registeredByOrganisationId: t.io.id,
      case: {
        status: "intake",
        leadOrganisationId: t.io.id,
        leadCaseManagerId: t.cm.id,
        openedOn: null,
        closedOn: null,
        closingReason: null,
      },
      household: null,
      version: 1,
    });
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    // What the organisation sees, and what it may do.
    expect(p.access.openCategories).toContain("identity");
    const closed = p.access.closedCategories.map((c: { category: string }) => c.category);
    for (const c of categories) expect(p.access.openCategories.includes(c) || closed.includes(c), c).toBe(true);
    expect(closed).not.toContain("identity");
    expect(p.abilities).toMatchObject({ editIdentity: true, manageCase: true });
    expect([...p.abilities.addRecordCategories].sort()).toEqual([...categories].sort());

    const row = await personRow(db, t.tenantId, p.id);
    expect(row).toMatchObject({
      givenNames: "Mohammad Reza",
      birthDate: "1985-03-12",
      nationalities: ["AFG", "IRN"],
      registeredByOrganisationId: t.io.id,
      leadOrganisationId: t.io.id,
      leadCaseManagerId: t.cm.id,
      caseStatus: "intake",
      createdBy: t.cm.id,
      version: 1,
    });
    const [created] = await auditRows(db, t.tenantId, { action: "person.created" });
    expect(created).toMatchObject({
      personId: p.id,
      subjectId: p.id,
      actorUserId: t.cm.id,
      actorOrganisationId: t.io.id,
      categories: ["identity"],
      grounds: [{ type: "ownership" }],
    });
    // Registering is the first entry of the case's history.
    expect(await counts.caseEvents(db, t.tenantId, p.id)).toBe(1);
  });

  it("registers a person as a caseworker: no lead organisation, identity is its only open category", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.jc.client, { givenNames: "Yonas", familyName: "" });
    expect(p.familyName).toBe("");
    expect(p.registeredByOrganisationId).toBe(t.jobcenter.id);
    expect(p.case).toMatchObject({ status: "intake", leadOrganisationId: null, leadCaseManagerId: null });
    expect(p.access.openCategories).toEqual(["identity"]);
    expect(p.access.closedCategories).toEqual(
      categories.filter((c) => c !== "identity").map((category) => ({ category, reason: "no-consent" })),
    );
    // The registrar corrects identity and adds records; it does not run the case.
    expect(p.abilities).toMatchObject({ editIdentity: true, manageCase: false, openCategories: ["identity"] });
    const row = await personRow(app.database.db, t.tenantId, p.id);
    expect(row).toMatchObject({ registeredByOrganisationId: t.jobcenter.id, leadOrganisationId: null });
    const [audit] = await auditRows(app.database.db, t.tenantId, { action: "person.created" });
    expect(audit).toMatchObject({ personId: p.id, actorOrganisationId: t.jobcenter.id, categories: ["identity"] });
  });

  it.each([
    ["1985", "year"],
    ["1985-03", "year-month"],
    ["1985-03-12", "full"],
    ["2000-02-29", "full"],
    [null, "unknown"],
    [undefined, "unknown"],
  ])("accepts the birth date %s with precision %s", async (birthDate, precision) => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client, birthDate === undefined ? {} : { birthDate });
    expect(p.birthDate).toBe(birthDate ?? null);
    expect(p.birthDatePrecision).toBe(precision);
    expect((await personRow(app.database.db, t.tenantId, p.id))?.birthDate).toBe(birthDate ?? null);
    const read = await t.cm.client.get(`${persons}/${p.id}`);
    expect(read.json()).toMatchObject({ birthDate: birthDate ?? null, birthDatePrecision: precision });
  });

  it("accepts persons without a family name, ISO alpha-3 nationalities and ISO 639 languages incl. Dari", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.jc.client, {
      givenNames: "Gul Ahmad",
      familyName: "",
      nationalities: ["SYR", "afg"],
      languages: [{ code: "prs" }, { code: "ar", interpreterNeeded: true }, { code: "ckb" }],
    });
    expect(p.familyName).toBe("");
    expect(p.nationalities).toEqual(["SYR", "AFG"]);
    expect(p.languages).toEqual([
      { code: "prs", interpreterNeeded: false },
      { code: "ar", interpreterNeeded: true },
      { code: "ckb", interpreterNeeded: false },
    ]);
    const row = await personRow(app.database.db, t.tenantId, p.id);
    expect(row?.familyName).toBe("");
    expect(row?.nationalities).toEqual(["SYR", "AFG"]);
  });
});

describe("visibility and lists", () => {
  it("never shows a person of another organisation or tenant: not in lists, 404 on every route", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const other = await caseFileTenant(app);
    const welfare = await t.organisation("welfare");
    const welfareWorker = await t.user(welfare.id, "caseworker");
    const own = await registerPerson(t.jc.client, { givenNames: "Eigene" });
    const byCaseManager = await registerPerson(t.cm.client, { givenNames: "Lead" });
    const byWelfare = await registerPerson(welfareWorker.client, { givenNames: "Caritas" });
    const otherTenant = await registerPerson(other.cm.client, { givenNames: "Fremd" });
    const foreignRecord = await addRecord(t.cm.client, byCaseManager.id, "note", { text: "geheim" });

    const list = await t.jc.client.get(persons);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ items: [expect.objectContaining({ id: own.id })], nextCursor: null });
    const cmList = await t.cm.client.get(persons);
    expect(cmList.json().items.map((i: { id: string }) => i.id)).toEqual([byCaseManager.id]);
    const search = await t.jc.client.get(`${persons}?q=Lead`);
    expect(search.json().items).toEqual([]);

    const invisible = [byCaseManager, byWelfare, otherTenant];
    // (Case actions are for case managers only: a caseworker gets 403 whatever the person; see below.)
    const routes = caseFileRoutes(app).filter(
      (r) => r.url.startsWith("/api/v1/persons/:id") && !r.url.includes("/case/"),
    );
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        "GET /api/v1/persons/:id",
        "PATCH /api/v1/persons/:id",
        "GET /api/v1/persons/:id/records",
        "POST /api/v1/persons/:id/records",
        "GET /api/v1/persons/:id/residence",
        "GET /api/v1/persons/:id/timeline",
        "GET /api/v1/persons/:id/documents",
        "POST /api/v1/persons/:id/documents",
      ]),
    );
    const bodies: Record<string, unknown> = {
      "PATCH /api/v1/persons/:id": { givenNames: "Changed" },
      "POST /api/v1/persons/:id/records": { kind: "note", data: { text: "x" } },
    };
    for (const p of invisible) {
      for (const r of routes) {
        const key = `${r.method} ${r.url}`;
        const res =
          r.url.endsWith("/documents") && r.method === "POST"
            ? await upload(
                t.jc.client,
                p.id,
                { filename: "a.pdf", contentType: "application/pdf", data: samplePdf() },
                { category: "identity" },
              )
            : await t.jc.client.request({
                method: r.method as "GET",
                url: fillRoute(r.url, { person: p.id, record: "", household: "", document: "" }),
                ...(r.method === "GET" ? {} : { payload: bodies[key] ?? {} }),
              });
        expect(res.statusCode, `${key} for ${p.givenNames}: ${res.body}`).toBe(404);
        expect(res.json().type).toBe("/problems/not-found");
      }
    }
    // Case actions by a case manager who may not see the person: 404 as well.
    for (const action of ["open", "pause", "resume", "close", "reopen"]) {
      const res = await t.cm.client.post(`${persons}/${byWelfare.id}/case/${action}`, { reason: "x" });
      expectProblem(res, 404, "not-found");
      expectProblem(
        await other.cm.client.post(`${persons}/${byCaseManager.id}/case/${action}`, { reason: "x" }),
        404,
        "not-found",
      );
    }
    expectProblem(await t.cm.client.get(`${persons}/${otherTenant.id}`), 404, "not-found");
    // Households: an invisible person cannot be put into one.
    const h = await t.jc.client.post(`${api}/households`, {
      name: "WG",
      members: [{ personId: byWelfare.id, relation: "head" }],
    });
    expectProblem(h, 404, "not-found");
    // Records of invisible persons do not exist either.
    expectProblem(await t.jc.client.get(`${api}/records/${foreignRecord.id}`), 404, "not-found");

    // Nothing was changed, and nothing was read on their behalf.
    for (const p of [byCaseManager, byWelfare]) {
      const row = await personRow(db, t.tenantId, p.id);
      expect(row?.givenNames).toBe(p.givenNames);
      expect(row?.version).toBe(1);
      expect(row?.caseStatus).toBe("intake");
    }
    expect((await personRow(db, other.tenantId, otherTenant.id))?.version).toBe(1);
    expect(await counts.records(db, t.tenantId, byWelfare.id)).toBe(0);
    expect(await counts.documents(db, t.tenantId)).toBe(0);
    expect(await counts.households(db, t.tenantId)).toBe(0);
    const jcReads = await auditRows(db, t.tenantId, { actorUserId: t.jc.id });
    expect(jcReads.filter((r) => r.personId && r.personId !== own.id)).toEqual([]);
  });

  it("pages the list with a cursor, without duplicates or gaps, and writes person.listed rows", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const names = ["Ahmadi", "Bakr", "Cheng", "Demir", "Eze"];
    const created = [];
    for (const familyName of names.slice().reverse()) created.push(await registerPerson(t.cm.client, { familyName }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.cm.client.get(`${persons}?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      for (const item of body.items) {
        expect(Object.keys(item).sort()).toEqual(
          [
            "birthDate",
            "birthDatePrecision",
            "caseStatus",
            "familyName",
            "givenNames",
            "id",
            "leadOrganisationId",
            "nationalities",
            "version",
          ].sort(),
        );
      }
      seen.push(...body.items.map((i: { familyName: string }) => i.familyName));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(names);

    const listed = await auditRows(db, t.tenantId, { action: "person.listed" });
    expect(listed).toHaveLength(5);
    expect(new Set(listed.map((r) => r.personId))).toEqual(new Set(created.map((p) => p.id)));
    for (const r of listed)
      expect(r).toMatchObject({ categories: ["identity"], purpose: "list", actorUserId: t.cm.id });

    expectProblem(await t.cm.client.get(`${persons}?cursor=not-a-cursor`), 400, "validation-error", ["query.cursor"]);
    expectProblem(await t.cm.client.get(`${persons}?limit=0`), 400, "validation-error", ["query.limit"]);
    expectProblem(await t.cm.client.get(`${persons}?limit=201`), 400, "validation-error", ["query.limit"]);
    expectProblem(await t.cm.client.get(`${persons}?status=archived`), 400, "validation-error", ["query.status"]);
    expectProblem(await t.cm.client.get(`${persons}?sort=name`), 400, "validation-error", ["query.sort"]);
  });

  it("searches by name and alternative names, case-insensitively, with every word", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const rahimi = await registerPerson(t.cm.client, {
      givenNames: "Mohammad",
      familyName: "Rahimi",
      alternativeNames: ["Mohammed Rahimy"],
      birthDate: "1985",
    });
    const karimi = await registerPerson(t.cm.client, { givenNames: "Ahmad", familyName: "Karimi", birthDate: "1990" });
    const layla = await registerPerson(t.cm.client, { givenNames: "Layla", familyName: "" });
    const ids = async (q: string) => {
      const res = await t.cm.client.get(`${persons}?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((i: { id: string }) => i.id);
    };
    expect(await ids("rahimi")).toEqual([rahimi.id]);
    expect(await ids("Rahimy")).toEqual([rahimi.id]);
    expect(await ids("mohammed")).toEqual([rahimi.id]);
    // Words match from their beginning (the last one as it is being typed), not from the middle.
    expect(await ids("rahi")).toEqual([rahimi.id]);
    expect(await ids("imi")).toEqual([]);
    expect(await ids("karimi ahmad")).toEqual([karimi.id]);
    expect(await ids("karimi mohammad")).toEqual([]);
    expect(await ids("LAYLA")).toEqual([layla.id]);
    expect(await ids("1990")).toEqual([karimi.id]);
    expect(await ids("zzz")).toEqual([]);
    // Wildcards are searched for literally.
    expect(await ids("%")).toEqual([]);
    expect(await ids("_")).toEqual([]);
    const searched = await auditRows(db, t.tenantId, { action: "person.listed" });
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.every((r) => r.purpose === "search")).toBe(true);
  });

  it("reads a person with access, abilities and a person.read audit row", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    expectProblem(await t.cm.client.get(`${persons}/not-a-uuid`), 400, "validation-error", ["params.id"]);
    expectProblem(await t.cm.client.get(`${persons}/${crypto.randomUUID()}`), 404, "not-found");
    expectProblem(await t.cm.client.get(`${persons}/${p.id}?include=everything`), 400, "validation-error", [
      "query.include",
    ]);
    const res = await t.cm.client.get(`${persons}/${p.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: p.id, givenNames: p.givenNames, version: 1, household: null });
    expect(body.access.openCategories).toContain("identity");
    expect(body.abilities).toMatchObject({ editIdentity: true, manageCase: true });
    const reads = await auditRows(db, t.tenantId, { action: "person.read", personId: p.id });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorUserId: t.cm.id, subjectId: p.id });
    expect(reads[0]?.categories).toEqual(["identity"]);
    expect(reads[0]?.grounds).toEqual(expect.arrayContaining([{ type: "ownership" }, { type: "lead_organisation" }]));
  });
});

describe("PATCH /persons/:id", () => {
  it("rejects stale versions with 409 and leaves the row unchanged; the right version answers 200", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client, { givenNames: "Sara", birthDate: "1990" });
    const url = `${persons}/${p.id}`;
    // 400 before anything else.
    expectProblem(await t.cm.client.patch(url, { birthDate: "1990-13-45" }), 400, "validation-error", ["birthDate"]);
    expectProblem(await t.cm.client.patch(url, { caseStatus: "closed" }), 400, "validation-error", ["caseStatus"]);
    expectProblem(await t.cm.client.patch(url, { version: 0 }), 400, "validation-error", ["version"]);
    expectProblem(await t.cm.client.patch(url, { givenNames: "X" }, { "if-match": "abc" }), 400, "validation-error", [
      "headers.if-match",
    ]);

    const ok = await t.cm.client.patch(url, { givenNames: "Sarah", birthDate: "1990-05", version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ givenNames: "Sarah", birthDate: "1990-05", birthDatePrecision: "year-month" });
    expect(ok.json().version).toBe(2);

    const staleBody = await t.cm.client.patch(url, { givenNames: "Zara", version: 1 });
    expectProblem(staleBody, 409, "version-conflict");
    const staleHeader = await t.cm.client.patch(url, { givenNames: "Zara" }, { "if-match": '"1"' });
    expectProblem(staleHeader, 409, "version-conflict");
    const row = await personRow(db, t.tenantId, p.id);
    expect(row).toMatchObject({ givenNames: "Sarah", birthDate: "1990-05", version: 2 });

    const withHeader = await t.cm.client.patch(url, { familyName: "" }, { "if-match": '"2"' });
    expect(withHeader.statusCode, withHeader.body).toBe(200);
    expect(withHeader.json()).toMatchObject({ familyName: "", version: 3 });
    expect((await personRow(db, t.tenantId, p.id))?.version).toBe(3);

    const updates = await auditRows(db, t.tenantId, { action: "person.updated", personId: p.id });
    expect(updates).toHaveLength(2);
    expect(updates[0]).toMatchObject({
      categories: ["identity"],
      details: {
        before: { givenNames: "Sara", birthDate: "1990" },
        after: { givenNames: "Sarah", birthDate: "1990-05" },
      },
    });
  });

  it("lets the lead's case managers correct identity, but not a caseworker of the lead organisation", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await personLedByIntegrationOffice(t, t.jc.client, { givenNames: "Hamid" });
    const ioCaseworker = await t.user(t.io.id, "caseworker");
    const url = `${persons}/${p.id}`;
    const read = await ioCaseworker.client.get(url);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().abilities).toMatchObject({ editIdentity: false, manageCase: false });

    const denied = await ioCaseworker.client.patch(url, { givenNames: "Hameed", version: p.version });
    expectProblem(denied, 403, "forbidden");
    expect(await personRow(db, t.tenantId, p.id)).toMatchObject({ givenNames: "Hamid", version: p.version });

    const byLead = await t.cm.client.patch(url, { givenNames: "Hameed", version: p.version });
    expect(byLead.statusCode, byLead.body).toBe(200);
    const byRegistrar = await t.jc.client.patch(url, { alternativeNames: ["Hamid"], version: p.version + 1 });
    expect(byRegistrar.statusCode, byRegistrar.body).toBe(200);
    expect(await personRow(db, t.tenantId, p.id)).toMatchObject({
      givenNames: "Hameed",
      alternativeNames: ["Hamid"],
      version: p.version + 2,
    });
  });
});

describe("case actions", () => {
  const action = (c: Client, id: string, a: string, body = {}) => c.post(`${persons}/${id}/case/${a}`, body);

  it("moves through intake → active → paused → active → closed → active and refuses illegal moves", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const c = t.cm.client;
    const status = async () => (await personRow(db, t.tenantId, p.id))?.caseStatus;

    for (const illegal of ["pause", "resume", "reopen"]) {
      expectProblem(await action(c, p.id, illegal), 409, "conflict");
      expect(await status()).toBe("intake");
    }
    const opened = await action(c, p.id, "open");
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().case).toMatchObject({
      status: "active",
      leadOrganisationId: t.io.id,
      leadCaseManagerId: t.cm.id,
      openedOn: today(),
      closedOn: null,
    });
    expect(opened.json().version).toBe(2);

    for (const illegal of ["open", "resume", "reopen"]) {
      expectProblem(await action(c, p.id, illegal), 409, "conflict");
      expect(await status()).toBe("active");
    }
    const byStatus = async (status: string) =>
      (await c.get(`${persons}?status=${status}`)).json().items.map((i: { id: string }) => i.id);
    expect(await byStatus("active")).toEqual([p.id]);
    expect(await byStatus("intake")).toEqual([]);
    expect((await action(c, p.id, "pause")).json().case.status).toBe("paused");
    expect(await byStatus("paused")).toEqual([p.id]);
    for (const illegal of ["pause", "open", "reopen"]) expectProblem(await action(c, p.id, illegal), 409, "conflict");
    expect((await action(c, p.id, "resume")).json().case.status).toBe("active");

    // Closing needs a reason.
    expectProblem(await action(c, p.id, "close"), 400, "validation-error", ["reason"]);
    expectProblem(await action(c, p.id, "close", { reason: "" }), 400, "validation-error", ["reason"]);
    expectProblem(await action(c, p.id, "close", { reason: "x", why: "y" }), 400, "validation-error", ["why"]);
    expect(await status()).toBe("active");
    const closed = await action(c, p.id, "close", { reason: "Weggezogen nach Köln" });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().case).toMatchObject({
      status: "closed",
      closedOn: today(),
      closingReason: "Weggezogen nach Köln",
    });
    for (const illegal of ["pause", "resume", "close", "open"]) {
      expectProblem(await action(c, p.id, illegal, { reason: "again" }), 409, "conflict");
      expect(await status()).toBe("closed");
    }
    const reopened = await action(c, p.id, "reopen");
    expect(reopened.json().case).toMatchObject({ status: "active", closedOn: null, closingReason: null });
    const row = await personRow(db, t.tenantId, p.id);
    expect(row).toMatchObject({ caseStatus: "active", closingReason: null, caseClosedOn: null, version: 6 });

    // Every change is on the timeline, newest first, and in the audit log.
    const timeline = await c.get(`${persons}/${p.id}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    const caseEntries = timeline.json().items.filter((i: { type: string }) => i.type === "case");
    expect(caseEntries.map((e: { action: string }) => e.action)).toEqual([
      "reopened",
      "closed",
      "resumed",
      "paused",
      "opened",
      "registered",
    ]);
    expect(caseEntries[1].summary).toContain("Weggezogen nach Köln");
    const audited = (await auditRows(db, t.tenantId, { personId: p.id }))
      .map((r) => r.action)
      .filter((a) => a.startsWith("case."));
    expect(audited).toEqual(["case.opened", "case.paused", "case.resumed", "case.closed", "case.reopened"]);
  });

  it("allows only case managers of the lead organisation; stale versions answer 409", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await personLedByIntegrationOffice(t, t.jc.client);
    const url = (a: string) => `${persons}/${p.id}/case/${a}`;
    // Caseworkers (of the lead or the registrar) are refused by role.
    const ioCaseworker = await t.user(t.io.id, "caseworker");
    expectProblem(await ioCaseworker.client.post(url("pause"), {}), 403, "forbidden");
    expectProblem(await t.jc.client.post(url("pause"), {}), 403, "forbidden");
    // A case manager of the registering (non-lead) organisation sees the person but does not run the case.
    const jcCaseManager = await t.user(t.jobcenter.id, "case_manager");
    expect((await jcCaseManager.client.get(`${persons}/${p.id}`)).statusCode).toBe(200);
    expectProblem(await jcCaseManager.client.post(url("pause"), {}), 403, "forbidden");
    // Stale version.
    expectProblem(await t.cm.client.post(url("pause"), { version: p.version - 1 }), 409, "version-conflict");
    expectProblem(
      await t.cm.client.request({ method: "POST", url: url("pause"), payload: {}, headers: { "if-match": "1" } }),
      409,
      "version-conflict",
    );
    expect(await personRow(db, t.tenantId, p.id)).toMatchObject({ caseStatus: "active", version: p.version });
    const paused = await t.cm.client.post(url("pause"), { version: p.version });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ version: p.version + 1, case: { status: "paused" } });
  });

  it("hands the case to another case manager of the organisation, nobody else", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const other = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const colleague = await t.user(t.io.id, "case_manager");
    const ioCaseworker = await t.user(t.io.id, "caseworker");
    const jcCaseManager = await t.user(t.jobcenter.id, "case_manager");
    const url = `${persons}/${p.id}/case/open`;
    for (const id of [ioCaseworker.id, jcCaseManager.id, other.cm.id, crypto.randomUUID()]) {
      expectProblem(await t.cm.client.post(url, { leadCaseManagerId: id }), 400, "validation-error", [
        "leadCaseManagerId",
      ]);
    }
    expectProblem(await t.cm.client.post(url, { leadCaseManagerId: "someone" }), 400, "validation-error", [
      "leadCaseManagerId",
    ]);
    expect(await personRow(db, t.tenantId, p.id)).toMatchObject({
      caseStatus: "intake",
      leadCaseManagerId: t.cm.id,
      version: 1,
    });
    const res = await t.cm.client.post(url, { leadCaseManagerId: colleague.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().case).toMatchObject({ status: "active", leadCaseManagerId: colleague.id });
    expect((await personRow(db, t.tenantId, p.id))?.leadCaseManagerId).toBe(colleague.id);
  });
});

describe("person audit", () => {
  it("records reads with categories and grounds, and lists with one row per listed person", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const a = await registerPerson(t.jc.client, { familyName: `A-${suffix()}` });
    const b = await registerPerson(t.jc.client, { familyName: `B-${suffix()}` });
    await addRecord(t.jc.client, a.id, "employment", { status: "job_seeking", registeredAt: "jobcenter" });

    expect((await t.jc.client.get(`${persons}/${a.id}?include=records`)).statusCode).toBe(200);
    const [read] = await auditRows(db, t.tenantId, { action: "person.read", personId: a.id });
    expect(read).toMatchObject({
      actorUserId: t.jc.id,
      actorOrganisationId: t.jobcenter.id,
      actorRole: "caseworker",
      subjectType: "person",
      personId: a.id,
      grounds: [{ type: "ownership" }],
    });
    expect(read?.categories.sort()).toEqual(["identity", "work"]);
    expect(read?.requestId).toBeTruthy();

    const list = await t.jc.client.get(persons);
    expect(list.json().items).toHaveLength(2);
    const listed = await auditRows(db, t.tenantId, { action: "person.listed" });
    expect(listed.map((r) => r.personId).sort()).toEqual([a.id, b.id].sort());
    expect(new Set(listed.map((r) => r.requestId)).size).toBe(1);
  });
});
