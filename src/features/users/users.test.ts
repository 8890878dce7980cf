// User administration: the tenant admin manages everybody, an org admin its own organisation.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import { sessions } from "../../platform/auth/auth.tables.js";
import { currentTotp, newTotpSecret } from "../../platform/auth/totp.js";
import { type Role, roles } from "../../platform/domain.js";
import { users } from "../../platform/identity/identity.tables.js";
import { expectProblem } from "../../test/case-file-factories.js";
import {
  attemptLogin,
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
const otherRoles = roles.filter((r) => r !== "tenant_admin" && r !== "org_admin");
const newUserPassword = "a long enough password";

type Res = { statusCode: number; body: string };

/** No password hash or TOTP secret, under any name, in a response. */
function expectNoSecrets(res: Res, ...secrets: string[]) {
  for (const s of ["passwordHash", "password_hash", "totpSecret", "totp_secret", "$argon2", testPassword, ...secrets]) {
    expect(res.body).not.toContain(s);
  }
}

async function userRow(app: TestApp, tenantId: string, id: string) {
  const [row] = await app.database.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return row;
}

async function tenantUserCount(app: TestApp, tenantId: string) {
  return (await app.database.db.select({ id: users.id }).from(users).where(eq(users.tenantId, tenantId))).length;
}

async function sessionCount(app: TestApp, userId: string) {
  return (await app.database.db.select().from(sessions).where(eq(sessions.userId, userId))).length;
}

async function userAudits(app: TestApp, tenantId: string, action: string, subjectId: string) {
  return app.database.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)),
    )
    .orderBy(auditEvents.id);
}

async function listIds(c: Client, query = ""): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set("limit", "2");
    if (cursor) params.set("cursor", cursor);
    const res = await c.get(`${api}/users?${params}`);
    expect(res.statusCode, res.body).toBe(200);
    expectNoSecrets(res);
    ids.push(...res.json().items.map((u: { id: string }) => u.id));
    cursor = res.json().nextCursor;
  } while (cursor);
  return ids;
}

describe("GET /users", () => {
  it("answers 401, 403 for roles that manage no users, 400 for bad queries; lists what the admin manages", async () => {
    const app = await getTestApp();
    expectProblem(await client(app).get(`${api}/users`), 401, "unauthenticated");
    const t = await tenantWithEveryRole(app);
    const other = await createTenant(app.database.db);
    for (const role of otherRoles) {
      expectProblem(await t.clients[role].get(`${api}/users`), 403, "forbidden");
    }
    const admin = t.clients.tenant_admin;
    expectProblem(await admin.get(`${api}/users?role=king`), 400, "validation-error", ["query.role"]);
    expectProblem(await admin.get(`${api}/users?organisationId=nope`), 400, "validation-error", [
      "query.organisationId",
    ]);
    expectProblem(await admin.get(`${api}/users?password=x`), 400, "validation-error", ["query.password"]);

    // The tenant admin sees the whole tenant (paged, each once), nobody of another tenant.
    const all = await listIds(admin);
    const expected = [t.admin.id, ...Object.values(t.users).map((u) => u.id)];
    expect(all.sort()).toEqual(expected.sort());
    expect(all).not.toContain(other.admin.id);
    expect(await listIds(admin, `organisationId=${t.partner.id}`)).toEqual(
      expect.arrayContaining([t.users.org_admin?.id, t.users.caseworker?.id]),
    );
    expect((await listIds(admin, `organisationId=${t.partner.id}`)).length).toBe(2);
    expect(await listIds(admin, "role=dpo")).toEqual([t.users.dpo?.id]);
    expect(await listIds(admin, `q=${encodeURIComponent(t.users.steering?.email ?? "")}`)).toEqual([
      t.users.steering?.id,
    ]);

    // The org admin sees its own organisation's users only, whatever it filters by.
    const orgAdmin = t.clients.org_admin;
    expect((await listIds(orgAdmin)).sort()).toEqual([t.users.org_admin?.id, t.users.caseworker?.id].sort());
    expect(await listIds(orgAdmin, `organisationId=${t.organisation.id}`)).toEqual([]);
    expect(await listIds(orgAdmin, "role=tenant_admin")).toEqual([]);
  });
});

