// The case-file read derives the audit row's categories and grounds from the records in SQL, in
// the statement that reads them: these tests pin that row to what the access module's functions
// say for the same records (groundsForItem per record, uniqueGrounds over them), for a partner
// with a consent, a legal basis and records of its own, and for the lead organisation.
import { beforeAll, describe, expect, it } from "vitest";
import { groundsForItem, personAccessOrThrow, uniqueGrounds } from "../../platform/access/person-access.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { OrganisationType, Role } from "../../platform/domain.js";
import type { Category } from "../../platform/domain-categories.js";
import { addRecord, api, auditRows, recordConsent, registerPerson } from "../../test/case-file-factories.js";
import { consentTenant, createLegalBasis, markedRecord } from "../../test/consent-factories.js";
import { getTestApp, type TestApp } from "../../test/test-app.js";

beforeAll(async () => {
  await getTestApp();
});

const actorOf = (
  tenantId: string,
  user: { id: string; email: string },
  organisation: { id: string; type: OrganisationType },
  role: Role,
): Actor => ({
  tenantId,
  userId: user.id,
  organisationId: organisation.id,
  organisationType: organisation.type,
  role,
  name: "",
  email: user.email,
  locale: "de",
  sessionId: "",
  secondFactorDone: true,
  totpEnabled: false,
});

/** The audit row of the read as the access module computes it from the records read. */
async function expectedAudit(app: TestApp, actor: Actor, personId: string, read: { records?: RecordSeen[] }) {
  const access = await personAccessOrThrow(app.database.db, actor, personId);
  const records = read.records ?? [];
  return {
    categories: [...new Set<string>(["identity", ...records.map((r) => r.category)])],
    grounds: uniqueGrounds([access.open.get("identity") ?? [], ...records.map((r) => groundsForItem(access, r))]),
  };
}

type RecordSeen = { category: Category; ownerOrganisationId: string };

describe("case-file read audit", () => {
  it("names identity and each category read, and each ground once in the order met", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const p = await registerPerson(t.cm.client);
    for (const category of ["work", "notes", "housing"] as const) {
      const r = markedRecord(category, `CM-${category}`);
      await addRecord(t.cm.client, p.id, r.kind, r.data);
    }
    const consent = await recordConsent(t.cm.client, p.id, {
      recipientOrganisationIds: [t.jobcenter.id],
      categories: ["work", "notes"],
    });
    const basis = await createLegalBasis(t.adminClient, t.jobcenter.id, ["work", "benefits"]);
    const own = markedRecord("work", "JC-work");
    await addRecord(t.jc.client, p.id, own.kind, own.data);
    const benefits = markedRecord("benefits", "JC-benefits");
    await addRecord(t.jc.client, p.id, benefits.kind, benefits.data);

    const readers = [
      { user: t.jc, actor: actorOf(t.tenantId, t.jc, t.jobcenter, "caseworker") },
      { user: t.cm, actor: actorOf(t.tenantId, t.cm, t.io, "case_manager") },
    ];
    for (const { user, actor } of readers) {
      for (const query of ["?include=records", ""]) {
        const res = await user.client.get(`${api}/persons/${p.id}${query}`);
        expect(res.statusCode, res.body).toBe(200);
        const rows = await auditRows(db, t.tenantId, { action: "person.read", actorUserId: user.id });
        const row = rows[rows.length - 1];
        expect(row).toMatchObject({
          subjectType: "person",
          subjectId: p.id,
          personId: p.id,
          actorOrganisationId: actor.organisationId,
          actorRole: actor.role,
          purpose: null,
          details: {},
          ...(await expectedAudit(app, actor, p.id, res.json())),
        });
      }
    }
    // The partner's read met the consent, the legal basis and its own records: every ground once.
    const partnerRows = await auditRows(db, t.tenantId, { action: "person.read", actorUserId: t.jc.id });
    expect(partnerRows[0]?.grounds).toEqual(
      expect.arrayContaining([
        { type: "consent", consentId: consent.id },
        { type: "legal_basis", legalBasisId: basis.id },
        { type: "ownership" },
      ]),
    );
    expect(partnerRows[0]?.categories).toEqual(["identity", "benefits", "notes", "work"]);
  });
});
