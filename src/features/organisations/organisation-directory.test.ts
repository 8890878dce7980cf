// The organisation directory: services (code list `service`), languages (ISO 639), opening hours,
// website, description and contacts; filtered by service and language; the tenant admin edits
// every entry, an organisation's own admin only its own entry.
import { describe, expect, it } from "vitest";
import { auditRows, expectProblem } from "../../test/case-file-factories.js";
import { createOrganisation, createTenant, createUser, login, tenantWithEveryRole } from "../../test/factories.js";
import { client, getTestApp } from "../../test/test-app.js";

const api = "/api/v1";

const entry = {
  services: ["job_placement", "basic_income_support"],
  languages: ["de", "ar", "UK"],
  openingHours: "Mo–Fr 8–12 Uhr, Do 14–18 Uhr",
  website: "https://jobcenter.musterstadt.example",
  description: "Grundsicherung für Arbeitsuchende und Arbeitsvermittlung.",
  contacts: [
    { name: "Jonas Becker", role: "Integrationsfachkraft", email: "j.becker@jobcenter.example" },
    { name: "Empfang", phone: "0211 123-0" },
  ],
  phone: "0211 123-0",
};

describe("PATCH /organisations/:id (directory entry)", () => {
  it("answers 401, 403 to other roles and to another organisation's admin, 400 for bad entries, writing nothing", {
    timeout: 90_000,
  }, async () => {
    const app = await getTestApp();
    const t = await tenantWithEveryRole(app);
    const url = `${api}/organisations/${t.partner.id}`;
    expectProblem(await client(app).patch(url, { services: ["job_placement"] }), 401, "unauthenticated");
    for (const role of ["case_manager", "caseworker", "steering", "dpo", "volunteer"] as const) {
      expectProblem(await t.clients[role].patch(url, { services: ["job_placement"] }), 403, "forbidden");
    }
    // The Jobcenter's admin: not the integration office's entry, and not name, type or active of its own.
    const orgAdmin = t.clients.org_admin;
    expectProblem(
      await orgAdmin.patch(`${api}/organisations/${t.organisation.id}`, { openingHours: "nie" }),
      403,
      "forbidden",
    );
    expectProblem(await orgAdmin.patch(url, { name: "Jobcenter Neu" }), 403, "forbidden");
    expectProblem(await orgAdmin.patch(url, { active: false, openingHours: "Mo" }), 403, "forbidden");
    expectProblem(await orgAdmin.patch(url, { type: "welfare" }), 403, "forbidden");
    const admin = t.clients.tenant_admin;
    const bad: [Record<string, unknown>, string][] = [
      [{ services: ["Arbeitsvermittlung"] }, "services.0"],
      [{ services: ["job_placement", "astrology"] }, "services.1"],
      [{ services: ["job_placement", "job_placement"] }, "services"],
      [{ services: "job_placement" }, "services"],
      [{ languages: ["xx"] }, "languages.0"],
      [{ languages: ["german"] }, "languages.0"],
      [{ website: "javascript:alert(1)" }, "website"],
      [{ website: "not a url" }, "website"],
      [{ contacts: [{ role: "Leitung" }] }, "contacts.0.name"],
      [{ contacts: [{ name: "A", email: "nope" }] }, "contacts.0.email"],
      [{ contacts: [{ name: "A", fax: "123" }] }, "contacts.0.fax"],
      [{ contacts: Array.from({ length: 21 }, (_, i) => ({ name: `P${i}` })) }, "contacts"],
      [{ openingHours: "x".repeat(1001) }, "openingHours"],
      [{ description: "x".repeat(2001) }, "description"],
    ];
    for (const [body, path] of bad) {
      expectProblem(await admin.patch(url, body), 400, "validation-error", [path]);
      expectProblem(await orgAdmin.patch(url, body), 400, "validation-error", [path]);
    }
    const one = (await admin.get(url)).json();
    expect(one).toMatchObject({ services: [], languages: [], openingHours: null, contacts: [], version: 1 });
    expect(await auditRows(app.database.db, t.tenant.id, { action: "organisation.updated" })).toEqual([]);
  });

  it("lets the organisation's admin edit its own entry and the tenant admin every entry; audited", {
    timeout: 90_000,
  }, async () => {
    const app = await getTestApp();
    const t = await tenantWithEveryRole(app);
    const url = `${api}/organisations/${t.partner.id}`;
    const res = await t.clients.org_admin.patch(url, { ...entry, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: t.partner.name,
      services: ["job_placement", "basic_income_support"],
      languages: ["de", "ar", "uk"],
      openingHours: entry.openingHours,
      website: entry.website,
      description: entry.description,
      phone: entry.phone,
      contacts: [
        { name: "Jonas Becker", role: "Integrationsfachkraft", email: "j.becker@jobcenter.example", phone: null },
        { name: "Empfang", role: null, email: null, phone: "0211 123-0" },
      ],
      version: 2,
    });
    // Every role reads the entry.
    for (const role of ["volunteer", "steering", "case_manager"] as const) {
      const read = await t.clients[role].get(url);
      expect(read.json().services).toEqual(["job_placement", "basic_income_support"]);
    }
    const stale = await t.clients.org_admin.patch(url, { openingHours: "Mo", version: 1 });
    expectProblem(stale, 409, "version-conflict");
    const byAdmin = await t.clients.tenant_admin.patch(url, { services: [], website: null, name: "Jobcenter Nord" });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json()).toMatchObject({ services: [], website: null, name: "Jobcenter Nord", version: 3 });
    const rows = await auditRows(app.database.db, t.tenant.id, { action: "organisation.updated" });
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual(
      expect.objectContaining({
        subjectId: t.partner.id,
        details: expect.objectContaining({
          before: expect.objectContaining({ services: [], openingHours: null }),
          after: expect.objectContaining({ services: entry.services, openingHours: entry.openingHours }),
        }),
      }),
    );
  });

  it("presents in /auth/me whose entries the actor edits, as the PATCH decides", { timeout: 90_000 }, async () => {
    const app = await getTestApp();
    const t = await tenantWithEveryRole(app);
    const me = async (role: keyof typeof t.clients) =>
      (await t.clients[role].get(`${api}/auth/me`)).json().abilities.editDirectoryEntriesOf;
    expect(await me("tenant_admin")).toBe("all");
    expect(await me("org_admin")).toEqual([t.partner.id]);
    for (const role of ["case_manager", "caseworker", "steering", "dpo", "volunteer"] as const) {
      expect(await me(role)).toEqual([]);
    }
  });

  it("takes a directory entry when the tenant admin creates an organisation", { timeout: 90_000 }, async () => {
    const app = await getTestApp();
    const t = await tenantWithEveryRole(app);
    const admin = t.clients.tenant_admin;
    expectProblem(
      await admin.post(`${api}/organisations`, { name: "MBE", type: "migration_counselling", services: ["x y"] }),
      400,
      "validation-error",
      ["services.0"],
    );
    expectProblem(
      await admin.post(`${api}/organisations`, { name: "MBE", type: "migration_counselling", services: ["unknown"] }),
      400,
      "validation-error",
      ["services.0"],
    );
    const res = await admin.post(`${api}/organisations`, {
      name: "MBE der AWO",
      type: "migration_counselling",
      services: ["migration_counselling"],
      languages: ["fa", "prs"],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ services: ["migration_counselling"], languages: ["fa", "prs"], contacts: [] });
  });
});

