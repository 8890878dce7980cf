// API tests of consents: who may record and revoke them, validation that writes nothing, what an
// explicit, "all partners" and case-management consent opens (and nothing more), revocation and
// expiry taking effect on the next request, who sees which consents, protected provenance against
// immigration offices, and the consent form texts.
import { describe, expect, it } from "vitest";
import { type OrganisationType, protectedProvenanceTypes } from "../../platform/domain.js";
import { categories } from "../../platform/domain-categories.js";
import { today } from "../../platform/reference/partial-date.js";
import {
  addRecord,
  api,
  auditRows,
  caseFileTenant,
  documentRow,
  expectProblem,
  personLedByIntegrationOffice,
  recordConsent,
  recordRow,
  registerPerson,
  upload,
} from "../../test/case-file-factories.js";
import {
  type ConsentTenant,
  consentBody,
  consentCounts,
  consentRow,
  consentTenant,
  createAgreement,
  createLegalBasis,
  daysFromToday,
  listedPersonIds,
  markedPdf,
  markedRecord,
  readEverything,
} from "../../test/consent-factories.js";
import { type Client, client, getTestApp } from "../../test/test-app.js";
import { consentFormLanguages, consentForms } from "./consent-forms.js";

const consentsOf = (personId: string) => `${api}/persons/${personId}/consents`;
const revoke = (c: Client, id: string, body?: unknown) => c.post(`${api}/consents/${id}/revoke`, body);

/** Uploads a PDF (201 asserted). */
async function uploadDoc(c: Client, personId: string, category: string, marker: string) {
  const res = await upload(c, personId, markedPdf(marker), { category, title: marker });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe("recording a consent: who may", () => {
  it("answers 401 to an anonymous caller on every consent route and writes nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const consent = await recordConsent(t.cm.client, p.id, {
      recipientOrganisationIds: [t.jobcenter.id],
      categories: ["work"],
    });
    const anonymous = client(app);
    expectProblem(
      await anonymous.post(consentsOf(p.id), consentBody({ recipientOrganisationIds: [t.jobcenter.id] })),
      401,
      "unauthenticated",
    );
    expectProblem(await anonymous.get(consentsOf(p.id)), 401, "unauthenticated");
    expectProblem(await anonymous.get(`${api}/consents/${consent.id}`), 401, "unauthenticated");
    expectProblem(await revoke(anonymous, consent.id, { reason: "x" }), 401, "unauthenticated");
    expectProblem(await anonymous.get(`${api}/consent-forms/de`), 401, "unauthenticated");
    expect(await consentCounts.consents(db, t.tenantId)).toBe(1);
    expect((await consentRow(db, t.tenantId, consent.id))?.revokedAt).toBeNull();
  });

  it("answers 403 to the lead organisation's caseworker, to a partner that sees the person, to the former registrar and to roles without person data", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const p = await registerPerson(t.cm.client);
    await recordConsent(t.cm.client, p.id, { recipientOrganisationIds: [t.jobcenter.id], categories: ["work"] });
    const body = consentBody({ recipientOrganisationIds: [t.jobcenter.id], categories: ["health"] });
    const leadCaseworker = await t.user(t.io.id, "caseworker");
    // The lead organisation's caseworker sees the person but does not manage its consents.
    expect((await leadCaseworker.client.get(`${api}/persons/${p.id}`)).statusCode).toBe(200);
    expectProblem(await leadCaseworker.client.post(consentsOf(p.id), body), 403, "forbidden");
    // The partner sees the person through the consent, and may not widen it.
    expect((await t.jc.client.get(`${api}/persons/${p.id}`)).statusCode).toBe(200);
    expectProblem(await t.jc.client.post(consentsOf(p.id), body), 403, "forbidden");
    // The organisation that registered a person loses the consents to the lead once a case is opened.
    const led = await personLedByIntegrationOffice(t, t.jc.client);
    expectProblem(
      await t.jc.client.post(consentsOf(led.id), consentBody({ recipientOrganisationIds: [t.jobcenter.id] })),
      403,
      "forbidden",
    );
    for (const role of ["steering", "dpo", "volunteer"] as const) {
      const u = await t.user(t.io.id, role);
      expectProblem(await u.client.post(consentsOf(p.id), body), 403, "forbidden");
    }
    expectProblem(await t.adminClient.post(consentsOf(p.id), body), 403, "forbidden");
    // Only the two consents of the set-up: the first and the registrar's for the led person.
    expect(await consentCounts.consents(db, t.tenantId)).toBe(2);
  });

  it("answers 404 where the person does not exist for the caller, writing nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const other = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const body = consentBody({ recipientOrganisationIds: [t.jobcenter.id] });
    // The Jobcenter has no ground to see the person at all.
    expectProblem(await t.jc.client.post(consentsOf(p.id), body), 404, "not-found");
    expectProblem(await t.jc.client.get(consentsOf(p.id)), 404, "not-found");
    expectProblem(await t.cm.client.post(consentsOf(crypto.randomUUID()), body), 404, "not-found");
    // The case manager of another tenant, whose organisation is also a lead organisation.
    expectProblem(
      await other.cm.client.post(consentsOf(p.id), consentBody({ recipientOrganisationIds: [other.jobcenter.id] })),
      404,
      "not-found",
    );
    expectProblem(await t.cm.client.post(`${api}/persons/not-a-uuid/consents`, body), 400, "validation-error", [
      "params.id",
    ]);
    expect(await consentCounts.consents(db, t.tenantId)).toBe(0);
    expect(await consentCounts.consents(db, other.tenantId)).toBe(0);
  });
});