describe("GET /users/:id", () => {
  it("lets everybody read themselves; others' users answer 404, a bad id 400", async () => {
    const app = await getTestApp();
    const t = await tenantWithEveryRole(app);
    const other = await createTenant(app.database.db);
    expectProblem(await client(app).get(`${api}/users/${t.admin.id}`), 401, "unauthenticated");
    expectProblem(await t.clients.tenant_admin.get(`${api}/users/not-a-uuid`), 400, "validation-error", ["params.id"]);
    const ids = {
      tenant_admin: t.admin.id,
      ...Object.fromEntries(Object.entries(t.users).map(([r, u]) => [r, u.id])),
    } as Record<Role, string>;
    for (const role of roles) {
      const own = await t.clients[role].get(`${api}/users/${ids[role]}`);
      expect(own.statusCode, role).toBe(200);
      expect(own.json()).toMatchObject({ id: ids[role], role, active: true, totpEnabled: false, version: 1 });
      expectNoSecrets(own);
      if (role !== "tenant_admin" && role !== "org_admin") {
        expectProblem(await t.clients[role].get(`${api}/users/${t.admin.id}`), 404, "not-found");
        const colleague = role === "caseworker" ? t.users.case_manager : t.users.caseworker;
        expectProblem(await t.clients[role].get(`${api}/users/${colleague?.id}`), 404, "not-found");
      }
    }
    // The org admin reads its organisation's users, not the others'.
    expect((await t.clients.org_admin.get(`${api}/users/${t.users.caseworker?.id}`)).statusCode).toBe(200);
    expectProblem(await t.clients.org_admin.get(`${api}/users/${t.users.case_manager?.id}`), 404, "not-found");
    // Nobody reads across tenants.
    expectProblem(await t.clients.tenant_admin.get(`${api}/users/${other.admin.id}`), 404, "not-found");
    expectProblem(await t.clients.tenant_admin.get(`${api}/users/${randomUUID()}`), 404, "not-found");
  });
});

