// What a referral may share, and what an immigration office sees: the consent to case management
// covers the lead organisation's own work and never opens data to another organisation; toward an
// immigration office health, family and notes are confidential (they open only through a consent
// naming it and the category, or a legal basis); plan items follow the records they concern.
import { describe, expect, it } from "vitest";
import {
  addRecord,
  api,
  type CaseFileTenant,
  caseFileTenant,
  expectProblem,
  recordConsent,
  registerPerson,
} from "../../test/case-file-factories.js";
import { createAgreement } from "../../test/consent-factories.js";
import { login } from "../../test/factories.js";
import { getTestApp } from "../../test/test-app.js";

const note = "Angst vor der Abschiebung des Bruders";
const allCategories = ["identity", "residence", "work", "health", "family", "notes"];

/** A person led by the integration centre with records in the categories, and an immigration office. */
async function setting(t: CaseFileTenant) {
  const p = await registerPerson(t.cm.client, { givenNames: "Layla" });
  expect((await t.cm.client.post(`${api}/persons/${p.id}/case/open`, {})).statusCode).toBe(200);
  await recordConsent(t.cm.client, p.id, { caseManagement: true, categories: allCategories });
  await addRecord(t.cm.client, p.id, "residence_status", { type: "duldung" });
  await addRecord(t.cm.client, p.id, "note", { text: note });
  await addRecord(t.cm.client, p.id, "health_note", { text: "HEALTH-MARKER" });
  await addRecord(t.cm.client, p.id, "family_note", { text: "FAMILY-MARKER" });
  const abh = await t.organisation("immigration_office");
  const clerk = await t.user(abh.id, "caseworker");
  const options = async (to: string) =>
    (await t.cm.client.get(`${api}/persons/${p.id}/referral-options?toOrganisationId=${to}`)).json();
  const refer = (to: string, sharedCategories: string[]) =>
    t.cm.client.post(`${api}/referrals`, {
      personId: p.id,
      toOrganisationId: to,
      service: "residence_matters",
      sharedCategories,
    });
  return { p, abh, clerk, options, refer };
}

describe("what a referral may share", () => {
  it("offers nothing and refuses a referral when only the consent to case management holds the data", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const { p, abh, clerk, options, refer } = await setting(t);
    const o = await options(abh.id);
    expect(o.shareableCategories).toEqual([]);
    expect(o.unshareable).toContainEqual({ category: "notes", reason: "confidential" });
    expect(o.unshareable).toContainEqual({ category: "residence", reason: "no-consent-reaches-receiver" });
    expectProblem(await refer(abh.id, ["notes"]), 403, "consent-required", ["sharedCategories.0"]);
    expectProblem(await refer(abh.id, ["residence"]), 403, "consent-required", ["sharedCategories.0"]);
    // Nothing was sent: the immigration office does not know the person.
    expectProblem(await clerk.client.get(`${api}/persons/${p.id}`), 404, "not-found");
    const search = await clerk.client.get(`${api}/persons?q=Layla`);
    expect(search.body).not.toContain(p.id);
    // The same for the Jobcenter: case management reaches no partner.
    expect((await options(t.jobcenter.id)).shareableCategories).toEqual([]);
  });

  it("a consent to all partners reaches the immigration office, but never for health, family or notes", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const { p, abh, clerk, options, refer } = await setting(t);
    await createAgreement(await login(app, t.admin.email), abh.id);
    await recordConsent(t.cm.client, p.id, { allPartners: true, categories: allCategories });
    const o = await options(abh.id);
    expect(o.shareableCategories).toEqual(["identity", "residence", "work"]);
    for (const category of ["health", "family", "notes"])
      expect(o.unshareable).toContainEqual({ category, reason: "confidential" });
    expectProblem(await refer(abh.id, ["residence", "notes"]), 403, "consent-required", ["sharedCategories.1"]);
    const sent = await refer(abh.id, ["residence"]);
    expect(sent.statusCode, sent.body).toBe(201);
    const seen = await clerk.client.get(`${api}/persons/${p.id}?include=records`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain("duldung");
    for (const marker of [note, "HEALTH-MARKER", "FAMILY-MARKER"]) expect(seen.body).not.toContain(marker);
    for (const category of ["health", "family", "notes"]) {
      expect(seen.json().access.closedCategories).toContainEqual({ category, reason: "confidential" });
      expectProblem(
        await clerk.client.get(`${api}/persons/${p.id}/records?category=${category}`),
        403,
        "consent-required",
      );
    }
    const timeline = await clerk.client.get(`${api}/persons/${p.id}/timeline`);
    expect(timeline.statusCode).toBe(200);
    expect(timeline.body).not.toContain(note);
    // The same consent opens notes to a partner that is not an immigration office.
    await createAgreement(await login(app, t.admin.email), t.jobcenter.id);
    const jc = await t.jc.client.get(`${api}/persons/${p.id}?include=records`);
    expect(jc.body).toContain(note);
    expect((await options(t.jobcenter.id)).shareableCategories).toContain("notes");
  });

  it("a consent naming the immigration office and the category, or a legal basis, opens it", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const { p, abh, clerk, options } = await setting(t);
    await recordConsent(t.cm.client, p.id, { recipientOrganisationIds: [abh.id], categories: ["notes"] });
    expect((await options(abh.id)).shareableCategories).toEqual(["notes"]);
    const seen = await clerk.client.get(`${api}/persons/${p.id}?include=records`);
    expect(seen.body).toContain(note);
    expect(seen.body).not.toContain("HEALTH-MARKER");
    const admin = await login(app, t.admin.email);
    const lb = await admin.post(`${api}/legal-bases`, {
      organisationId: abh.id,
      categories: ["health"],
      citation: "§ 87 Abs. 2 AufenthG (test)",
      validFrom: "2020-01-01",
    });
    expect(lb.statusCode, lb.body).toBe(201);
    expect((await clerk.client.get(`${api}/persons/${p.id}?include=records`)).body).toContain("HEALTH-MARKER");
  });

  it("an immigration office with only confidential categories of an all-partners consent does not see the person", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const { p, abh, clerk } = await setting(t);
    await createAgreement(await login(app, t.admin.email), abh.id);
    await recordConsent(t.cm.client, p.id, { allPartners: true, categories: ["health", "notes"] });
    expectProblem(await clerk.client.get(`${api}/persons/${p.id}`), 404, "not-found");
    expect((await clerk.client.get(`${api}/persons?q=Layla`)).body).not.toContain(p.id);
  });

  it("a partner's referral to the lead opens nothing of the lead's to the partner", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const { p } = await setting(t);
    const consent = await recordConsent(t.cm.client, p.id, {
      recipientOrganisationIds: [t.jobcenter.id],
      categories: ["identity", "work"],
    });
    const r = await t.jc.client.post(`${api}/referrals`, {
      personId: p.id,
      toOrganisationId: t.io.id,
      service: "social_counselling",
      sharedCategories: ["work"],
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((await t.cm.client.post(`${api}/consents/${consent.id}/revoke`, { reason: "widerrufen" })).statusCode).toBe(
      200,
    );
    // The referral the Jobcenter sent is no ground for the Jobcenter.
    expectProblem(await t.jc.client.get(`${api}/persons/${p.id}`), 404, "not-found");
  });
});