describe("recording a consent: validation", () => {
  it("answers 400 naming the field for bad bodies, and writes nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const base = consentBody({ recipientOrganisationIds: [t.jobcenter.id] });
    const cases: [string, Record<string, unknown>, string][] = [
      ["an unknown category", { categories: ["secrets"] }, "categories.0"],
      ["an unknown second category", { categories: ["work", "gossip"] }, "categories.1"],
      ["no categories", { categories: [] }, "categories"],
      ["no categories at all", { categories: undefined }, "categories"],
      [
        "neither recipients nor allPartners nor caseManagement",
        { recipientOrganisationIds: [], allPartners: false, caseManagement: false },
        "recipientOrganisationIds",
      ],
      ["a recipient that is no uuid", { recipientOrganisationIds: ["jobcenter"] }, "recipientOrganisationIds.0"],
      ["validUntil before validFrom", { validFrom: "2025-03-01", validUntil: "2025-02-28" }, "validUntil"],
      ["an impossible validFrom", { validFrom: "2025-02-30" }, "validFrom"],
      ["an impossible validUntil", { validUntil: "2031-13-01" }, "validUntil"],
      ["a partial validFrom", { validFrom: "2025-02" }, "validFrom"],
      ["no validFrom", { validFrom: undefined }, "validFrom"],
      ["an unknown method", { method: "telepathy" }, "method"],
      ["an unknown language", { language: "fr" }, "language"],
      ["an empty purpose", { purpose: "   " }, "purpose"],
      ["a proof document id that is no uuid", { proofDocumentId: "scan.pdf" }, "proofDocumentId"],
      ["an unknown field", { signedBy: "Amina" }, "signedBy"],
      ["allPartners as a string", { allPartners: "yes" }, "allPartners"],
    ];
    for (const [what, change, path] of cases) {
      const res = await t.cm.client.post(consentsOf(p.id), { ...base, ...change });
      const problem = expectProblem(res, 400, "validation-error", [path]);
      expect(problem.errors?.length, what).toBeGreaterThan(0);
    }
    expect(await consentCounts.consents(db, t.tenantId)).toBe(0);
    expect(await auditRows(db, t.tenantId, { action: "consent.recorded" })).toEqual([]);
  });

  it("answers 400 for recipients and proof documents the tenant or person does not have, naming the entry", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const other = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const sibling = await registerPerson(t.cm.client);
    const siblingDoc = await uploadDoc(t.cm.client, sibling.id, "identity", "Pass");
    const otherPerson = await registerPerson(other.cm.client);
    const otherDoc = await uploadDoc(other.cm.client, otherPerson.id, "identity", "Pass");
    const unknown = crypto.randomUUID();
    const cases: [string, Record<string, unknown>, string][] = [
      [
        "an unknown organisation",
        { recipientOrganisationIds: [t.jobcenter.id, unknown] },
        "recipientOrganisationIds.1",
      ],
      [
        "another tenant's organisation",
        { recipientOrganisationIds: [other.jobcenter.id] },
        "recipientOrganisationIds.0",
      ],
      // The index names the entry of the request, also after a repeated one.
      [
        "an unknown organisation after a repeated one",
        { recipientOrganisationIds: [t.jobcenter.id, t.jobcenter.id, unknown] },
        "recipientOrganisationIds.2",
      ],
      ["an unknown proof document", { proofDocumentId: unknown }, "proofDocumentId"],
      ["a document of another person", { proofDocumentId: siblingDoc.id }, "proofDocumentId"],
      ["a document of another tenant", { proofDocumentId: otherDoc.id }, "proofDocumentId"],
    ];
    for (const [what, change, path] of cases) {
      const res = await t.cm.client.post(
        consentsOf(p.id),
        consentBody({ recipientOrganisationIds: [t.jobcenter.id], ...change }),
      );
      const problem = expectProblem(res, 400, "validation-error", [path]);
      const paths = (problem.errors ?? []).map((e) => e.path);
      expect(paths, what).toEqual([path]);
    }
    expect(await consentCounts.consents(db, t.tenantId)).toBe(0);
  });
});

