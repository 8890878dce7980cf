// API tests of legal bases: only the tenant admin defines and revokes them (the dpo may list),
// validation that writes nothing, and what an active legal basis opens: the category of every
// person of the tenant, audited with the legal basis as the ground, ending at once on revocation.
import { describe, expect, it } from "vitest";
import type { Role } from "../../platform/domain.js";
import {
  addRecord,
  api,
  auditRows,
  caseFileTenant,
  expectProblem,
  registerPerson,
} from "../../test/case-file-factories.js";
import {
  consentCounts,
  consentTenant,
  createLegalBasis,
  daysFromToday,
  legalBasisRow,
  listedPersonIds,
  markedRecord,
  readEverything,
} from "../../test/consent-factories.js";
import { client, getTestApp } from "../../test/test-app.js";

const legalBases = `${api}/legal-bases`;
const body = (organisationId: string, extra: Record<string, unknown> = {}) => ({
  organisationId,
  categories: ["residence"],
  citation: "§ 87 Abs. 2 AufenthG",
  description: "Unterrichtungspflicht öffentlicher Stellen",
  validFrom: "2024-01-01",
  ...extra,
});

describe("legal bases: who may", () => {
  it("answers 401 to anonymous callers and 403 to every role but the tenant admin; the dpo may list", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const existing = await createLegalBasis(t.adminClient, t.jobcenter.id, ["work"]);
    const anonymous = client(app);
    expectProblem(await anonymous.get(legalBases), 401, "unauthenticated");
    expectProblem(await anonymous.post(legalBases, body(t.jobcenter.id)), 401, "unauthenticated");
    expectProblem(await anonymous.post(`${legalBases}/${existing.id}/revoke`), 401, "unauthenticated");
    const roles: Role[] = ["case_manager", "caseworker", "org_admin", "dpo", "steering", "volunteer_coordinator"];
    for (const role of roles) {
      const u = await t.user(role === "caseworker" || role === "org_admin" ? t.jobcenter.id : t.io.id, role);
      expectProblem(await u.client.post(legalBases, body(u.organisationId)), 403, "forbidden");
      expectProblem(await u.client.post(`${legalBases}/${existing.id}/revoke`), 403, "forbidden");
      const list = await u.client.get(legalBases);
      if (role === "dpo") {
        expect(list.statusCode, list.body).toBe(200);
        expect(list.json().items.map((b: { id: string }) => b.id)).toEqual([existing.id]);
      } else {
        expectProblem(list, 403, "forbidden");
      }
    }
    expect(await consentCounts.legalBases(db, t.tenantId)).toBe(1);
    expect((await legalBasisRow(db, t.tenantId, existing.id))?.revokedAt).toBeNull();
  });

  it("answers 400 naming the field and writes nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const other = await caseFileTenant(app);
    const cases: [string, Record<string, unknown>, string][] = [
      ["an unknown organisation", body(crypto.randomUUID()), "organisationId"],
      ["another tenant's organisation", body(other.jobcenter.id), "organisationId"],
      ["an organisation id that is no uuid", body("jobcenter"), "organisationId"],
      ["empty categories", body(t.jobcenter.id, { categories: [] }), "categories"],
      ["an unknown category", body(t.jobcenter.id, { categories: ["secrets"] }), "categories.0"],
      ["validUntil before validFrom", body(t.jobcenter.id, { validUntil: "2023-12-31" }), "validUntil"],
      ["an impossible validFrom", body(t.jobcenter.id, { validFrom: "2024-02-30" }), "validFrom"],
      ["no citation", body(t.jobcenter.id, { citation: undefined }), "citation"],
      ["a too short citation", body(t.jobcenter.id, { citation: "§" }), "citation"],
      ["an unknown field", body(t.jobcenter.id, { grantedBy: "Rat" }), "grantedBy"],
    ];
    for (const [what, b, path] of cases) {
      const problem = expectProblem(await t.adminClient.post(legalBases, b), 400, "validation-error", [path]);
      expect(problem.errors?.length, what).toBeGreaterThan(0);
    }
    expect(await consentCounts.legalBases(db, t.tenantId)).toBe(0);
    expect(await auditRows(db, t.tenantId, { action: "legal_basis.created" })).toEqual([]);
  });
});