describe("POST /users", () => {
  it("as tenant admin: 400 for bad bodies and foreign organisations, 409 for a taken e-mail, then creates", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await tenantWithEveryRole(app);
    const other = await createTenant(db);
    const admin = t.clients.tenant_admin;
    const url = `${api}/users`;
    const body = {
      email: uniqueEmail("new"),
      name: "Neue Kollegin",
      organisationId: t.partner.id,
      role: "dpo",
      password: newUserPassword,
    };
    expectProblem(await client(app).post(url, body), 401, "unauthenticated");
    for (const role of otherRoles) expectProblem(await t.clients[role].post(url, body), 403, "forbidden");
    const before = await tenantUserCount(app, t.tenant.id);

    expectProblem(await admin.post(url, { ...body, password: "elevenchars" }), 400, "validation-error", ["password"]);
    expectProblem(await admin.post(url, { ...body, email: "not-an-email" }), 400, "validation-error", ["email"]);
    expectProblem(await admin.post(url, { ...body, role: "superuser" }), 400, "validation-error", ["role"]);
    expectProblem(await admin.post(url, { ...body, organisationId: "x" }), 400, "validation-error", ["organisationId"]);
    expectProblem(await admin.post(url, { ...body, active: false }), 400, "validation-error", ["active"]);
    expectProblem(await admin.post(url, { ...body, passwordHash: "$argon2id$x" }), 400, "validation-error", [
      "passwordHash",
    ]);
    const { name: _name, ...withoutName } = body;
    expectProblem(await admin.post(url, withoutName), 400, "validation-error", ["name"]);
    expectProblem(await admin.post(url, { ...body, organisationId: randomUUID() }), 400, "validation-error", [
      "organisationId",
    ]);
    expectProblem(await admin.post(url, { ...body, organisationId: other.organisation.id }), 400, "validation-error", [
      "organisationId",
    ]);
    // E-mail addresses are unique across the deployment, whatever their case.
    expectProblem(await admin.post(url, { ...body, email: t.users.caseworker?.email.toUpperCase() }), 409, "conflict", [
      "email",
    ]);
    expectProblem(await admin.post(url, { ...body, email: other.admin.email }), 409, "conflict", ["email"]);
    expectProblem(await admin.post(url, { ...body, email: other.admin.email.toUpperCase() }), 409, "conflict", [
      "email",
    ]);
    expect(await tenantUserCount(app, t.tenant.id)).toBe(before);
    expect(await tenantUserCount(app, other.tenant.id)).toBe(1);

    const res = await admin.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    expectNoSecrets(res, newUserPassword);
    const created = res.json();
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: body.email,
      name: "Neue Kollegin",
      role: "dpo",
      organisationId: t.partner.id,
      locale: "de",
      active: true,
      totpEnabled: false,
      lastLoginAt: null,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = await userRow(app, t.tenant.id, created.id);
    expect(row?.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await tenantUserCount(app, t.tenant.id)).toBe(before + 1);
    // The new user signs in with the password the admin gave.
    expect((await attemptLogin(app, { email: body.email, password: newUserPassword })).statusCode).toBe(200);
    expectProblem(await admin.post(url, { ...body, name: "Twice" }), 409, "conflict", ["email"]);

    // The tenant admin may give any role in any organisation of the tenant.
    for (const role of roles) {
      const r = await admin.post(url, {
        ...body,
        email: uniqueEmail(role),
        role,
        organisationId: role === "caseworker" ? t.partner.id : t.organisation.id,
      });
      expect(r.statusCode, `${role}: ${r.body}`).toBe(201);
    }

    const [audit] = await userAudits(app, t.tenant.id, "user.created", created.id);
    expect(audit).toMatchObject({
      actorUserId: t.admin.id,
      subjectType: "user",
      details: { after: { role: "dpo", organisationId: t.partner.id } },
    });
    expect(JSON.stringify(audit)).not.toContain(newUserPassword);
    expect(JSON.stringify(audit)).not.toContain("$argon2");
  });

  it("as org admin: only in its own organisation, and never a tenant-wide role", async () => {
    const app = await getTestApp();
    const t = await tenantWithEveryRole(app);
    const orgAdmin = t.clients.org_admin;
    const url = `${api}/users`;
    const body = {
      email: uniqueEmail("mine"),
      name: "Sachbearbeiter",
      organisationId: t.partner.id,
      role: "caseworker",
      password: newUserPassword,
    };
    const before = await tenantUserCount(app, t.tenant.id);
    expectProblem(await orgAdmin.post(url, { ...body, organisationId: t.organisation.id }), 403, "forbidden");
    expectProblem(await orgAdmin.post(url, { ...body, organisationId: randomUUID() }), 403, "forbidden");
    for (const role of ["tenant_admin", "dpo", "steering"] as Role[]) {
      expectProblem(await orgAdmin.post(url, { ...body, role }), 403, "forbidden");
    }
    expectProblem(await orgAdmin.post(url, { ...body, password: "short" }), 400, "validation-error", ["password"]);
    expect(await tenantUserCount(app, t.tenant.id)).toBe(before);

    const res = await orgAdmin.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ organisationId: t.partner.id, role: "caseworker" });
    const other = await orgAdmin.post(url, { ...body, email: uniqueEmail("coord"), role: "volunteer_coordinator" });
    expect(other.statusCode, other.body).toBe(201);
    const ids = (await orgAdmin.get(`${api}/users?limit=200`)).json().items.map((u: { id: string }) => u.id);
    expect(ids).toContain(res.json().id);
  });
});

