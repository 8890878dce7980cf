// The organisation directory: read by everyone in the tenant, written by the tenant admin only.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import { type Role, roles } from "../../platform/domain.js";
import { organisations } from "../../platform/identity/identity.tables.js";
import { expectProblem } from "../../test/case-file-factories.js";
import {
  createOrganisation,
  createTenant,
  createUser,
  login,
  tenantWithEveryRole,
  testPassword,
  uniqueEmail,
} from "../../test/factories.js";
import { type Client, client, getTestApp, type TestApp } from "../../test/test-app.js";

const api = "/api/v1";
const nonAdminRoles = roles.filter((r): r is Exclude<Role, "tenant_admin"> => r !== "tenant_admin");

async function orgRows(app: TestApp, tenantId: string) {
  return app.database.db.select().from(organisations).where(eq(organisations.tenantId, tenantId));
}

async function orgRow(app: TestApp, tenantId: string, id: string) {
  const [row] = await app.database.db
    .select()
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.id, id)));
  return row;
}

async function auditOf(app: TestApp, tenantId: string, action: string, subjectId: string) {
  return app.database.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)),
    )
    .orderBy(auditEvents.id);
}

/** Every page of a list, following nextCursor. */
async function walk(c: Client, url: string): Promise<{ pages: { id: string; name: string }[][] }> {
  const pages: { id: string; name: string }[][] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const sep = url.includes("?") ? "&" : "?";
    const res = await c.get(cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: string; name: string }[]; nextCursor: string | null };
    pages.push(body.items);
    cursor = body.nextCursor;
    if (cursor === null) return { pages };
  }
  throw new Error("pagination does not end");
}

describe("GET /organisations", () => {
  it("answers 401 anonymously and lets every role list and read its own tenant's organisations", async () => {
    const app = await getTestApp();
    expectProblem(await client(app).get(`${api}/organisations`), 401, "unauthenticated");
    const t = await tenantWithEveryRole(app);
    expectProblem(await client(app).get(`${api}/organisations/${t.organisation.id}`), 401, "unauthenticated");
    for (const role of roles) {
      const c = t.clients[role];
      const list = await c.get(`${api}/organisations`);
      expect(list.statusCode, `${role}: ${list.body}`).toBe(200);
      expect(
        list
          .json()
          .items.map((o: { id: string }) => o.id)
          .sort(),
      ).toEqual([t.organisation.id, t.partner.id].sort());
      expect(list.json().nextCursor).toBeNull();
      const one = await c.get(`${api}/organisations/${t.partner.id}`);
      expect(one.statusCode, role).toBe(200);
      expect(one.json()).toEqual({
        id: t.partner.id,
        name: t.partner.name,
        type: "jobcenter",
        email: null,
        phone: null,
        address: null,
        services: [],
        languages: [],
        openingHours: null,
        website: null,
        description: null,
        contacts: [],
        active: true,
        // Its caseworker and admin can act on a referral.
        receivesReferrals: true,
        version: 1,
        createdAt: t.partner.createdAt.toISOString(),
        updatedAt: t.partner.updatedAt.toISOString(),
      });
      expect(one.json()).not.toHaveProperty("tenantId");
    }
  });

  it("never shows another tenant's organisation: 404 on read, absent from every page", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const a = await createTenant(db);
    const b = await createTenant(db);
    const bOrg = await createOrganisation(db, b.tenant.id, "kita", `Shared name ${randomUUID().slice(0, 6)}`);
    await createOrganisation(db, a.tenant.id, "kita", bOrg.name);
    const c = await login(app, a.admin.email);
    expectProblem(await c.get(`${api}/organisations/${bOrg.id}`), 404, "not-found");
    expectProblem(await c.get(`${api}/organisations/${b.organisation.id}`), 404, "not-found");
    expectProblem(await c.get(`${api}/organisations/${randomUUID()}`), 404, "not-found");
    const { pages } = await walk(c, `${api}/organisations?limit=1`);
    const ids = pages.flat().map((o) => o.id);
    expect(ids).toHaveLength((await orgRows(app, a.tenant.id)).length);
    expect(ids).not.toContain(bOrg.id);
    expect(ids).not.toContain(b.organisation.id);
    const byName = (await c.get(`${api}/organisations?q=${encodeURIComponent(bOrg.name)}`)).json();
    expect(byName.items).toHaveLength(1);
    expect(byName.items[0].id).not.toBe(bOrg.id);
  });

  it("answers 400 for bad query parameters and a bad id", async () => {
    const app = await getTestApp();
    const t = await createTenant(app.database.db);
    const c = await login(app, t.admin.email);
    expectProblem(await c.get(`${api}/organisations?type=castle`), 400, "validation-error", ["query.type"]);
    expectProblem(await c.get(`${api}/organisations?limit=0`), 400, "validation-error", ["query.limit"]);
    expectProblem(await c.get(`${api}/organisations?limit=abc`), 400, "validation-error", ["query.limit"]);
    expectProblem(await c.get(`${api}/organisations?limit=201`), 400, "validation-error", ["query.limit"]);
    expectProblem(await c.get(`${api}/organisations?sort=name`), 400, "validation-error", ["query.sort"]);
    expectProblem(await c.get(`${api}/organisations?cursor=garbage`), 400, "validation-error", ["query.cursor"]);
    expectProblem(await c.get(`${api}/organisations/not-a-uuid`), 400, "validation-error", ["params.id"]);
  });

  it("pages with a cursor: every organisation once, in name order, nextCursor null at the end", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    // Equal names make the id the tie-breaker of the sort key.
    for (const name of ["Delta", "Alpha", "Charlie", "Bravo", "Bravo", "Echo", "Alpha"]) {
      await createOrganisation(db, t.tenant.id, "welfare", `Paging ${name}`);
    }
    const c = await login(app, t.admin.email);
    const { pages } = await walk(c, `${api}/organisations?limit=3`);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    const all = pages.flat();
    const expected = (await orgRows(app, t.tenant.id))
      .map((o) => ({ id: o.id, name: o.name }))
      .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.id < y.id ? -1 : 1));
    expect(all.map((o) => o.id)).toEqual(expected.map((o) => o.id));
    expect(new Set(all.map((o) => o.id)).size).toBe(8);
    // Exactly a page's worth: no empty last page.
    const exact = await walk(c, `${api}/organisations?limit=4`);
    expect(exact.pages.map((p) => p.length)).toEqual([4, 4]);
  });

  it("filters by q (case-insensitive substring, wildcards literal) and by type", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const kita = await createOrganisation(db, t.tenant.id, "kita", "Kita Sonnenschein");
    const school = await createOrganisation(db, t.tenant.id, "school", "Grundschule am Sonnenhang");
    const percent = await createOrganisation(db, t.tenant.id, "other", "100% Hilfe");
    const c = await login(app, t.admin.email);
    const ids = async (query: string) =>
      (await c.get(`${api}/organisations?${query}`)).json().items.map((o: { id: string }) => o.id);
    expect((await ids("q=sonnen")).sort()).toEqual([kita.id, school.id].sort());
    expect(await ids("q=SONNENSCHEIN")).toEqual([kita.id]);
    expect(await ids("type=school")).toEqual([school.id]);
    expect(await ids("q=sonnen&type=kita")).toEqual([kita.id]);
    expect(await ids("q=sonnen&type=jobcenter")).toEqual([]);
    expect(await ids(`q=${encodeURIComponent("%")}`)).toEqual([percent.id]);
    expect(await ids("q=_")).toEqual([]);
  });
});

