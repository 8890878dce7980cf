import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import { createOrganisation, createTenant, createUser, login } from "../../test/factories.js";
import { getTestApp } from "../../test/test-app.js";

describe("consents and the lead organisation's staff", () => {
  it("a caseworker of the lead organisation sees every consent of the person but records and revokes none", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const jobcenter = await createOrganisation(db, t.tenant.id, "jobcenter");
    const cm = await login(app, (await createUser(db, t.tenant.id, t.organisation.id, "case_manager")).email);
    const colleague = await login(app, (await createUser(db, t.tenant.id, t.organisation.id, "caseworker")).email);
    const person = (await cm.post("/api/v1/persons", { givenNames: "Lina", familyName: "Haddad" })).json();
    const body = {
      recipientOrganisationIds: [jobcenter.id],
      categories: ["work"],
      purpose: "Arbeit",
      validFrom: "2025-01-01",
      method: "signed_form",
    };
    const consent = (await cm.post(`/api/v1/persons/${person.id}/consents`, body)).json();

    const list = await colleague.get(`/api/v1/persons/${person.id}/consents`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([consent.id]);
    expect((await colleague.get(`/api/v1/consents/${consent.id}`)).statusCode).toBe(200);
    const reads = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.tenant.id), eq(auditEvents.action, "consent.read")));
    expect(reads).toHaveLength(2);
    expect(reads.every((r) => r.personId === person.id && r.subjectId === consent.id)).toBe(true);

    expect((await colleague.post(`/api/v1/persons/${person.id}/consents`, body)).statusCode).toBe(403);
    expect((await colleague.post(`/api/v1/consents/${consent.id}/revoke`, { reason: "no" })).statusCode).toBe(403);
    expect((await cm.get(`/api/v1/consents/${consent.id}`)).json().status).toBe("active");
  });
});

describe("lists record their grounds", () => {
  it("a partner's list of persons is audited with the consent that shows each person", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const jobcenter = await createOrganisation(db, t.tenant.id, "jobcenter");
    const cm = await login(app, (await createUser(db, t.tenant.id, t.organisation.id, "case_manager")).email);
    const clerk = await login(app, (await createUser(db, t.tenant.id, jobcenter.id, "caseworker")).email);
    const person = (await cm.post("/api/v1/persons", { givenNames: "Yusuf", familyName: "Groundtest" })).json();
    const consent = (
      await cm.post(`/api/v1/persons/${person.id}/consents`, {
        recipientOrganisationIds: [jobcenter.id],
        categories: ["work"],
        purpose: "Arbeit",
        validFrom: "2025-01-01",
        method: "signed_form",
      })
    ).json();
    const list = await clerk.get("/api/v1/persons?q=Groundtest");
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([person.id]);
    const rows = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.tenantId, t.tenant.id),
          eq(auditEvents.action, "person.listed"),
          eq(auditEvents.actorOrganisationId, jobcenter.id),
        ),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.grounds).toEqual([{ type: "consent", consentId: consent.id }]);
  });
});