describe("legal bases", () => {
  it("creates a legal basis (201) and lists it", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const other = await consentTenant(app);
    const res = await t.adminClient.post(
      legalBases,
      body(t.jobcenter.id, { categories: ["residence", "residence", "benefits"] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const lb = res.json();
    expect(lb).toMatchObject({
      organisationId: t.jobcenter.id,
      categories: ["residence", "benefits"],
      citation: "§ 87 Abs. 2 AufenthG",
      description: "Unterrichtungspflicht öffentlicher Stellen",
      validFrom: "2024-01-01",
      validUntil: null,
      active: true,
      revokedAt: null,
    });
    const row = await legalBasisRow(db, t.tenantId, lb.id);
    expect(row).toMatchObject({
      organisationId: t.jobcenter.id,
      categories: ["residence", "benefits"],
      createdBy: t.admin.id,
      revokedAt: null,
    });
    const [event] = await auditRows(db, t.tenantId, { action: "legal_basis.created" });
    expect(event).toMatchObject({ subjectId: lb.id, actorUserId: t.admin.id, categories: ["residence", "benefits"] });
    // Not yet valid, or no longer valid: listed as inactive.
    const future = await createLegalBasis(t.adminClient, t.jobcenter.id, ["work"], { validFrom: daysFromToday(1) });
    expect(future.active).toBe(false);
    const past = await createLegalBasis(t.adminClient, t.jobcenter.id, ["work"], {
      validFrom: "2020-01-01",
      validUntil: daysFromToday(-1),
    });
    expect(past.active).toBe(false);
    const list = await t.adminClient.get(legalBases);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((b: { id: string }) => b.id)).toEqual([lb.id, future.id, past.id]);
    // Another tenant sees none of them.
    expect((await other.adminClient.get(legalBases)).json().items).toEqual([]);
  });

  it("opens the category of every person of the tenant to the organisation while active, audited with its id", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const other = await caseFileTenant(app);
    const kita = await t.organisation("kita");
    const kitaUser = await t.user(kita.id, "caseworker");
    const led = await registerPerson(t.cm.client);
    const unled = await registerPerson(kitaUser.client);
    const elsewhere = await registerPerson(other.cm.client);
    const residence = await addRecord(t.cm.client, led.id, "residence_status", markedRecord("residence", "").data);
    await addRecord(t.cm.client, led.id, "health_note", markedRecord("health", "MARK-LB-HEALTH").data);
    const unledResidence = await addRecord(kitaUser.client, unled.id, "residence_status", {
      type: "duldung",
    });
    // Nothing before the legal basis.
    expectProblem(await t.jc.client.get(`${api}/persons/${led.id}`), 404, "not-found");
    expect(await listedPersonIds(t.jc.client)).toEqual([]);

    const basis = await createLegalBasis(t.adminClient, t.jobcenter.id, ["residence"]);
    const seen = await readEverything(t.jc.client, led.id);
    expect([...seen.person.access.openCategories].sort()).toEqual(["identity", "residence"]);
    expect(seen.recordIds).toEqual([residence.id]);
    expect(seen.text).not.toContain("MARK-LB-HEALTH");
    expectProblem(await t.jc.client.get(`${api}/persons/${led.id}/records?category=health`), 403, "consent-required");
    const current = await t.jc.client.get(`${api}/persons/${led.id}/residence`);
    expect(current.statusCode).toBe(200);
    expect(current.json().current.id).toBe(residence.id);
    const unledSeen = await readEverything(t.jc.client, unled.id);
    expect(unledSeen.recordIds).toEqual([unledResidence.id]);
    expect((await listedPersonIds(t.jc.client)).sort()).toEqual([led.id, unled.id].sort());
    // Never across tenants.
    expectProblem(await t.jc.client.get(`${api}/persons/${elsewhere.id}`), 404, "not-found");

    const ground = { type: "legal_basis", legalBasisId: basis.id };
    const reads = await auditRows(db, t.tenantId, { action: "person.read", actorUserId: t.jc.id, personId: led.id });
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) expect(r.grounds).toContainEqual(ground);
    expect((await t.jc.client.get(`${api}/records/${residence.id}`)).statusCode).toBe(200);
    const recordReads = await auditRows(db, t.tenantId, { action: "record.read", actorUserId: t.jc.id });
    expect(recordReads).toEqual([
      expect.objectContaining({ subjectId: residence.id, categories: ["residence"], grounds: [ground] }),
    ]);
  });

  it("ends at once on revocation; a second revocation answers 409", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const other = await consentTenant(app);
    const p = await registerPerson(t.cm.client);
    await addRecord(t.cm.client, p.id, "residence_status", markedRecord("residence", "").data);
    const basis = await createLegalBasis(t.adminClient, t.jobcenter.id, ["residence"]);
    expect((await t.jc.client.get(`${api}/persons/${p.id}`)).statusCode).toBe(200);

    expectProblem(await t.adminClient.post(`${legalBases}/${crypto.randomUUID()}/revoke`), 404, "not-found");
    expectProblem(await other.adminClient.post(`${legalBases}/${basis.id}/revoke`), 404, "not-found");
    expectProblem(
      await t.adminClient.post(`${legalBases}/${basis.id}/revoke`, { reason: "x" }),
      400,
      "validation-error",
      ["reason"],
    );
    expect((await legalBasisRow(db, t.tenantId, basis.id))?.revokedAt).toBeNull();

    const res = await t.adminClient.post(`${legalBases}/${basis.id}/revoke`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: basis.id, active: false });
    expect(res.json().revokedAt).not.toBeNull();
    const row = await legalBasisRow(db, t.tenantId, basis.id);
    expect(row?.revokedAt).toBeInstanceOf(Date);
    expect(row?.version).toBe(2);
    expect(await auditRows(db, t.tenantId, { action: "legal_basis.revoked" })).toEqual([
      expect.objectContaining({ subjectId: basis.id, actorUserId: t.admin.id }),
    ]);
    expectProblem(await t.jc.client.get(`${api}/persons/${p.id}`), 404, "not-found");
    expectProblem(await t.jc.client.get(`${api}/persons/${p.id}/residence`), 404, "not-found");
    expect(await listedPersonIds(t.jc.client)).not.toContain(p.id);

    expectProblem(await t.adminClient.post(`${legalBases}/${basis.id}/revoke`), 409, "conflict");
    expect((await legalBasisRow(db, t.tenantId, basis.id))?.revokedAt?.getTime()).toBe(row?.revokedAt?.getTime());
    expect(await auditRows(db, t.tenantId, { action: "legal_basis.revoked" })).toHaveLength(1);
  });

  it("opens nothing before validFrom or after validUntil", async () => {
    const app = await getTestApp();
    const t = await consentTenant(app);
    const p = await registerPerson(t.cm.client);
    await createLegalBasis(t.adminClient, t.jobcenter.id, ["residence"], { validFrom: daysFromToday(1) });
    await createLegalBasis(t.adminClient, t.jobcenter.id, ["residence"], {
      validFrom: "2020-01-01",
      validUntil: daysFromToday(-1),
    });
    expectProblem(await t.jc.client.get(`${api}/persons/${p.id}`), 404, "not-found");
    expect(await listedPersonIds(t.jc.client)).toEqual([]);
    // Valid until today still counts.
    await createLegalBasis(t.adminClient, t.jobcenter.id, ["residence"], { validUntil: daysFromToday(0) });
    expect((await t.jc.client.get(`${api}/persons/${p.id}`)).statusCode).toBe(200);
  });
});