describe("POST /organisations", () => {
  it("answers 401, 403 for every role but the tenant admin, 400 for bad bodies, then creates", async () => {
    const app = await getTestApp();
    const body = { name: "Caritas Beratung", type: "welfare" };
    expectProblem(await client(app).post(`${api}/organisations`, body), 401, "unauthenticated");
    const t = await tenantWithEveryRole(app);
    const before = (await orgRows(app, t.tenant.id)).length;
    for (const role of nonAdminRoles) {
      expectProblem(await t.clients[role].post(`${api}/organisations`, body), 403, "forbidden");
    }
    const admin = t.clients.tenant_admin;
    expectProblem(await admin.post(`${api}/organisations`, { name: 5, type: "welfare" }), 400, "validation-error", [
      "name",
    ]);
    expectProblem(await admin.post(`${api}/organisations`, { name: "X", type: "castle" }), 400, "validation-error", [
      "type",
    ]);
    expectProblem(await admin.post(`${api}/organisations`, { type: "welfare" }), 400, "validation-error", ["name"]);
    expectProblem(await admin.post(`${api}/organisations`, { name: "   ", type: "welfare" }), 400, "validation-error", [
      "name",
    ]);
    expectProblem(
      await admin.post(`${api}/organisations`, { ...body, tenantId: randomUUID() }),
      400,
      "validation-error",
      ["tenantId"],
    );
    expectProblem(
      await admin.post(`${api}/organisations`, { ...body, email: "not-an-email" }),
      400,
      "validation-error",
      ["email"],
    );
    expectProblem(await admin.post(`${api}/organisations`, { ...body, name: "a\nb" }), 400, "validation-error", [
      "name",
    ]);
    expect((await orgRows(app, t.tenant.id)).length).toBe(before);

    const res = await admin.post(`${api}/organisations`, { ...body, email: "info@caritas.example", phone: "0211 1" });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: "Caritas Beratung",
      type: "welfare",
      email: "info@caritas.example",
      phone: "0211 1",
      address: null,
      active: true,
      version: 1,
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created).not.toHaveProperty("tenantId");
    const row = await orgRow(app, t.tenant.id, created.id);
    expect(row).toMatchObject({ name: "Caritas Beratung", type: "welfare", version: 1 });
    expect((await admin.get(`${api}/organisations/${created.id}`)).json()).toEqual(created);

    const [audit] = await auditOf(app, t.tenant.id, "organisation.created", created.id);
    expect(audit).toMatchObject({
      actorUserId: t.admin.id,
      actorRole: "tenant_admin",
      subjectType: "organisation",
      details: { after: { name: "Caritas Beratung", type: "welfare" } },
    });
  });
});

