// API tests of cooperation agreements: only the tenant admin concludes them (the lead defaults to
// its own organisation), validation that writes nothing, and who sees which agreements.
import { describe, expect, it } from "vitest";
import type { Role } from "../../platform/domain.js";
import { today } from "../../platform/reference/partial-date.js";
import { api, auditRows, caseFileTenant, expectProblem } from "../../test/case-file-factories.js";
import {
  agreementRow,
  consentCounts,
  consentTenant,
  createAgreement,
  daysFromToday,
} from "../../test/consent-factories.js";
import { client, getTestApp } from "../../test/test-app.js";

const agreements = `${api}/agreements`;
const body = (partnerOrganisationId: string, extra: Record<string, unknown> = {}) => ({
  partnerOrganisationId,
  services: ["job_placement", "basic_income_support"],
  acknowledgeWithinDays: 3,
  firstAppointmentWithinDays: 10,
  ...extra,
});

describe("agreements: who may", () => {
  it("answers 401 to anonymous callers and 403 to every role but the tenant admin, writing nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    expectProblem(await client(app).get(agreements), 401, "unauthenticated");
    expectProblem(await client(app).post(agreements, body(t.jobcenter.id)), 401, "unauthenticated");
    const roles: Role[] = ["case_manager", "caseworker", "org_admin", "dpo", "steering", "volunteer"];
    for (const role of roles) {
      const u = await t.user(role === "caseworker" || role === "org_admin" ? t.jobcenter.id : t.io.id, role);
      expectProblem(await u.client.post(agreements, body(t.jobcenter.id)), 403, "forbidden");
    }
    expect(await consentCounts.agreements(db, t.tenantId)).toBe(0);
  });

  it("answers 400 naming the field and writes nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const other = await caseFileTenant(app);
    const kita = await t.organisation("kita");
    const unknown = crypto.randomUUID();
    const cases: [string, Record<string, unknown>, string][] = [
      ["an unknown partner", body(unknown), "partnerOrganisationId"],
      ["another tenant's partner", body(other.jobcenter.id), "partnerOrganisationId"],
      ["the lead organisation as its own partner", body(t.io.id), "partnerOrganisationId"],
      ["a partner equal to the given lead", body(kita.id, { leadOrganisationId: kita.id }), "partnerOrganisationId"],
      ["an unknown lead", body(t.jobcenter.id, { leadOrganisationId: unknown }), "leadOrganisationId"],
      ["another tenant's lead", body(t.jobcenter.id, { leadOrganisationId: other.io.id }), "leadOrganisationId"],
      ["no partner", body(t.jobcenter.id, { partnerOrganisationId: undefined }), "partnerOrganisationId"],
      ["acknowledge days below 0", body(t.jobcenter.id, { acknowledgeWithinDays: -1 }), "acknowledgeWithinDays"],
      ["acknowledge days above 60", body(t.jobcenter.id, { acknowledgeWithinDays: 61 }), "acknowledgeWithinDays"],
      ["fractional days", body(t.jobcenter.id, { acknowledgeWithinDays: 2.5 }), "acknowledgeWithinDays"],
      [
        "first appointment days above 120",
        body(t.jobcenter.id, { firstAppointmentWithinDays: 121 }),
        "firstAppointmentWithinDays",
      ],
      [
        "first appointment days as text",
        body(t.jobcenter.id, { firstAppointmentWithinDays: "10" }),
        "firstAppointmentWithinDays",
      ],
      [
        "validUntil before validFrom",
        body(t.jobcenter.id, { validFrom: "2025-06-01", validUntil: "2025-05-31" }),
        "validUntil",
      ],
      // Without validFrom the agreement starts today: a validUntil in the past lies before it.
      ["validUntil before today without validFrom", body(t.jobcenter.id, { validUntil: "2020-01-01" }), "validUntil"],
      ["an impossible validFrom", body(t.jobcenter.id, { validFrom: "2025-02-29" }), "validFrom"],
      ["an empty service", body(t.jobcenter.id, { services: [" "] }), "services.0"],
      ["a free-text service", body(t.jobcenter.id, { services: ["Arbeitsvermittlung"] }), "services.0"],
      ["an unknown service code", body(t.jobcenter.id, { services: ["job_placement", "astrology"] }), "services.1"],
      ["a service twice", body(t.jobcenter.id, { services: ["job_placement", "job_placement"] }), "services"],
      ["an unknown field", body(t.jobcenter.id, { penalty: 100 }), "penalty"],
    ];
    for (const [what, b, path] of cases) {
      const problem = expectProblem(await t.adminClient.post(agreements, b), 400, "validation-error", [path]);
      expect(problem.errors?.length, what).toBeGreaterThan(0);
    }
    expect(await consentCounts.agreements(db, t.tenantId)).toBe(0);
    expect(await auditRows(db, t.tenantId, { action: "agreement.created" })).toEqual([]);
  });
});