describe("POST /users with an e-mail address that is taken", () => {
  const problemOf = (res: Res) => {
    const { instance: _i, ...problem } = JSON.parse(res.body);
    return problem;
  };
  const neutral = {
    type: "/problems/conflict",
    title: "Conflict",
    status: 409,
    detail: "This e-mail address cannot be used",
    errors: [{ path: "email", message: "Cannot be used", code: "invalid" }],
  };

  it("never tells that another tenant has the address: the same neutral 409 as any address the actor may not know", async () => {
    const app = await getTestApp();
    const t = await tenantWithEveryRole(app);
    const other = await createTenant(app.database.db);
    const otherUser = await createUser(app.database.db, other.tenant.id, other.organisation.id, "caseworker");
    const url = `${api}/users`;
    const body = { name: "Neu", organisationId: t.partner.id, role: "caseworker", password: newUserPassword };
    const before = await tenantUserCount(app, other.tenant.id);
    for (const c of [t.clients.tenant_admin, t.clients.org_admin]) {
      for (const email of [other.admin.email, otherUser.email.toUpperCase()]) {
        const res = await c.post(url, { ...body, email });
        expectProblem(res, 409, "conflict", ["email"]);
        expect(problemOf(res)).toEqual(neutral);
        for (const leak of ["tenant", "exists", other.tenant.id, other.tenant.name, other.admin.id, otherUser.id]) {
          expect(res.body.toLowerCase()).not.toContain(leak.toLowerCase());
        }
      }
    }
    // An org admin does not manage the other organisations of its tenant: the same neutral answer.
    const elsewhere = await t.clients.org_admin.post(url, { ...body, email: t.users.case_manager?.email });
    expect(problemOf(elsewhere)).toEqual(neutral);
    expect(await tenantUserCount(app, other.tenant.id)).toBe(before);
  });

  it("names the reason for a user the actor manages and already sees in its list", async () => {
    const app = await getTestApp();
    const t = await tenantWithEveryRole(app);
    const url = `${api}/users`;
    const body = { name: "Neu", organisationId: t.partner.id, role: "caseworker", password: newUserPassword };
    const own = {
      type: "/problems/conflict",
      title: "Conflict",
      status: 409,
      detail: "A user with this e-mail address exists",
      errors: [{ path: "email", message: "Already in use", code: "invalid" }],
    };
    // The tenant admin manages every user of the tenant; the org admin those of its organisation.
    const byTenantAdmin = await t.clients.tenant_admin.post(url, { ...body, email: t.users.case_manager?.email });
    expect(problemOf(byTenantAdmin)).toEqual(own);
    const byOrgAdmin = await t.clients.org_admin.post(url, { ...body, email: t.users.caseworker?.email });
    expect(problemOf(byOrgAdmin)).toEqual(own);
  });
});