describe("PATCH /organisations/:id", () => {
  it("answers 401, 403 for non-admins, 404 across tenants, 400 for bad input", async () => {
    const app = await getTestApp();
    const t = await tenantWithEveryRole(app);
    const other = await createTenant(app.database.db);
    const url = `${api}/organisations/${t.partner.id}`;
    expectProblem(await client(app).patch(url, { name: "X" }), 401, "unauthenticated");
    for (const role of nonAdminRoles) {
      expectProblem(await t.clients[role].patch(url, { name: "Renamed" }), 403, "forbidden");
    }
    const admin = t.clients.tenant_admin;
    expectProblem(
      await admin.patch(`${api}/organisations/${other.organisation.id}`, { name: "Hijacked" }),
      404,
      "not-found",
    );
    expect((await orgRow(app, other.tenant.id, other.organisation.id))?.name).toBe(other.organisation.name);
    expectProblem(await admin.patch(`${api}/organisations/not-a-uuid`, { name: "X" }), 400, "validation-error", [
      "params.id",
    ]);
    expectProblem(await admin.patch(url, { type: "castle" }), 400, "validation-error", ["type"]);
    expectProblem(await admin.patch(url, { active: "no" }), 400, "validation-error", ["active"]);
    expectProblem(await admin.patch(url, { colour: "red" }), 400, "validation-error", ["colour"]);
    expectProblem(await admin.patch(url, { version: "one" }), 400, "validation-error", ["version"]);
    expectProblem(await admin.patch(url, { name: "X" }, { "if-match": "abc" }), 400, "validation-error", [
      "headers.if-match",
    ]);
    const row = await orgRow(app, t.tenant.id, t.partner.id);
    expect(row?.name).toBe(t.partner.name);
    expect(row?.version).toBe(1);
  });

  it("answers 409 for a stale If-Match or version and changes nothing; the right version wins", async () => {
    const app = await getTestApp();
    const t = await createTenant(app.database.db);
    const org = await createOrganisation(app.database.db, t.tenant.id, "jobcenter", "Jobcenter Alt");
    const admin = await login(app, t.admin.email);
    const url = `${api}/organisations/${org.id}`;

    const first = await admin.patch(url, { name: "Jobcenter Neu", version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id: org.id, name: "Jobcenter Neu", version: 2 });

    const staleBody = await admin.patch(url, { name: "Lost update", version: 1 });
    const problem = expectProblem(staleBody, 409, "version-conflict");
    expect(problem.currentVersion).toBe(2);
    expectProblem(await admin.patch(url, { name: "Lost update" }, { "if-match": '"1"' }), 409, "version-conflict");
    expectProblem(await admin.patch(url, { name: "Lost update" }, { "if-match": "7" }), 409, "version-conflict");
    const unchanged = await orgRow(app, t.tenant.id, org.id);
    expect(unchanged).toMatchObject({ name: "Jobcenter Neu", version: 2 });

    const second = await admin.patch(url, { type: "employment_agency", active: false }, { "if-match": 'W/"2"' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({
      name: "Jobcenter Neu",
      type: "employment_agency",
      active: false,
      version: 3,
    });
    expect(await orgRow(app, t.tenant.id, org.id)).toMatchObject({
      type: "employment_agency",
      active: false,
      version: 3,
    });

    const audits = await auditOf(app, t.tenant.id, "organisation.updated", org.id);
    expect(audits.map((a) => a.details)).toEqual([
      { before: { name: "Jobcenter Alt" }, after: { name: "Jobcenter Neu" } },
      { before: { type: "jobcenter", active: true }, after: { type: "employment_agency", active: false } },
    ]);
    expect(audits[0]).toMatchObject({ actorUserId: t.admin.id, subjectType: "organisation" });
  });
});

describe("deactivated organisation", () => {
  it("ends its users' sessions, refuses their login and takes no new users", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const org = await createOrganisation(db, t.tenant.id, "welfare");
    const member = await createUser(db, t.tenant.id, org.id, "caseworker");
    const admin = await login(app, t.admin.email);
    const session = await login(app, member.email);
    expect((await session.get("/api/v1/auth/me")).statusCode).toBe(200);
    const off = await admin.patch(`/api/v1/organisations/${org.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect((await session.get("/api/v1/auth/me")).statusCode).toBe(401);
    const again = await client(app).post("/api/v1/auth/login", { email: member.email, password: testPassword });
    expect(again.statusCode).toBe(401);
    const created = await admin.post("/api/v1/users", {
      email: uniqueEmail("late"),
      name: "Late",
      organisationId: org.id,
      role: "caseworker",
      password: testPassword,
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().errors[0].path).toBe("organisationId");
  });
});