describe("recording a consent", () => {
  it("records a consent of the lead organisation's case manager: 201, active, form version, proof, audit", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const proof = await uploadDoc(t.cm.client, p.id, "identity", "Einwilligung unterschrieben");
    const until = daysFromToday(365);
    const res = await t.cm.client.post(consentsOf(p.id), {
      recipientOrganisationIds: [t.jobcenter.id, t.jobcenter.id],
      categories: ["work", "education", "work"],
      purpose: "Vermittlung in Arbeit und Sprachkurs",
      validFrom: today(),
      validUntil: until,
      method: "signed_form",
      proofDocumentId: proof.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      personId: p.id,
      recipientOrganisationIds: [t.jobcenter.id],
      allPartners: false,
      caseManagement: false,
      categories: ["work", "education"],
      purpose: "Vermittlung in Arbeit und Sprachkurs",
      validFrom: today(),
      validUntil: until,
      method: "signed_form",
      language: "de",
      formVersion: consentForms.de.version,
      proofDocumentId: proof.id,
      recordedByOrganisationId: t.io.id,
      status: "active",
      revokedAt: null,
      revocationReason: null,
      version: 1,
    });
    const row = await consentRow(db, t.tenantId, c.id);
    expect(row).toMatchObject({
      personId: p.id,
      recipientOrganisationIds: [t.jobcenter.id],
      categories: ["work", "education"],
      formVersion: consentForms.de.version,
      recordedBy: t.cm.id,
      recordedByOrganisationId: t.io.id,
      revokedAt: null,
    });
    const [event] = await auditRows(db, t.tenantId, { action: "consent.recorded" });
    expect(event).toMatchObject({
      subjectType: "consent",
      subjectId: c.id,
      personId: p.id,
      actorUserId: t.cm.id,
      actorOrganisationId: t.io.id,
      categories: ["work", "education"],
    });
    // Read back as recorded.
    const read = await t.cm.client.get(`${api}/consents/${c.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(c);

    // Another language records that language's form version; an explicit version is kept.
    const ar = await t.cm.client.post(
      consentsOf(p.id),
      consentBody({ allPartners: true, language: "ar", method: "verbal_witnessed" }),
    );
    expect(ar.statusCode, ar.body).toBe(201);
    expect(ar.json()).toMatchObject({ language: "ar", formVersion: consentForms.ar.version, allPartners: true });
    const given = await t.cm.client.post(
      consentsOf(p.id),
      consentBody({ caseManagement: true, method: "digital", formVersion: "2025-03-legal", validUntil: null }),
    );
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json()).toMatchObject({ formVersion: "2025-03-legal", caseManagement: true, validUntil: null });
    expect(await consentCounts.consents(db, t.tenantId)).toBe(3);
  });

  it("lets the registering organisation record consents while the person has no lead organisation", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.jc.client);
    expect(p.case.leadOrganisationId).toBeNull();
    expect(p.abilities.manageConsents).toBe(true);
    const c = await recordConsent(t.jc.client, p.id, { recipientOrganisationIds: [t.io.id], categories: ["identity"] });
    expect(c).toMatchObject({ recordedByOrganisationId: t.jobcenter.id, status: "active" });
    expect((await consentRow(db, t.tenantId, c.id))?.recordedBy).toBe(t.jc.id);
    // The integration office now sees whom the consent is about.
    expect((await t.cm.client.get(`${api}/persons/${p.id}`)).statusCode).toBe(200);
  });
});

describe("an explicit consent", () => {
  it("shows the named partner the identity and exactly the consented categories, nothing else", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client, { givenNames: "Yusuf" });
    const rec = {
      work: await addRecord(t.cm.client, p.id, "employment", markedRecord("work", "MARK-WORK").data),
      education: await addRecord(t.cm.client, p.id, "course_enrollment", markedRecord("education", "MARK-EDU").data),
      health: await addRecord(t.cm.client, p.id, "health_note", markedRecord("health", "MARK-HEALTH").data),
      notes: await addRecord(t.cm.client, p.id, "note", markedRecord("notes", "MARK-NOTES").data),
      residence: await addRecord(t.cm.client, p.id, "residence_status", markedRecord("residence", "").data),
    };
    const workDoc = await uploadDoc(t.cm.client, p.id, "work", "MARK-WORKDOC");
    const healthDoc = await uploadDoc(t.cm.client, p.id, "health", "MARK-HEALTHDOC");

    // Before the consent the person does not exist for the Jobcenter.
    expectProblem(await t.jc.client.get(`${api}/persons/${p.id}`), 404, "not-found");
    expectProblem(await t.jc.client.get(`${api}/persons/${p.id}/timeline`), 404, "not-found");
    expect(await listedPersonIds(t.jc.client)).not.toContain(p.id);

    const consent = await recordConsent(t.cm.client, p.id, {
      recipientOrganisationIds: [t.jobcenter.id],
      categories: ["work", "education"],
    });
    const seen = await readEverything(t.jc.client, p.id);
    expect(seen.person.givenNames).toBe("Yusuf");
    expect(seen.person.familyName).toBe(p.familyName);
    expect([...seen.person.access.openCategories].sort()).toEqual(["education", "identity", "work"]);
    expect(seen.person.access.closedCategories).toContainEqual({ category: "health", reason: "no-consent" });
    expect(seen.person.access.closedCategories).not.toContainEqual(expect.objectContaining({ category: "work" }));
    expect(seen.person.abilities.manageConsents).toBe(false);
    expect(seen.recordCategories).toEqual(["education", "work"]);
    expect(seen.recordIds.sort()).toEqual([rec.work.id, rec.education.id].sort());
    expect(seen.listedRecordIds.sort()).toEqual([rec.work.id, rec.education.id].sort());
    expect(seen.documentIds).toEqual([workDoc.id]);
    const hidden = [rec.health.id, rec.notes.id, rec.residence.id, healthDoc.id];
    for (const id of hidden) expect(seen.timelineIds).not.toContain(id);
    expect(seen.timelineIds).toEqual(expect.arrayContaining([rec.work.id, rec.education.id, workDoc.id]));
    for (const m of ["MARK-WORK", "MARK-EDU", "MARK-WORKDOC"]) expect(seen.text).toContain(m);
    for (const m of ["MARK-HEALTH", "MARK-NOTES", "MARK-HEALTHDOC", "aufenthg_25_2_1"])
      expect(seen.text, m).not.toContain(m);

    // A closed category asked for explicitly: 403 consent-required.
    for (const url of [
      `${api}/persons/${p.id}/records?category=health`,
      `${api}/persons/${p.id}/records?kind=note`,
      `${api}/persons/${p.id}/documents?category=health`,
      `${api}/persons/${p.id}/residence`,
    ]) {
      const problem = expectProblem(await t.jc.client.get(url), 403, "consent-required");
      expect(problem.detail ?? "").not.toContain("MARK");
    }
    expectProblem(await t.jc.client.get(`${api}/records/${rec.health.id}`), 404, "not-found");
    expectProblem(await t.jc.client.get(`${api}/documents/${healthDoc.id}`), 404, "not-found");
    expect((await t.jc.client.get(`${api}/records/${rec.work.id}`)).statusCode).toBe(200);
    expect(await listedPersonIds(t.jc.client)).toContain(p.id);

    // The Jobcenter's reads are audited with the consent as their ground.
    const reads = await auditRows(db, t.tenantId, { action: "person.read", actorUserId: t.jc.id, personId: p.id });
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]?.grounds).toContainEqual({ type: "consent", consentId: consent.id });
    expect(reads[0]?.categories).toEqual(expect.arrayContaining(["identity", "work", "education"]));
    expect(reads[0]?.categories).not.toContain("health");
  });
});

describe("revocation", () => {
  it("revokes with 200; the partner loses the person on its very next request", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const work = await addRecord(t.cm.client, p.id, "employment", markedRecord("work", "MARK-WORK").data);
    const consent = await recordConsent(t.cm.client, p.id, {
      recipientOrganisationIds: [t.jobcenter.id],
      categories: ["work"],
    });
    expect((await t.jc.client.get(`${api}/persons/${p.id}`)).statusCode).toBe(200);
    expect(await listedPersonIds(t.jc.client)).toContain(p.id);

    const res = await revoke(t.cm.client, consent.id, { reason: "Widerruf mündlich im Termin" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: consent.id,
      status: "revoked",
      revocationReason: "Widerruf mündlich im Termin",
      version: 2,
    });
    expect(res.json().revokedAt).not.toBeNull();
    const row = await consentRow(db, t.tenantId, consent.id);
    expect(row?.revokedAt).toBeInstanceOf(Date);
    expect(row?.revokedBy).toBe(t.cm.id);
    const [event] = await auditRows(db, t.tenantId, { action: "consent.revoked" });
    expect(event).toMatchObject({ subjectId: consent.id, personId: p.id, actorUserId: t.cm.id });

    expectProblem(await t.jc.client.get(`${api}/persons/${p.id}`), 404, "not-found");
    expectProblem(await t.jc.client.get(`${api}/persons/${p.id}/records`), 404, "not-found");
    expectProblem(await t.jc.client.get(`${api}/records/${work.id}`), 404, "not-found");
    expectProblem(await t.jc.client.get(`${api}/consents/${consent.id}`), 404, "not-found");
    expect(await listedPersonIds(t.jc.client)).not.toContain(p.id);
    // The lead organisation still lists the consent, now revoked.
    const list = await t.cm.client.get(consentsOf(p.id));
    expect(list.json().items).toEqual([expect.objectContaining({ id: consent.id, status: "revoked" })]);
  });

  it("answers 409 to a second revocation and changes nothing; the body may be left out", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const consent = await recordConsent(t.cm.client, p.id, {
      recipientOrganisationIds: [t.jobcenter.id],
      categories: ["work"],
    });
    const first = await revoke(t.cm.client, consent.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: "revoked", revocationReason: null });
    const before = await consentRow(db, t.tenantId, consent.id);
    expectProblem(await revoke(t.cm.client, consent.id, { reason: "noch einmal" }), 409, "conflict");
    const after = await consentRow(db, t.tenantId, consent.id);
    expect(after?.revokedAt?.getTime()).toBe(before?.revokedAt?.getTime());
    expect(after?.revocationReason).toBeNull();
    expect(after?.version).toBe(2);
    expect(await auditRows(db, t.tenantId, { action: "consent.revoked" })).toHaveLength(1);
  });

  it("answers 401, 404, 403 and 400 before revoking anything", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const other = await caseFileTenant(app);
    const agentur = await t.organisation("employment_agency");
    const p = await registerPerson(t.cm.client);
    const toJobcenter = await recordConsent(t.cm.client, p.id, {
      recipientOrganisationIds: [t.jobcenter.id],
      categories: ["work"],
    });
    const toAgentur = await recordConsent(t.cm.client, p.id, {
      recipientOrganisationIds: [agentur.id],
      categories: ["work"],
    });
    const toLead = await recordConsent(t.cm.client, p.id, { caseManagement: true, categories: ["notes"] });
    expectProblem(await revoke(client(app), toJobcenter.id), 401, "unauthenticated");
    expectProblem(await revoke(t.cm.client, crypto.randomUUID()), 404, "not-found");
    expectProblem(await revoke(other.cm.client, toJobcenter.id), 404, "not-found");
    // A consent that does not reach the Jobcenter does not exist for it.
    expectProblem(await revoke(t.jc.client, toAgentur.id), 404, "not-found");
    // One that reaches it, but that it does not manage.
    expectProblem(await revoke(t.jc.client, toJobcenter.id, { reason: "kein Bedarf" }), 403, "forbidden");
    // The lead organisation's caseworker: the case-management consent reaches its organisation.
    const leadCaseworker = await t.user(t.io.id, "caseworker");
    expectProblem(await revoke(leadCaseworker.client, toLead.id), 403, "forbidden");
    expectProblem(await revoke(t.cm.client, toJobcenter.id, { reason: "" }), 400, "validation-error", ["reason"]);
    expectProblem(await revoke(t.cm.client, toJobcenter.id, { why: "x" }), 400, "validation-error", ["why"]);
    expectProblem(await revoke(t.cm.client, "not-a-uuid"), 400, "validation-error", ["params.id"]);
    for (const c of [toJobcenter, toAgentur, toLead]) {
      const row = await consentRow(db, t.tenantId, c.id);
      expect(row).toMatchObject({ revokedAt: null, revokedBy: null, version: 1 });
    }
    expect(await auditRows(db, t.tenantId, { action: "consent.revoked" })).toEqual([]);
    // The Jobcenter still sees the person.
    expect((await t.jc.client.get(`${api}/persons/${p.id}`)).statusCode).toBe(200);
  });
});

describe("validity in time", () => {
  it("shows nothing through an expired consent, and everything through one valid until today", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const expired = await registerPerson(t.cm.client);
    await addRecord(t.cm.client, expired.id, "employment", markedRecord("work", "MARK-EXPIRED").data);
    const res = await t.cm.client.post(
      consentsOf(expired.id),
      consentBody({
        recipientOrganisationIds: [t.jobcenter.id],
        validFrom: "2020-01-01",
        validUntil: daysFromToday(-1),
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe("expired");
    expectProblem(await t.jc.client.get(`${api}/persons/${expired.id}`), 404, "not-found");
    expectProblem(await t.jc.client.get(`${api}/persons/${expired.id}/records`), 404, "not-found");
    expect(await listedPersonIds(t.jc.client)).not.toContain(expired.id);

    const lastDay = await registerPerson(t.cm.client);
    await addRecord(t.cm.client, lastDay.id, "employment", markedRecord("work", "MARK-LASTDAY").data);
    const c = await recordConsent(t.cm.client, lastDay.id, {
      recipientOrganisationIds: [t.jobcenter.id],
      categories: ["work"],
    });
    expect(c.status).toBe("active");
    const until = await t.cm.client.post(
      consentsOf(lastDay.id),
      consentBody({ recipientOrganisationIds: [t.jobcenter.id], validFrom: "2020-01-01", validUntil: today() }),
    );
    expect(until.json().status).toBe("active");
    await revoke(t.cm.client, c.id);
    // Still visible through the consent valid until today.
    const seen = await readEverything(t.jc.client, lastDay.id);
    expect(seen.text).toContain("MARK-LASTDAY");
    expect(await listedPersonIds(t.jc.client)).toContain(lastDay.id);
  });

  it("records a consent valid from tomorrow as pending, and it opens nothing yet", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    await addRecord(t.cm.client, p.id, "employment", markedRecord("work", "MARK-PENDING").data);
    const res = await t.cm.client.post(
      consentsOf(p.id),
      consentBody({ recipientOrganisationIds: [t.jobcenter.id], validFrom: daysFromToday(1) }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe("pending");
    expect((await consentRow(db, t.tenantId, res.json().id))?.validFrom).toBe(daysFromToday(1));
    expectProblem(await t.jc.client.get(`${api}/persons/${p.id}`), 404, "not-found");
    expectProblem(await t.jc.client.get(`${api}/consents/${res.json().id}`), 404, "not-found");
    expect(await listedPersonIds(t.jc.client)).not.toContain(p.id);
    const listed = await t.cm.client.get(consentsOf(p.id));
    expect(listed.json().items).toEqual([expect.objectContaining({ id: res.json().id, status: "pending" })]);
  });
});

describe("a consent to all partner organisations", () => {
  it("reaches partners with an active agreement with the lead organisation, and no one else", async () => {
    const app = await getTestApp();
    const t = await consentTenant(app);
    const noAgreement = await t.organisation("employment_agency");
    const expiredAgreement = await t.organisation("language_school");
    const futureAgreement = await t.organisation("jobcenter");
    const reverseAgreement = await t.organisation("other");
    await createAgreement(t.adminClient, t.jobcenter.id);
    await createAgreement(t.adminClient, expiredAgreement.id, {
      validFrom: "2020-01-01",
      validUntil: daysFromToday(-1),
    });
    await createAgreement(t.adminClient, futureAgreement.id, { validFrom: daysFromToday(1) });
    // An agreement the other way round (the partner leads) does not make it a partner of the lead.
    await createAgreement(t.adminClient, t.io.id, { leadOrganisationId: reverseAgreement.id });
    const outsiders = await Promise.all(
      [noAgreement, expiredAgreement, futureAgreement, reverseAgreement].map((o) => t.user(o.id, "caseworker")),
    );
    const p = await registerPerson(t.cm.client);
    await addRecord(t.cm.client, p.id, "employment", markedRecord("work", "MARK-ALL-WORK").data);
    await addRecord(t.cm.client, p.id, "health_note", markedRecord("health", "MARK-ALL-HEALTH").data);
    const consent = await recordConsent(t.cm.client, p.id, { allPartners: true, categories: ["work"] });
    expect(consent.recipientOrganisationIds).toEqual([]);

    const seen = await readEverything(t.jc.client, p.id);
    expect(seen.recordCategories).toEqual(["work"]);
    expect(seen.text).toContain("MARK-ALL-WORK");
    expect(seen.text).not.toContain("MARK-ALL-HEALTH");
    expect(await listedPersonIds(t.jc.client)).toContain(p.id);
    const jcConsents = await t.jc.client.get(consentsOf(p.id));
    expect(jcConsents.json().items.map((c: { id: string }) => c.id)).toEqual([consent.id]);

    for (const u of outsiders) {
      expectProblem(await u.client.get(`${api}/persons/${p.id}`), 404, "not-found");
      expectProblem(await u.client.get(`${api}/persons/${p.id}/timeline`), 404, "not-found");
      expectProblem(await u.client.get(`${api}/consents/${consent.id}`), 404, "not-found");
      expect(await listedPersonIds(u.client)).not.toContain(p.id);
    }
  });
});

describe("a consent to case management", () => {
  it("opens the consented categories to the lead organisation, which otherwise sees identity only", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    // Registered by the Jobcenter, led by the integration office.
    const p = await personLedByIntegrationOffice(t, t.jc.client, { givenNames: "Leyla" });
    const work = await addRecord(t.jc.client, p.id, "employment", markedRecord("work", "MARK-CM-WORK").data);
    const health = await addRecord(t.jc.client, p.id, "health_note", markedRecord("health", "MARK-CM-HEALTH").data);

    const before = await readEverything(t.cm.client, p.id);
    expect(before.person.givenNames).toBe("Leyla");
    expect(before.person.access.openCategories).toEqual(["identity"]);
    expect(before.recordIds).toEqual([]);
    expect(before.text).not.toContain("MARK-CM");
    expectProblem(await t.cm.client.get(`${api}/persons/${p.id}/records?category=work`), 403, "consent-required");
    expectProblem(await t.cm.client.get(`${api}/records/${work.id}`), 404, "not-found");

    const res = await t.cm.client.post(
      consentsOf(p.id),
      consentBody({ caseManagement: true, categories: ["work"], purpose: "Case Management" }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ caseManagement: true, recipientOrganisationIds: [], status: "active" });

    const after = await readEverything(t.cm.client, p.id);
    expect([...after.person.access.openCategories].sort()).toEqual(["identity", "work"]);
    expect(after.recordIds).toEqual([work.id]);
    expect(after.text).toContain("MARK-CM-WORK");
    expect(after.text).not.toContain("MARK-CM-HEALTH");
    expectProblem(await t.cm.client.get(`${api}/records/${health.id}`), 404, "not-found");
    // The consent is to the organisation: its other staff see the same.
    const leadCaseworker = await t.user(t.io.id, "caseworker");
    const colleague = await readEverything(leadCaseworker.client, p.id);
    expect(colleague.recordIds).toEqual([work.id]);
    const reads = await auditRows(db, t.tenantId, { action: "person.read", actorUserId: t.cm.id, personId: p.id });
    expect(reads.at(-1)?.grounds).toContainEqual({ type: "consent", consentId: res.json().id });
  });
});

describe("listing a person's consents", () => {
  it("shows the lead organisation every consent and a partner only those that reach it", async () => {
    const app = await getTestApp();
    const t = await consentTenant(app);
    const agentur = await t.organisation("employment_agency");
    const kita = await t.organisation("kita");
    const [agenturUser, kitaUser] = await Promise.all([
      t.user(agentur.id, "caseworker"),
      t.user(kita.id, "caseworker"),
    ]);
    const p = await registerPerson(t.cm.client);
    const toJobcenter = await recordConsent(t.cm.client, p.id, {
      recipientOrganisationIds: [t.jobcenter.id],
      categories: ["work"],
    });
    const toAgentur = await recordConsent(t.cm.client, p.id, {
      recipientOrganisationIds: [agentur.id],
      categories: ["benefits"],
    });
    const caseManagement = await recordConsent(t.cm.client, p.id, { caseManagement: true, categories: ["notes"] });
    const revoked = await recordConsent(t.cm.client, p.id, {
      recipientOrganisationIds: [t.jobcenter.id],
      categories: ["health"],
    });
    expect((await revoke(t.cm.client, revoked.id)).statusCode).toBe(200);
    const ids = async (c: Client) => {
      const res = await c.get(consentsOf(p.id));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().nextCursor).toBeNull();
      return (res.json().items as { id: string }[]).map((x) => x.id);
    };
    // Newest first.
    expect(await ids(t.cm.client)).toEqual([revoked.id, caseManagement.id, toAgentur.id, toJobcenter.id]);
    expect(await ids(t.jc.client)).toEqual([toJobcenter.id]);
    expect(await ids(agenturUser.client)).toEqual([toAgentur.id]);
    expect((await t.jc.client.get(`${api}/consents/${toJobcenter.id}`)).statusCode).toBe(200);
    expectProblem(await t.jc.client.get(`${api}/consents/${toAgentur.id}`), 404, "not-found");
    expectProblem(await t.jc.client.get(`${api}/consents/${revoked.id}`), 404, "not-found");
    expectProblem(await kitaUser.client.get(consentsOf(p.id)), 404, "not-found");
    expectProblem(await kitaUser.client.get(`${api}/consents/${toJobcenter.id}`), 404, "not-found");
    expectProblem(await client(app).get(consentsOf(p.id)), 401, "unauthenticated");
    const steering = await t.user(t.io.id, "steering");
    expectProblem(await steering.client.get(consentsOf(p.id)), 403, "forbidden");
    expectProblem(await t.adminClient.get(consentsOf(p.id)), 403, "forbidden");
  });
});

// ---------------------------------------------------------------------------------------------
// Protected provenance

const PROT = "MARK-PROTECTED-SCHOOL-4b2e";
const PROT_DOC = "MARK-PROTECTED-DOC-8d1f";
const OPEN = "MARK-OPEN-SCHOOL-5a0c";
const OPEN_DOC = "MARK-OPEN-DOC-2c9e";

/**
 * A person led by the integration office with a school record and a document of its own and a
 * protected school record and document created by a school; an immigration office and the
 * Jobcenter are partners under agreements; a consent to all partners covers "school".
 */
async function protectedScenario(t: ConsentTenant) {
  const school = await t.organisation("school");
  const abh = await t.organisation("immigration_office");
  const [schoolUser, abhUser] = await Promise.all([t.user(school.id, "caseworker"), t.user(abh.id, "caseworker")]);
  await createAgreement(t.adminClient, abh.id);
  await createAgreement(t.adminClient, t.jobcenter.id);
  const p = await registerPerson(t.cm.client);
  await recordConsent(t.cm.client, p.id, { recipientOrganisationIds: [school.id], categories: ["school"] });
  const open = await addRecord(t.cm.client, p.id, "school_enrollment", markedRecord("school", OPEN).data);
  const prot = await addRecord(schoolUser.client, p.id, "school_enrollment", markedRecord("school", PROT).data);
  const openDoc = await uploadDoc(t.cm.client, p.id, "school", OPEN_DOC);
  const protDoc = await uploadDoc(schoolUser.client, p.id, "school", PROT_DOC);
  const allPartners = await recordConsent(t.cm.client, p.id, { allPartners: true, categories: ["school"] });
  return { school, abh, schoolUser, abhUser, p, open, prot, openDoc, protDoc, allPartners };
}
type ProtectedScenario = Awaited<ReturnType<typeof protectedScenario>>;

async function expectProtectedHidden(c: Client, s: ProtectedScenario) {
  const seen = await readEverything(c, s.p.id);
  expect(seen.person.access.openCategories).toContain("school");
  expect(seen.person.access.closedCategories).toContainEqual({ category: "school", reason: "protected-provenance" });
  expect(seen.recordIds).toEqual([s.open.id]);
  expect(seen.listedRecordIds).toEqual([s.open.id]);
  expect(seen.documentIds).toEqual([s.openDoc.id]);
  expect(seen.timelineIds).not.toContain(s.prot.id);
  expect(seen.timelineIds).not.toContain(s.protDoc.id);
  expect(seen.text).toContain(OPEN);
  expect(seen.text).toContain(OPEN_DOC);
  expect(seen.text).not.toContain(PROT);
  expect(seen.text).not.toContain(PROT_DOC);
  const bySchool = await c.get(`${api}/persons/${s.p.id}/records?category=school`);
  expect(bySchool.statusCode).toBe(200);
  expect(bySchool.json().items.map((r: { id: string }) => r.id)).toEqual([s.open.id]);
  const docsBySchool = await c.get(`${api}/persons/${s.p.id}/documents?category=school`);
  expect(docsBySchool.json().items.map((d: { id: string }) => d.id)).toEqual([s.openDoc.id]);
  expectProblem(await c.get(`${api}/records/${s.prot.id}`), 404, "not-found");
  expectProblem(await c.get(`${api}/documents/${s.protDoc.id}`), 404, "not-found");
  expectProblem(await c.get(`${api}/documents/${s.protDoc.id}/content`), 404, "not-found");
}

async function expectProtectedShown(c: Client, s: ProtectedScenario) {
  const seen = await readEverything(c, s.p.id);
  expect(seen.person.access.closedCategories).not.toContainEqual(expect.objectContaining({ category: "school" }));
  expect(seen.recordIds.sort()).toEqual([s.open.id, s.prot.id].sort());
  expect(seen.documentIds.sort()).toEqual([s.openDoc.id, s.protDoc.id].sort());
  expect(seen.timelineIds).toEqual(expect.arrayContaining([s.prot.id, s.protDoc.id]));
  expect(seen.text).toContain(PROT);
  expect(seen.text).toContain(PROT_DOC);
  const record = await c.get(`${api}/records/${s.prot.id}`);
  expect(record.statusCode).toBe(200);
  expect(record.json().protected).toBe(true);
  expect((await c.get(`${api}/documents/${s.protDoc.id}/content`)).statusCode).toBe(200);
}

describe("protected provenance", () => {
  it("marks records and documents created by schools, Kitas, youth and health offices, welfare and counselling as protected", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const unprotectedTypes: OrganisationType[] = [
      "immigration_office",
      "jobcenter",
      "employment_agency",
      "language_school",
      "integration_office",
      "other",
    ];
    const types: OrganisationType[] = [...protectedProvenanceTypes, ...unprotectedTypes];
    expect(protectedProvenanceTypes).toEqual(
      expect.arrayContaining(["school", "kita", "youth_office", "health_office", "welfare", "migration_counselling"]),
    );
    const orgs = await Promise.all(types.map((type) => t.organisation(type)));
    await recordConsent(t.cm.client, p.id, { recipientOrganisationIds: orgs.map((o) => o.id), categories: ["notes"] });
    for (const [i, type] of types.entries()) {
      const org = orgs[i];
      if (!org) throw new Error("organisation missing");
      const u = await t.user(org.id, "caseworker");
      const expected = protectedProvenanceTypes.includes(type);
      const rec = await addRecord(u.client, p.id, "note", { text: `Vermerk ${type}` });
      expect(rec.protected, type).toBe(expected);
      expect((await recordRow(db, t.tenantId, rec.id))?.protected, type).toBe(expected);
      const doc = await uploadDoc(u.client, p.id, "notes", `Dokument ${type}`);
      expect((await documentRow(db, t.tenantId, doc.id))?.protected, type).toBe(expected);
    }
    // The lead organisation's own records are not protected.
    const own = await addRecord(t.cm.client, p.id, "note", { text: "Vermerk Case Management" });
    expect(own.protected).toBe(false);
  });

  it("keeps protected records and documents from an immigration office that has only a consent to all partners", async () => {
    const app = await getTestApp();
    const t = await consentTenant(app);
    const s = await protectedScenario(t);
    expect(s.prot.protected).toBe(true);
    expect(s.open.protected).toBe(false);
    await expectProtectedHidden(s.abhUser.client, s);
    // A consent naming the immigration office for another category does not open the protected school data.
    await recordConsent(t.cm.client, s.p.id, { recipientOrganisationIds: [s.abh.id], categories: ["work"] });
    await expectProtectedHidden(s.abhUser.client, s);
    // Nor does a legal basis for another category.
    await createLegalBasis(t.adminClient, s.abh.id, ["residence"]);
    await expectProtectedHidden(s.abhUser.client, s);
  });

  it("shows a Jobcenter under the same consent the protected records: the protection is against immigration offices", async () => {
    const app = await getTestApp();
    const t = await consentTenant(app);
    const s = await protectedScenario(t);
    await expectProtectedShown(t.jc.client, s);
  });

  it("opens protected records to an immigration office through a consent naming it and the category", async () => {
    const app = await getTestApp();
    const t = await consentTenant(app);
    const s = await protectedScenario(t);
    await expectProtectedHidden(s.abhUser.client, s);
    const explicit = await recordConsent(t.cm.client, s.p.id, {
      recipientOrganisationIds: [s.abh.id],
      categories: ["school"],
    });
    await expectProtectedShown(s.abhUser.client, s);
    // Revoked, the protection applies again on the next request.
    expect((await revoke(t.cm.client, explicit.id)).statusCode).toBe(200);
    await expectProtectedHidden(s.abhUser.client, s);
  });

  it("opens protected records to an immigration office through a legal basis for the category", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const s = await protectedScenario(t);
    const basis = await createLegalBasis(t.adminClient, s.abh.id, ["school"]);
    await expectProtectedShown(s.abhUser.client, s);
    const reads = await auditRows(db, t.tenantId, { action: "person.read", actorUserId: s.abhUser.id });
    expect(reads.at(-1)?.grounds).toContainEqual({ type: "legal_basis", legalBasisId: basis.id });
    const revoked = await t.adminClient.post(`${api}/legal-bases/${basis.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    await expectProtectedHidden(s.abhUser.client, s);
  });
});

// ---------------------------------------------------------------------------------------------
// Consent forms

describe("consent forms", () => {
  it.each(consentFormLanguages)(
    "serves the form in %s with every category label, marked for legal review",
    async (lang) => {
      const app = await getTestApp();
      const t = await caseFileTenant(app);
      const res = await t.jc.client.get(`${api}/consent-forms/${lang}`);
      expect(res.statusCode, res.body).toBe(200);
      const form = res.json();
      expect(form).toEqual(JSON.parse(JSON.stringify(consentForms[lang])));
      expect(form.language).toBe(lang);
      expect(form.legalReviewRequired).toBe(true);
      expect(form.direction).toBe(lang === "ar" || lang === "fa" ? "rtl" : "ltr");
      expect(typeof form.version).toBe("string");
      expect(Object.keys(form.categories).sort()).toEqual([...categories].sort());
      for (const c of categories) expect(form.categories[c].trim().length, `${lang} ${c}`).toBeGreaterThan(0);
      for (const key of ["title", "intro", "allPartners", "caseManagement", "revocation", "voluntary", "signature"])
        expect(String(form[key]).trim().length, `${lang} ${key}`).toBeGreaterThan(0);
      if (lang !== "de") {
        // Translated, not the German text under another language code.
        expect(form.title).not.toBe(consentForms.de.title);
        expect(form.categories.health).not.toBe(consentForms.de.categories.health);
      }
    },
  );

  it("answers 400 for a language without a form, and every signed-in role may read the forms", async () => {
    const app = await getTestApp();
    const t = await consentTenant(app);
    expectProblem(await t.cm.client.get(`${api}/consent-forms/fr`), 400, "validation-error", ["params.language"]);
    expectProblem(await t.cm.client.get(`${api}/consent-forms/DE`), 400, "validation-error", ["params.language"]);
    const volunteer = await t.user(t.io.id, "volunteer");
    expect((await volunteer.client.get(`${api}/consent-forms/uk`)).statusCode).toBe(200);
    expect((await t.adminClient.get(`${api}/consent-forms/fa`)).statusCode).toBe(200);
  });
});