describe("PATCH /users/:id", () => {
  it("answers 401, 403, 404 and 400 before changing anything", async () => {
    const app = await getTestApp();
    const t = await tenantWithEveryRole(app);
    const other = await createTenant(app.database.db);
    const target = t.users.caseworker;
    if (!target) throw new Error("no caseworker");
    const url = `${api}/users/${target.id}`;
    expectProblem(await client(app).patch(url, { name: "X" }), 401, "unauthenticated");
    for (const role of otherRoles) expectProblem(await t.clients[role].patch(url, { name: "X" }), 403, "forbidden");
    const admin = t.clients.tenant_admin;
    const orgAdmin = t.clients.org_admin;
    expectProblem(await admin.patch(`${api}/users/${other.admin.id}`, { active: false }), 404, "not-found");
    expect((await userRow(app, other.tenant.id, other.admin.id))?.active).toBe(true);
    expectProblem(await orgAdmin.patch(`${api}/users/${t.users.case_manager?.id}`, { name: "X" }), 404, "not-found");
    expectProblem(await orgAdmin.patch(`${api}/users/${t.admin.id}`, { active: false }), 404, "not-found");
    // An org admin may not promote its users to a tenant-wide role or move them out.
    expectProblem(await orgAdmin.patch(url, { role: "tenant_admin" }), 403, "forbidden");
    expectProblem(await orgAdmin.patch(url, { role: "dpo" }), 403, "forbidden");
    expectProblem(await orgAdmin.patch(url, { organisationId: t.organisation.id }), 403, "forbidden");

    expectProblem(await admin.patch(`${api}/users/not-a-uuid`, { name: "X" }), 400, "validation-error", ["params.id"]);
    expectProblem(await admin.patch(url, { role: "king" }), 400, "validation-error", ["role"]);
    expectProblem(await admin.patch(url, { password: "short" }), 400, "validation-error", ["password"]);
    expectProblem(await admin.patch(url, { email: "new@test.example" }), 400, "validation-error", ["email"]);
    expectProblem(await admin.patch(url, { resetTotp: false }), 400, "validation-error", ["resetTotp"]);
    expectProblem(await admin.patch(url, { active: "yes" }), 400, "validation-error", ["active"]);
    expectProblem(await admin.patch(url, { organisationId: other.organisation.id }), 400, "validation-error", [
      "organisationId",
    ]);
    const row = await userRow(app, t.tenant.id, target.id);
    expect(row).toMatchObject({ name: target.name, role: "caseworker", organisationId: t.partner.id, version: 1 });
    expect(await sessionCount(app, target.id)).toBe(1);
  });

  it("deactivation ends the user's sessions and logins; reactivation lets it in again", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const u = await createUser(db, t.tenant.id, t.organisation.id, "case_manager");
    const c = await login(app, u.email);
    const admin = await login(app, t.admin.email);
    const res = await admin.patch(`${api}/users/${u.id}`, { active: false, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: u.id, active: false, version: 2 });
    expectNoSecrets(res);
    expectProblem(await c.get(`${api}/auth/me`), 401, "unauthenticated");
    expect(await sessionCount(app, u.id)).toBe(0);
    expectProblem(await attemptLogin(app, { email: u.email, password: testPassword }), 401, "invalid-credentials");

    const back = await admin.patch(`${api}/users/${u.id}`, { active: true }, { "if-match": "2" });
    expect(back.statusCode, back.body).toBe(200);
    expect((await attemptLogin(app, { email: u.email, password: testPassword })).statusCode).toBe(200);
    const audits = await userAudits(app, t.tenant.id, "user.updated", u.id);
    expect(audits.map((a) => a.details)).toEqual([
      { before: { active: true }, after: { active: false } },
      { before: { active: false }, after: { active: true } },
    ]);
  });

  it("a role or organisation change ends the user's sessions; a name change does not", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const partner = await createOrganisation(db, t.tenant.id, "welfare");
    const u = await createUser(db, t.tenant.id, t.organisation.id, "caseworker");
    const admin = await login(app, t.admin.email);
    let c = await login(app, u.email);

    const renamed = await admin.patch(`${api}/users/${u.id}`, { name: "Neuer Name", locale: "en" });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "Neuer Name", locale: "en", version: 2 });
    expect((await c.get(`${api}/auth/me`)).statusCode).toBe(200);

    const promoted = await admin.patch(`${api}/users/${u.id}`, { role: "case_manager" });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json().role).toBe("case_manager");
    expectProblem(await c.get(`${api}/auth/me`), 401, "unauthenticated");

    c = await login(app, u.email);
    expect((await c.get(`${api}/auth/me`)).json().user.role).toBe("case_manager");
    const moved = await admin.patch(`${api}/users/${u.id}`, { organisationId: partner.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expectProblem(await c.get(`${api}/auth/me`), 401, "unauthenticated");
    expect(await userRow(app, t.tenant.id, u.id)).toMatchObject({
      role: "case_manager",
      organisationId: partner.id,
      version: 4,
    });

    const audits = await userAudits(app, t.tenant.id, "user.updated", u.id);
    expect(audits.map((a) => a.details)).toEqual([
      { before: { name: u.name, locale: "de" }, after: { name: "Neuer Name", locale: "en" } },
      { before: { role: "caseworker" }, after: { role: "case_manager" } },
      { before: { organisationId: t.organisation.id }, after: { organisationId: partner.id } },
    ]);
  });

  it("resetTotp removes the second factor and ends the sessions; a new password too", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const secret = newTotpSecret();
    const u = await createUser(db, t.tenant.id, t.organisation.id, "caseworker", { totpSecret: secret });
    const admin = await login(app, t.admin.email);
    const c = await login(app, u.email, testPassword, await currentTotp(secret));
    expect((await admin.get(`${api}/users/${u.id}`)).json().totpEnabled).toBe(true);

    const res = await admin.patch(`${api}/users/${u.id}`, { resetTotp: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ totpEnabled: false, version: 2 });
    expectNoSecrets(res, secret);
    expect(await userRow(app, t.tenant.id, u.id)).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expectProblem(await c.get(`${api}/auth/me`), 401, "unauthenticated");
    expect((await attemptLogin(app, { email: u.email, password: testPassword })).statusCode).toBe(200);

    const c2 = await login(app, u.email);
    const pw = await admin.patch(`${api}/users/${u.id}`, { password: newUserPassword });
    expect(pw.statusCode, pw.body).toBe(200);
    expectProblem(await c2.get(`${api}/auth/me`), 401, "unauthenticated");
    expectProblem(await attemptLogin(app, { email: u.email, password: testPassword }), 401, "invalid-credentials");
    expect((await attemptLogin(app, { email: u.email, password: newUserPassword })).statusCode).toBe(200);

    const audits = await userAudits(app, t.tenant.id, "user.updated", u.id);
    expect(audits).toHaveLength(2);
    expect(audits[0]?.details).toMatchObject({ totpReset: true });
    expect(audits[1]?.details).toEqual({ before: { passwordHash: "[secret]" }, after: { passwordHash: "[secret]" } });
    const text = JSON.stringify(audits);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(newUserPassword);
    expect(text).not.toContain("$argon2");
  });

  it("nobody deactivates themselves or changes their own role", async () => {
    const app = await getTestApp();
    const t = await tenantWithEveryRole(app);
    const admin = t.clients.tenant_admin;
    expectProblem(await admin.patch(`${api}/users/${t.admin.id}`, { active: false }), 403, "forbidden");
    expectProblem(await admin.patch(`${api}/users/${t.admin.id}`, { role: "dpo" }), 403, "forbidden");
    const orgAdminId = t.users.org_admin?.id;
    expectProblem(await t.clients.org_admin.patch(`${api}/users/${orgAdminId}`, { active: false }), 403, "forbidden");
    expect(await userRow(app, t.tenant.id, t.admin.id)).toMatchObject({
      active: true,
      role: "tenant_admin",
      version: 1,
    });
    expect((await admin.get(`${api}/auth/me`)).statusCode).toBe(200);
    // A harmless change of oneself is fine.
    const renamed = await admin.patch(`${api}/users/${t.admin.id}`, { name: "Die Admin" });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await admin.get(`${api}/auth/me`)).statusCode).toBe(200);
  });

  it("answers 409 for a stale version and changes nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const u = await createUser(db, t.tenant.id, t.organisation.id, "caseworker");
    const admin = await login(app, t.admin.email);
    const c = await login(app, u.email);
    const url = `${api}/users/${u.id}`;
    expect((await admin.patch(url, { name: "Erste Änderung", version: 1 })).statusCode).toBe(200);
    const stale = expectProblem(await admin.patch(url, { active: false, version: 1 }), 409, "version-conflict");
    expect(stale.currentVersion).toBe(2);
    expectProblem(await admin.patch(url, { role: "case_manager" }, { "if-match": '"1"' }), 409, "version-conflict");
    expect(await userRow(app, t.tenant.id, u.id)).toMatchObject({
      name: "Erste Änderung",
      active: true,
      role: "caseworker",
      version: 2,
    });
    // A refused change ends no session and writes no audit row.
    expect((await c.get(`${api}/auth/me`)).statusCode).toBe(200);
    expect(await userAudits(app, t.tenant.id, "user.updated", u.id)).toHaveLength(1);
  });
});