describe("agreements", () => {
  it("concludes an agreement led by the tenant admin's organisation unless another lead is given", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const res = await t.adminClient.post(agreements, body(t.jobcenter.id));
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      leadOrganisationId: t.io.id,
      partnerOrganisationId: t.jobcenter.id,
      services: ["job_placement", "basic_income_support"],
      acknowledgeWithinDays: 3,
      firstAppointmentWithinDays: 10,
      validFrom: today(),
      validUntil: null,
      active: true,
      version: 1,
    });
    expect(await agreementRow(db, t.tenantId, a.id)).toMatchObject({
      leadOrganisationId: t.io.id,
      partnerOrganisationId: t.jobcenter.id,
      createdBy: t.admin.id,
    });
    expect(await auditRows(db, t.tenantId, { action: "agreement.created" })).toEqual([
      expect.objectContaining({ subjectId: a.id, actorUserId: t.admin.id }),
    ]);

    // Another lead, the boundaries of the day ranges, and a validity that has ended.
    const youthOffice = await t.organisation("youth_office");
    const kita = await t.organisation("kita");
    const other = await createAgreement(t.adminClient, kita.id, {
      leadOrganisationId: youthOffice.id,
      acknowledgeWithinDays: 0,
      firstAppointmentWithinDays: 120,
      services: [],
    });
    expect(other).toMatchObject({
      leadOrganisationId: youthOffice.id,
      partnerOrganisationId: kita.id,
      acknowledgeWithinDays: 0,
      firstAppointmentWithinDays: 120,
      active: true,
    });
    const ended = await createAgreement(t.adminClient, kita.id, {
      acknowledgeWithinDays: 60,
      validFrom: "2020-01-01",
      validUntil: daysFromToday(-1),
    });
    expect(ended).toMatchObject({ active: false, validUntil: daysFromToday(-1) });
    const future = await createAgreement(t.adminClient, kita.id, { validFrom: daysFromToday(1) });
    expect(future.active).toBe(false);
    expect(await consentCounts.agreements(db, t.tenantId)).toBe(4);
  });

  it("lists every agreement to the tenant admin and only its own organisation's to everyone else", async () => {
    const app = await getTestApp();
    const t = await consentTenant(app);
    const other = await consentTenant(app);
    const kita = await t.organisation("kita");
    const school = await t.organisation("school");
    const withJobcenter = await createAgreement(t.adminClient, t.jobcenter.id);
    const withKita = await createAgreement(t.adminClient, kita.id);
    const jobcenterLeads = await createAgreement(t.adminClient, kita.id, { leadOrganisationId: t.jobcenter.id });
    const elsewhere = await createAgreement(other.adminClient, other.jobcenter.id);
    const ids = async (c: typeof t.cm.client) => {
      const res = await c.get(agreements);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().nextCursor).toBeNull();
      return (res.json().items as { id: string }[]).map((x) => x.id);
    };
    expect(await ids(t.adminClient)).toEqual([withJobcenter.id, withKita.id, jobcenterLeads.id]);
    // The Jobcenter: as partner and as lead.
    expect(await ids(t.jc.client)).toEqual([withJobcenter.id, jobcenterLeads.id]);
    const kitaUser = await t.user(kita.id, "org_admin");
    expect(await ids(kitaUser.client)).toEqual([withKita.id, jobcenterLeads.id]);
    // The lead organisation's staff see the lead's agreements.
    expect(await ids(t.cm.client)).toEqual([withJobcenter.id, withKita.id]);
    const schoolUser = await t.user(school.id, "caseworker");
    expect(await ids(schoolUser.client)).toEqual([]);
    expect(await ids(other.adminClient)).toEqual([elsewhere.id]);
  });
});