describe("the integration plan follows the records it concerns", () => {
  it("hides measures and referral outcomes of protected provenance from an immigration office", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const { p, abh, clerk } = await setting(t);
    await recordConsent(t.cm.client, p.id, { caseManagement: true, categories: ["childcare", "school"] });
    const kita = await t.organisation("kita");
    const kitaUser = await t.user(kita.id, "caseworker");
    await recordConsent(t.cm.client, p.id, { recipientOrganisationIds: [kita.id], categories: ["childcare"] });
    const goal = (
      await t.cm.client.post(`${api}/persons/${p.id}/plan/goals`, { domain: "childcare", title: "Kita-Platz" })
    ).json();
    const referral = await t.cm.client.post(`${api}/referrals`, {
      personId: p.id,
      toOrganisationId: kita.id,
      service: "childcare_place",
      sharedCategories: ["childcare"],
      goalId: goal.id,
    });
    expect(referral.statusCode, referral.body).toBe(201);
    await kitaUser.client.post(`${api}/referrals/${referral.json().id}/accept`, {});
    const done = await kitaUser.client.post(`${api}/referrals/${referral.json().id}/complete`, {
      outcome: "service_provided",
      note: "KITA-OUTCOME-NOTE",
    });
    expect(done.statusCode, done.body).toBe(200);
    await t.cm.client.post(`${api}/plan/goals/${goal.id}/measures`, {
      title: "KITA-MEASURE",
      responsibleOrganisationId: kita.id,
    });
    const conference = await t.cm.client.post(`${api}/persons/${p.id}/plan/conferences`, {
      heldOn: "2026-11-20",
      participants: [{ name: "Fallkonferenz" }],
      notes: "CONFERENCE-NOTES",
      decisions: [],
    });
    expect(conference.statusCode, conference.body).toBe(201);
    // The lead sees all of it.
    const lead = await t.cm.client.get(`${api}/persons/${p.id}/plan`);
    for (const m of ["KITA-OUTCOME-NOTE", "KITA-MEASURE", "CONFERENCE-NOTES"]) expect(lead.body).toContain(m);
    // The immigration office, on a consent to all partners for childcare and notes and a referral.
    await createAgreement(await login(app, t.admin.email), abh.id);
    await recordConsent(t.cm.client, p.id, { allPartners: true, categories: ["identity", "childcare", "notes"] });
    const plan = await clerk.client.get(`${api}/persons/${p.id}/plan`);
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json().goals.map((g: { id: string }) => g.id)).toEqual([goal.id]);
    for (const m of ["KITA-OUTCOME-NOTE", "KITA-MEASURE", "CONFERENCE-NOTES"]) expect(plan.body).not.toContain(m);
    // A Jobcenter on the same consent sees what records of the category it would see.
    await createAgreement(await login(app, t.admin.email), t.jobcenter.id);
    const jc = await t.jc.client.get(`${api}/persons/${p.id}/plan`);
    for (const m of ["KITA-OUTCOME-NOTE", "KITA-MEASURE", "CONFERENCE-NOTES"]) expect(jc.body).toContain(m);
  });
});
