// The tenant's settings: everyone reads them, only the tenant admin changes them (audited); the
// holiday list follows the federal state.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tenants } from "../../platform/identity/identity.tables.js";
import { auditRows, expectProblem } from "../../test/case-file-factories.js";
import { tenantWithEveryRole } from "../../test/factories.js";
import { client, getTestApp } from "../../test/test-app.js";
import { getTenantSettings } from "./settings.queries.js";

const url = "/api/v1/settings";
const noContact = { name: "", address: "", email: "", phone: "" };
const unset = { controller: noContact, dataProtectionOfficer: noContact };

describe("settings", () => {
  it("answers 401, 403 for every role but the tenant admin, 400 for bad values, writing nothing", {
    timeout: 90_000,
  }, async () => {
    const app = await getTestApp();
    const t = await tenantWithEveryRole(app);
    expectProblem(await client(app).get(url), 401, "unauthenticated");
    expectProblem(await client(app).patch(url, { federalState: "BY" }), 401, "unauthenticated");
    expectProblem(await client(app).get(`${url}/holidays`), 401, "unauthenticated");
    for (const role of ["org_admin", "case_manager", "caseworker", "steering", "dpo", "volunteer"] as const) {
      expectProblem(await t.clients[role].patch(url, { federalState: "BY" }), 403, "forbidden");
      expect((await t.clients[role].get("/api/v1/auth/me")).json().abilities.manageSettings, role).toBe(false);
      const read = await t.clients[role].get(url);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toEqual({
        federalState: "NW",
        defaultAcknowledgeWithinDays: 5,
        defaultFirstAppointmentWithinDays: 15,
        ...unset,
      });
    }
    const admin = t.clients.tenant_admin;
    expect((await admin.get("/api/v1/auth/me")).json().abilities.manageSettings).toBe(true);
    const bad: [Record<string, unknown>, string][] = [
      [{ federalState: "XX" }, "federalState"],
      [{ federalState: "nw" }, "federalState"],
      [{ defaultAcknowledgeWithinDays: 61 }, "defaultAcknowledgeWithinDays"],
      [{ defaultAcknowledgeWithinDays: -1 }, "defaultAcknowledgeWithinDays"],
      [{ defaultAcknowledgeWithinDays: 1.5 }, "defaultAcknowledgeWithinDays"],
      [{ defaultFirstAppointmentWithinDays: 121 }, "defaultFirstAppointmentWithinDays"],
      [{ defaultFirstAppointmentWithinDays: "10" }, "defaultFirstAppointmentWithinDays"],
      [{ name: "Anderswo" }, "name"],
      [{ controller: { name: "x".repeat(201) } }, "controller.name"],
      [{ dataProtectionOfficer: { email: "no-mail" } }, "dataProtectionOfficer.email"],
      [{ dataProtectionOfficer: { fax: "0" } }, "dataProtectionOfficer.fax"],
    ];
    for (const [body, path] of bad) expectProblem(await admin.patch(url, body), 400, "validation-error", [path]);
    expectProblem(await admin.get(`${url}/holidays?year=1800`), 400, "validation-error", ["query.year"]);
    expectProblem(await admin.get(`${url}/holidays?year=abc`), 400, "validation-error", ["query.year"]);
    const [row] = await app.database.db.select().from(tenants).where(eq(tenants.id, t.tenant.id));
    expect(row).toMatchObject({ federalState: "NW", settings: {} });
    expect(await auditRows(app.database.db, t.tenant.id, { action: "settings.updated" })).toEqual([]);
  });

  it("changes the federal state and the default deadlines, audits, and the holidays follow the state", {
    timeout: 90_000,
  }, async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await tenantWithEveryRole(app);
    const admin = t.clients.tenant_admin;
    const nw = (await admin.get(`${url}/holidays?year=2026`)).json();
    expect(nw.federalState).toBe("NW");
    expect(nw.items).toContainEqual({ date: "2026-06-04", name: "Fronleichnam" });
    expect(nw.items).toContainEqual({ date: "2026-04-06", name: "Ostermontag" });
    expect(nw.items.map((h: { date: string }) => h.date)).not.toContain("2026-10-31");

    const res = await admin.patch(url, { federalState: "SN", defaultAcknowledgeWithinDays: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      federalState: "SN",
      defaultAcknowledgeWithinDays: 3,
      defaultFirstAppointmentWithinDays: 15,
      ...unset,
    });
    // The lead's referral code reads the same settings.
    expect(await getTenantSettings(db, t.tenant.id)).toEqual(res.json());
    const second = await admin.patch(url, { defaultFirstAppointmentWithinDays: 0 });
    expect(second.json()).toEqual({
      federalState: "SN",
      defaultAcknowledgeWithinDays: 3,
      defaultFirstAppointmentWithinDays: 0,
      ...unset,
    });
    expect((await t.clients.caseworker.get(url)).json().federalState).toBe("SN");

    const sn = (await t.clients.volunteer.get(`${url}/holidays?year=2026&locale=en`)).json();
    expect(sn.federalState).toBe("SN");
    expect(sn.year).toBe(2026);
    expect(sn.items.map((h: { date: string }) => h.date)).toContain("2026-10-31"); // Reformation Day
    expect(sn.items.map((h: { date: string }) => h.date)).toContain("2026-11-18"); // Buß- und Bettag
    expect(sn.items.map((h: { date: string }) => h.date)).not.toContain("2026-06-04");
    expect(sn.items[0]).toEqual({ date: "2026-01-01", name: "New Year's Day" });

    const rows = await auditRows(db, t.tenant.id, { action: "settings.updated" });
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual(
      expect.objectContaining({
        subjectId: t.tenant.id,
        details: {
          before: { federalState: "NW", defaultAcknowledgeWithinDays: 5 },
          after: { federalState: "SN", defaultAcknowledgeWithinDays: 3 },
        },
      }),
    );
  });

  it("keeps the controller and the data-protection officer for the Art. 15 document, field by field, audited", {
    timeout: 90_000,
  }, async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await tenantWithEveryRole(app);
    const admin = t.clients.tenant_admin;
    const controller = {
      name: "Stadt Musterstadt – Der Oberbürgermeister",
      address: "Rathausplatz 1\n12345 Musterstadt",
      email: "post@musterstadt.example",
      phone: "",
    };
    const first = await admin.patch(url, {
      controller,
      dataProtectionOfficer: { email: "datenschutz@musterstadt.example" },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      controller,
      dataProtectionOfficer: { ...noContact, email: "datenschutz@musterstadt.example" },
    });
    // Only the fields sent change; everyone reads the result (the officer's contact is public).
    await admin.patch(url, { dataProtectionOfficer: { name: "  Dr. Erika Beispiel  " } });
    expect((await t.clients.dpo.get(url)).json().dataProtectionOfficer).toEqual({
      ...noContact,
      name: "Dr. Erika Beispiel",
      email: "datenschutz@musterstadt.example",
    });
    expect((await getTenantSettings(db, t.tenant.id)).controller).toEqual(controller);
    const rows = await auditRows(db, t.tenant.id, { action: "settings.updated" });
    expect(rows.at(-1)?.details).toEqual({
      before: { dataProtectionOfficer: { ...noContact, email: "datenschutz@musterstadt.example" } },
      after: {
        dataProtectionOfficer: { ...noContact, name: "Dr. Erika Beispiel", email: "datenschutz@musterstadt.example" },
      },
    });
  });
});