describe("PATCH /agreements/:id", () => {
  it("answers 401, 403 to everyone but the tenant admin, 404 across tenants, 400 for bad input, 409 when stale", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const other = await consentTenant(app);
    const a = await createAgreement(t.adminClient, t.jobcenter.id, { validFrom: "2025-01-01" });
    const url = `${agreements}/${a.id}`;
    expectProblem(await client(app).patch(url, { acknowledgeWithinDays: 4 }), 401, "unauthenticated");
    for (const role of ["case_manager", "org_admin", "steering", "dpo"] as Role[]) {
      const u = await t.user(role === "org_admin" ? t.jobcenter.id : t.io.id, role);
      expectProblem(await u.client.patch(url, { acknowledgeWithinDays: 4 }), 403, "forbidden");
    }
    expectProblem(await other.adminClient.patch(url, { acknowledgeWithinDays: 4 }), 404, "not-found");
    const bad: [Record<string, unknown>, string][] = [
      [{ acknowledgeWithinDays: 61 }, "acknowledgeWithinDays"],
      [{ firstAppointmentWithinDays: -1 }, "firstAppointmentWithinDays"],
      [{ services: ["Leistungen SGB II"] }, "services.0"],
      [{ services: ["job_placement", "astrology"] }, "services.1"],
      [{ validUntil: "2024-12-31" }, "validUntil"],
      [{ partnerOrganisationId: t.io.id }, "partnerOrganisationId"],
    ];
    for (const [b, path] of bad) expectProblem(await t.adminClient.patch(url, b), 400, "validation-error", [path]);
    expectProblem(await t.adminClient.patch(url, { acknowledgeWithinDays: 4, version: 7 }), 409, "version-conflict");
    expect(await agreementRow(db, t.tenantId, a.id)).toMatchObject({ acknowledgeWithinDays: 3, version: 1 });
    expect(await auditRows(db, t.tenantId, { action: "agreement.updated" })).toEqual([]);
  });

  it("changes services, deadlines and the end of validity, and audits the change", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const a = await createAgreement(t.adminClient, t.jobcenter.id, {
      services: ["job_placement"],
      validFrom: "2025-01-01",
    });
    const res = await t.adminClient.patch(
      `${agreements}/${a.id}`,
      {
        services: ["job_placement", "basic_income_support"],
        firstAppointmentWithinDays: 20,
        validUntil: daysFromToday(-1),
      },
      { "if-match": '"1"' },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      services: ["job_placement", "basic_income_support"],
      acknowledgeWithinDays: 3,
      firstAppointmentWithinDays: 20,
      validUntil: daysFromToday(-1),
      active: false,
      version: 2,
    });
    const again = await t.adminClient.patch(`${agreements}/${a.id}`, { validUntil: null, version: 2 });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ validUntil: null, active: true, version: 3 });
    const rows = await auditRows(db, t.tenantId, { action: "agreement.updated" });
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual(
      expect.objectContaining({
        subjectId: a.id,
        details: {
          before: { services: ["job_placement"], firstAppointmentWithinDays: 10, validUntil: null },
          after: {
            services: ["job_placement", "basic_income_support"],
            firstAppointmentWithinDays: 20,
            validUntil: daysFromToday(-1),
          },
        },
      }),
    );
  });
});