describe("GET /organisations (directory filters)", () => {
  it("answers 400 for bad filters and filters by service, language, type and text", { timeout: 90_000 }, async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const other = await createTenant(db);
    const jc = await createOrganisation(db, t.tenant.id, "jobcenter", "Jobcenter Musterstadt");
    const mbe = await createOrganisation(db, t.tenant.id, "migration_counselling", "Migrationsberatung");
    const vhs = await createOrganisation(db, t.tenant.id, "language_school", "Volkshochschule");
    const foreign = await createOrganisation(db, other.tenant.id, "jobcenter", "Jobcenter Anderswo");
    const admin = await login(app, t.admin.email);
    const otherAdmin = await login(app, other.admin.email);
    await admin.patch(`${api}/organisations/${jc.id}`, { services: ["job_placement"], languages: ["de", "ar"] });
    await admin.patch(`${api}/organisations/${mbe.id}`, {
      services: ["migration_counselling", "social_counselling"],
      languages: ["ar", "fa"],
      description: "Beratung zu Aufenthalt, Arbeit und Familie",
    });
    await admin.patch(`${api}/organisations/${vhs.id}`, {
      services: ["integration_course", "professional_language_course"],
      languages: ["de"],
    });
    await otherAdmin.patch(`${api}/organisations/${foreign.id}`, { services: ["job_placement"], languages: ["ar"] });
    const volunteer = await createUser(db, t.tenant.id, t.organisation.id, "volunteer");
    const c = await login(app, volunteer.email);
    expectProblem(await client(app).get(`${api}/organisations?service=job_placement`), 401, "unauthenticated");
    expectProblem(await c.get(`${api}/organisations?language=klingon`), 400, "validation-error", ["query.language"]);
    expectProblem(await c.get(`${api}/organisations?service=Job%20placement`), 400, "validation-error", [
      "query.service",
    ]);
    const ids = async (query: string) => {
      const res = await c.get(`${api}/organisations?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((o: { id: string }) => o.id);
    };
    expect(await ids("service=job_placement")).toEqual([jc.id]);
    expect(await ids("service=integration_course")).toEqual([vhs.id]);
    expect(await ids("service=childcare_place")).toEqual([]);
    expect((await ids("language=ar")).sort()).toEqual([jc.id, mbe.id].sort());
    expect(await ids("language=AR&service=social_counselling")).toEqual([mbe.id]);
    expect(await ids("language=fa&type=jobcenter")).toEqual([]);
    expect(await ids("q=aufenthalt")).toEqual([mbe.id]);
    expect(await ids("language=de")).toEqual([jc.id, vhs.id]);
  });
});
