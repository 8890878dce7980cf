// API tests of referrals: who may send and act, bad input that changes nothing, every transition
// and every illegal one, the concurrent accept, due dates across weekends and the holidays of
// several federal states, the referral as access ground 4 (and its end), notifications, the
// overdue sweep and the SLA figure.
import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../platform/db/client.js";
import { tenants } from "../../platform/identity/identity.tables.js";
import {
  addRecord,
  api,
  auditRows,
  type CaseFileTenant,
  caseFileTenant,
  expectProblem,
  recordConsent,
  registerPerson,
} from "../../test/case-file-factories.js";
import { createAgreement } from "../../test/consent-factories.js";
import { login } from "../../test/factories.js";
import { type Client, client, getTestApp } from "../../test/test-app.js";
import { agreements } from "../agreements/agreements.tables.js";
import { notifications } from "../notifications/notifications.tables.js";
import { systemSweepOverdueReferrals } from "./referral-overdue.js";
import { referrals } from "./referrals.tables.js";

const referralCount = async (db: Db, tenantId: string) =>
  (await db.select({ id: referrals.id }).from(referrals).where(eq(referrals.tenantId, tenantId))).length;

/**
 * A person whose case the integration office leads, with a case-management consent for identity,
 * work, education and health, and a consent naming the Jobcenter for identity, work and education
 * (the consent to case management alone opens nothing to another organisation).
 */
async function referablePerson(t: CaseFileTenant) {
  const person = await registerPerson(t.cm.client, { givenNames: "Rania", birthDate: "1991-05-02" });
  expect((await t.cm.client.post(`${api}/persons/${person.id}/case/open`, {})).statusCode).toBe(200);
  // Valid since 2020, so that tests may move the clock back to a fixed date.
  await recordConsent(t.cm.client, person.id, {
    caseManagement: true,
    categories: ["identity", "work", "education", "health"],
    validFrom: "2020-01-01",
  });
  await recordConsent(t.cm.client, person.id, {
    recipientOrganisationIds: [t.jobcenter.id],
    categories: ["identity", "work", "education"],
    validFrom: "2020-01-01",
  });
  await addRecord(t.cm.client, person.id, "employment", { status: "job_seeking", employer: "WORK-MARKER" });
  await addRecord(t.cm.client, person.id, "health_note", { text: "HEALTH-MARKER" });
  return person as { id: string };
}

const send = (c: Client, body: Record<string, unknown>) => c.post(`${api}/referrals`, body);

async function sentReferral(t: CaseFileTenant, personId: string, extra: Record<string, unknown> = {}) {
  const res = await send(t.cm.client, {
    personId,
    toOrganisationId: t.jobcenter.id,
    service: "job_placement",
    message: "Bitte Beratung zur Arbeitsaufnahme",
    sharedCategories: ["work"],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

afterEach(() => {
  vi.useRealTimers();
});

describe("sending a referral", () => {
  it("answers 401 without a session, 403 to roles without person data, 400 to a malformed body", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    expectProblem(await send(client(app), { personId: p.id }), 401, "unauthenticated");
    const steering = await t.user(t.io.id, "steering");
    expectProblem(
      await send(steering.client, { personId: p.id, toOrganisationId: t.jobcenter.id, service: "job_placement" }),
      403,
      "forbidden",
    );
    expectProblem(
      await send(t.cm.client, {
        personId: "nope",
        toOrganisationId: t.jobcenter.id,
        service: "x",
        sharedCategories: ["x"],
      }),
      400,
      "validation-error",
      ["personId", "sharedCategories.0"],
    );
    expect(await referralCount(app.database.db, t.tenantId)).toBe(0);
  });

  it("refuses unknown and own organisations, unknown services, uncovered categories and invisible persons, changing nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    const base = {
      personId: p.id,
      toOrganisationId: t.jobcenter.id,
      service: "job_placement",
      sharedCategories: ["work"],
    };
    expectProblem(
      await send(t.cm.client, { ...base, toOrganisationId: crypto.randomUUID() }),
      400,
      "validation-error",
      ["toOrganisationId"],
    );
    expectProblem(await send(t.cm.client, { ...base, toOrganisationId: t.io.id }), 400, "validation-error", [
      "toOrganisationId",
    ]);
    expectProblem(await send(t.cm.client, { ...base, service: "astrology" }), 400, "validation-error", ["service"]);
    expectProblem(await send(t.cm.client, { ...base, sharedCategories: [] }), 400, "validation-error", [
      "sharedCategories",
    ]);
    // housing is not covered by any consent
    expectProblem(
      await send(t.cm.client, { ...base, sharedCategories: ["work", "housing"] }),
      403,
      "consent-required",
      ["sharedCategories.1"],
    );
    // The Jobcenter does not see this person at all: 404, as for a person that does not exist.
    const hidden = await registerPerson(t.cm.client, { givenNames: "Verborgen" });
    expectProblem(
      await send(t.jc.client, { ...base, personId: hidden.id, toOrganisationId: t.io.id }),
      404,
      "not-found",
    );
    expect(await referralCount(db, t.tenantId)).toBe(0);
    const inbox = await db.select().from(notifications).where(eq(notifications.tenantId, t.tenantId));
    expect(inbox).toHaveLength(0);
  });

  it("derives the due dates from the agreement, in working days of the tenant's federal state", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const admin = await login(app, t.admin.email);
    await createAgreement(admin, t.jobcenter.id, {
      acknowledgeWithinDays: 1,
      firstAppointmentWithinDays: 3,
      services: ["job_placement"],
    });
    // Concluded long ago, so that the clock may move back to fixed dates.
    await db.update(agreements).set({ validFrom: "2020-01-01" }).where(eq(agreements.tenantId, t.tenantId));
    const p = await referablePerson(t);
    const cases: { state: string; sentOn: string; ack: string; appt: string }[] = [
      // Thursday before Easter: Good Friday, the weekend and Easter Monday are not working days.
      { state: "NW", sentOn: "2026-04-02", ack: "2026-04-07", appt: "2026-04-09" },
      // Friday: the weekend does not count.
      { state: "NW", sentOn: "2026-11-20", ack: "2026-11-23", appt: "2026-11-25" },
      // Corpus Christi (4 June 2026) is a holiday in NW and BY, not in Berlin.
      { state: "NW", sentOn: "2026-06-03", ack: "2026-06-05", appt: "2026-06-09" },
      { state: "BY", sentOn: "2026-06-03", ack: "2026-06-05", appt: "2026-06-09" },
      { state: "BE", sentOn: "2026-06-03", ack: "2026-06-04", appt: "2026-06-08" },
      // Buß- und Bettag (18 November 2026) only in Saxony.
      { state: "SN", sentOn: "2026-11-17", ack: "2026-11-19", appt: "2026-11-23" },
      { state: "TH", sentOn: "2026-11-17", ack: "2026-11-18", appt: "2026-11-20" },
      // Christmas and the weekend after it (Christmas Eve is a working day).
      { state: "HH", sentOn: "2025-12-23", ack: "2025-12-24", appt: "2025-12-30" },
    ];
    for (const c of cases) {
      await db.update(tenants).set({ federalState: c.state }).where(eq(tenants.id, t.tenantId));
      vi.useFakeTimers({ toFake: ["Date"], now: new Date(`${c.sentOn}T09:00:00+01:00`) });
      const r = await sentReferral(t, p.id);
      vi.useRealTimers();
      expect([c.state, r.acknowledgeBy, r.firstAppointmentBy]).toEqual([c.state, c.ack, c.appt]);
      expect(r.agreementId).not.toBeNull();
    }
  });

  it("uses the tenant's default deadlines without an agreement", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-20T09:00:00+01:00") });
    const r = await sentReferral(t, p.id);
    vi.useRealTimers();
    expect(r.agreementId).toBeNull();
    // defaults: 5 and 15 working days (NW)
    expect(r.acknowledgeBy).toBe("2026-11-27");
    expect(r.firstAppointmentBy).toBe("2026-12-11");
  });
});

describe("referral transitions", () => {
  it("accept then complete: only the receiver, with the outcome; audited and notified", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    const r = await sentReferral(t, p.id);
    expect(r.status).toBe("sent");
    expect(r.abilities).toEqual({ accept: false, decline: false, complete: false, withdraw: true });
    // The sender may not accept its own referral.
    expectProblem(await t.cm.client.post(`${api}/referrals/${r.id}/accept`, {}), 403, "forbidden");
    const jcView = await t.jc.client.get(`${api}/referrals/${r.id}`);
    expect(jcView.statusCode).toBe(200);
    expect(jcView.json().abilities).toEqual({ accept: true, decline: true, complete: false, withdraw: false });
    expect(jcView.json().person.givenNames).toBe("Rania");
    // Completing before accepting is out of order.
    expectProblem(
      await t.jc.client.post(`${api}/referrals/${r.id}/complete`, { outcome: "service_provided" }),
      409,
      "conflict",
    );
    const accepted = await t.jc.client.post(`${api}/referrals/${r.id}/accept`, {
      firstAppointmentOn: "2026-12-01",
      note: "Termin vereinbart",
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // The deprecated date-only form still works: the date without a time.
    expect(accepted.json()).toMatchObject({
      status: "accepted",
      firstAppointmentOn: "2026-12-01",
      firstAppointmentAt: null,
      version: 2,
    });
    expectProblem(await t.jc.client.post(`${api}/referrals/${r.id}/accept`, {}), 409, "conflict");
    expectProblem(
      await t.jc.client.post(`${api}/referrals/${r.id}/decline`, { reason: "no_capacity" }),
      409,
      "conflict",
    );
    expectProblem(
      await t.jc.client.post(`${api}/referrals/${r.id}/complete`, { outcome: "made-up" }),
      400,
      "validation-error",
      ["outcome"],
    );
    expectProblem(
      await t.jc.client.post(`${api}/referrals/${r.id}/complete`, { outcome: "service_provided", version: 1 }),
      409,
      "version-conflict",
    );
    const done = await t.jc.client.post(`${api}/referrals/${r.id}/complete`, {
      outcome: "service_provided",
      note: "Vermittelt in Ausbildung",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: "completed", outcome: "service_provided", version: 3 });
    expectProblem(await t.cm.client.post(`${api}/referrals/${r.id}/withdraw`, {}), 409, "conflict");
    const actions = (await auditRows(db, t.tenantId, { personId: p.id })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["referral.sent", "referral.accepted", "referral.completed"]));
    // The sender heard of the acceptance and the completion; the Jobcenter of the new referral,
    // which the clerk has since opened and acted on, so it is read.
    const cmInbox = (await t.cm.client.get(`${api}/notifications`)).json().items.map((n: { kind: string }) => n.kind);
    expect(cmInbox).toEqual(["referral.completed", "referral.accepted"]);
    const jcInbox = await t.jc.client.get(`${api}/notifications`);
    expect(
      jcInbox.json().items.map((n: { kind: string; readAt: string | null }) => [n.kind, n.readAt !== null]),
    ).toEqual([["referral.received", true]]);
    expect(JSON.stringify(jcInbox.json())).not.toContain("Rania");
  });

  it("decline needs a reason; withdraw only by the sender; nothing moves after an end state", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    const a = await sentReferral(t, p.id);
    expectProblem(await t.jc.client.post(`${api}/referrals/${a.id}/decline`, {}), 400, "validation-error", ["reason"]);
    const declined = await t.jc.client.post(`${api}/referrals/${a.id}/decline`, {
      reason: "not_responsible",
      note: "Zuständig ist die Agentur",
    });
    expect(declined.json()).toMatchObject({ status: "declined", declineReason: "not_responsible" });
    for (const action of ["accept", "decline", "complete", "withdraw"]) {
      const c = action === "withdraw" ? t.cm.client : t.jc.client;
      const body = action === "decline" ? { reason: "other" } : action === "complete" ? { outcome: "other" } : {};
      expect((await c.post(`${api}/referrals/${a.id}/${action}`, body)).statusCode, action).toBe(409);
    }
    const b = await sentReferral(t, p.id);
    expectProblem(await t.jc.client.post(`${api}/referrals/${b.id}/withdraw`, {}), 403, "forbidden");
    const withdrawn = await t.cm.client.post(`${api}/referrals/${b.id}/withdraw`, { reason: "Person verzogen" });
    expect(withdrawn.json()).toMatchObject({ status: "withdrawn", withdrawReason: "Person verzogen" });
    const c = await sentReferral(t, p.id);
    await t.jc.client.post(`${api}/referrals/${c.id}/accept`, {});
    const w2 = await t.cm.client.post(`${api}/referrals/${c.id}/withdraw`, {});
    expect(w2.json().status).toBe("withdrawn");
    // A third organisation does not know the referral.
    const other = await t.user((await t.organisation("welfare")).id, "caseworker");
    expectProblem(await other.client.get(`${api}/referrals/${c.id}`), 404, "not-found");
    expectProblem(await other.client.post(`${api}/referrals/${c.id}/withdraw`, {}), 404, "not-found");
  });

  it("two clerks accepting at once: exactly one succeeds", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    const second = await t.user(t.jobcenter.id, "caseworker");
    for (let i = 0; i < 3; i++) {
      const r = await sentReferral(t, p.id);
      const results = await Promise.all([
        t.jc.client.post(`${api}/referrals/${r.id}/accept`, {}),
        second.client.post(`${api}/referrals/${r.id}/accept`, {}),
      ]);
      const codes = results.map((x) => x.statusCode).sort();
      expect(codes).toEqual([200, 409]);
      const now = (await t.jc.client.get(`${api}/referrals/${r.id}`)).json();
      expect(now).toMatchObject({ status: "accepted", version: 2 });
    }
  });
});

describe("a referral as access ground", () => {
  it("is a ground while running for what a consent reaching the receiver covers; not after", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    const r = await sentReferral(t, p.id);
    const seen = await t.jc.client.get(`${api}/persons/${p.id}?include=records`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain("WORK-MARKER");
    // health is in the consent to case management only: never the Jobcenter's.
    expect(seen.body).not.toContain("HEALTH-MARKER");
    const list = await t.jc.client.get(`${api}/persons?q=Rania`);
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(p.id);
    const read = (await auditRows(db, t.tenantId, { personId: p.id, action: "person.read" })).at(-1);
    expect(read?.grounds).toContainEqual({ type: "referral", referralId: r.id });
    expectProblem(await t.jc.client.get(`${api}/persons/${p.id}/records?category=health`), 403, "consent-required");
    await t.jc.client.post(`${api}/referrals/${r.id}/accept`, {});
    await t.jc.client.post(`${api}/referrals/${r.id}/complete`, { outcome: "service_provided" });
    // Ended: the referral is no ground any more; the consent naming the Jobcenter still is.
    expect((await t.jc.client.get(`${api}/persons/${p.id}`)).statusCode).toBe(200);
    const later = (await auditRows(db, t.tenantId, { personId: p.id, action: "person.read" })).at(-1);
    expect(later?.grounds).not.toContainEqual({ type: "referral", referralId: r.id });
    const after = (await t.jc.client.get(`${api}/referrals/${r.id}`)).json();
    expect(after.outcome).toBe("service_provided");
  });

  it("ends with the consent: revocation acts on the next request", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    await sentReferral(t, p.id);
    expect((await t.jc.client.get(`${api}/persons/${p.id}`)).statusCode).toBe(200);
    const consents = (await t.cm.client.get(`${api}/persons/${p.id}/consents`)).json().items as {
      id: string;
      caseManagement: boolean;
    }[];
    for (const c of consents) {
      expect((await t.cm.client.post(`${api}/consents/${c.id}/revoke`, { reason: "test" })).statusCode).toBe(200);
    }
    expect((await t.jc.client.get(`${api}/persons/${p.id}`)).statusCode).toBe(404);
  });

  it("never opens protected records to an immigration office", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    const abh = await t.organisation("immigration_office");
    // "All partners" reaches the immigration office through its agreement with the lead.
    await createAgreement(await login(app, t.admin.email), abh.id);
    await recordConsent(t.cm.client, p.id, { caseManagement: true, categories: ["school"] });
    await recordConsent(t.cm.client, p.id, { allPartners: true, categories: ["school"] });
    const school = await t.organisation("school");
    const teacher = await t.user(school.id, "caseworker");
    await recordConsent(t.cm.client, p.id, { recipientOrganisationIds: [school.id], categories: ["school"] });
    await addRecord(teacher.client, p.id, "school_enrollment", {
      school: "PROTECTED-SCHOOL",
      classType: "international",
    });
    await addRecord(t.cm.client, p.id, "school_enrollment", { school: "LEAD-SCHOOL", classType: "regular" });
    const clerk = await t.user(abh.id, "caseworker");
    const res = await send(t.cm.client, {
      personId: p.id,
      toOrganisationId: abh.id,
      service: "residence_matters",
      sharedCategories: ["school"],
    });
    expect(res.statusCode, res.body).toBe(201);
    const seen = await clerk.client.get(`${api}/persons/${p.id}?include=records`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain("LEAD-SCHOOL");
    expect(seen.body).not.toContain("PROTECTED-SCHOOL");
    expect(seen.json().access.closedCategories).toContainEqual({ category: "school", reason: "protected-provenance" });
  });

  it("offers only the categories a consent covers", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    const options = await t.cm.client.get(`${api}/persons/${p.id}/referral-options?toOrganisationId=${t.jobcenter.id}`);
    // health is in the consent to case management only, which never reaches another organisation.
    expect(options.json().shareableCategories).toEqual(["identity", "education", "work"]);
    expect(options.json().unshareable).toEqual([{ category: "health", reason: "no-consent-reaches-receiver" }]);
    const hidden = await registerPerson(t.cm.client, { givenNames: "Verborgen" });
    expectProblem(await t.jc.client.get(`${api}/persons/${hidden.id}/referral-options`), 404, "not-found");
  });
});

describe("inbox, overdue and SLA", () => {
  it("lists incoming and outgoing with status and due filters", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    const a = await sentReferral(t, p.id);
    const b = await sentReferral(t, p.id);
    await t.jc.client.post(`${api}/referrals/${b.id}/accept`, {});
    await db.update(referrals).set({ acknowledgeBy: "2020-01-01" }).where(eq(referrals.id, a.id));
    const ids = async (c: Client, q: string) =>
      ((await c.get(`${api}/referrals?${q}`)).json().items as { id: string }[]).map((x) => x.id);
    expect(await ids(t.jc.client, "direction=incoming")).toEqual([b.id, a.id]);
    expect(await ids(t.jc.client, "direction=outgoing")).toEqual([]);
    expect(await ids(t.cm.client, "direction=outgoing&status=accepted")).toEqual([b.id]);
    expect(await ids(t.jc.client, "direction=incoming&due=overdue")).toEqual([a.id]);
    const overdue = (await t.jc.client.get(`${api}/referrals/${a.id}`)).json();
    expect(overdue).toMatchObject({ overdue: true, overdueKind: "acknowledge" });
    expectProblem(await t.jc.client.get(`${api}/referrals?status=lost`), 400, "validation-error");
  });

  it("the sweep flags overdue referrals once and notifies both organisations' admins and the sender", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const jcHead = await t.user(t.jobcenter.id, "org_admin");
    const p = await referablePerson(t);
    const r = await sentReferral(t, p.id);
    await db.update(referrals).set({ acknowledgeBy: "2020-01-01" }).where(eq(referrals.id, r.id));
    expect(await systemSweepOverdueReferrals(db)).toBeGreaterThanOrEqual(1);
    expect(await systemSweepOverdueReferrals(db)).toBe(0);
    const overdueFor = async (userId: string) =>
      db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, userId),
            eq(notifications.kind, "referral.overdue"),
            eq(notifications.subjectId, r.id),
          ),
        );
    expect(await overdueFor(jcHead.id)).toHaveLength(1);
    expect(await overdueFor(t.admin.id)).toHaveLength(1);
    expect(await overdueFor(t.cm.id)).toHaveLength(1);
    expect((await jcHead.client.get(`${api}/notifications/unread-count`)).json().count).toBeGreaterThanOrEqual(1);
    // Accepting late, then missing the first appointment too, is a second notice.
    await t.jc.client.post(`${api}/referrals/${r.id}/accept`, {});
    await db.update(referrals).set({ firstAppointmentBy: "2020-01-02" }).where(eq(referrals.id, r.id));
    expect(await systemSweepOverdueReferrals(db)).toBeGreaterThanOrEqual(1);
    expect(await overdueFor(jcHead.id)).toHaveLength(2);
  });

  it("serves the SLA figure per receiving organisation, suppressing small counts", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const steering = await t.user(t.io.id, "steering");
    const p = await referablePerson(t);
    const kita = await t.organisation("kita");
    await t.user(kita.id, "caseworker");
    await recordConsent(t.cm.client, p.id, { recipientOrganisationIds: [kita.id], categories: ["identity"] });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await sentReferral(t, p.id)).id);
    await sentReferral(t, p.id, {
      toOrganisationId: kita.id,
      service: "childcare_place",
      sharedCategories: ["identity"],
    });
    // 4 acknowledged in time, 1 late, 1 still open and overdue.
    for (const id of ids.slice(0, 5)) await t.jc.client.post(`${api}/referrals/${id}/accept`, {});
    await db
      .update(referrals)
      .set({ respondedAt: sql`${referrals.acknowledgeBy}::timestamp + interval '3 days'` })
      .where(eq(referrals.id, ids[4] as string));
    await db
      .update(referrals)
      .set({ acknowledgeBy: "2020-01-01" })
      .where(eq(referrals.id, ids[5] as string));
    expectProblem(await t.jc.client.get(`${api}/referrals/sla`), 403, "forbidden");
    // The ability /auth/me announces (the web app shows the page by it) is the route's rule.
    const jcHead = await t.user(t.jobcenter.id, "org_admin");
    for (const u of [t.jc, t.cm, steering, jcHead]) {
      const me = (await u.client.get(`${api}/auth/me`)).json();
      const status = (await u.client.get(`${api}/referrals/sla`)).statusCode;
      expect(status, me.user.role).toBe(me.abilities.viewReferralReports ? 200 : 403);
      expect(me.abilities.manageSettings).toBe(false);
    }
    expectProblem(await steering.client.get(`${api}/referrals/sla?from=2026-02-30`), 400, "validation-error");
    const sla = await steering.client.get(`${api}/referrals/sla`);
    expect(sla.statusCode, sla.body).toBe(200);
    const jc = sla.json().items.find((x: { organisationId: string }) => x.organisationId === t.jobcenter.id);
    expect(jc).toMatchObject({
      received: 6,
      acknowledged: 5,
      acknowledgedInTime: 4,
      overdueOpen: 1,
      suppressed: false,
    });
    expect(jc.shareInTime).toBeCloseTo(4 / 6, 3);
    expect(jc.medianDaysToAcknowledge).toBe(0);
    const k = sla.json().items.find((x: { organisationId: string }) => x.organisationId === kita.id);
    expect(k).toMatchObject({ received: 1, suppressed: true, shareInTime: null });
  });
});

describe("the access report", () => {
  it("names the receiving organisation's reads of a referred person with the referral as ground", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const dpo = await t.user(t.io.id, "dpo");
    const p = await referablePerson(t);
    const r = await sentReferral(t, p.id);
    expect((await t.jc.client.get(`${api}/referrals/${r.id}`)).statusCode).toBe(200);
    expect((await t.jc.client.get(`${api}/persons/${p.id}`)).statusCode).toBe(200);
    const report = await dpo.client.get(`${api}/persons/${p.id}/access-log`);
    expect(report.statusCode, report.body).toBe(200);
    const text = JSON.stringify(report.json());
    expect(text).toContain("referral.read");
    expect(text).toContain(r.id);
    expect(text).toContain(t.jobcenter.id);
  });
});

describe("a receiver nobody can act on", () => {
  it("refuses a referral to an organisation without an active person-data user, until a caseworker exists", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    // Like the demo's volunteer initiative: a coordinator and a volunteer, neither works with person data.
    const initiative = await t.organisation("volunteer_initiative");
    await t.user(initiative.id, "volunteer_coordinator");
    await t.user(initiative.id, "volunteer");
    const body = {
      personId: p.id,
      toOrganisationId: initiative.id,
      service: "job_placement",
      sharedCategories: ["work"],
    };
    const receivesReferrals = async () => {
      const items = (await t.cm.client.get(`${api}/organisations?limit=200`)).json().items as {
        id: string;
        receivesReferrals: boolean;
      }[];
      const flag = (id: string) => items.find((o) => o.id === id)?.receivesReferrals;
      return { initiative: flag(initiative.id), jobcenter: flag(t.jobcenter.id) };
    };
    // The Refer dialog's receiver list says so.
    expect(await receivesReferrals()).toEqual({ initiative: false, jobcenter: true });
    const refused = expectProblem(await send(t.cm.client, body), 409, "receiver-cannot-act", ["toOrganisationId"]);
    expect(refused.detail).toMatch(/nobody there could act on a referral/);
    expect(refused.errors?.[0]).toMatchObject({ path: "toOrganisationId", code: "receiver_cannot_act" });
    // A caseworker who left (deactivated) does not count either.
    const former = await t.user(initiative.id, "caseworker");
    await db.execute(sql`update users set active = false where id = ${former.id}::uuid`);
    expectProblem(await send(t.cm.client, body), 409, "receiver-cannot-act");
    expect(await referralCount(db, t.tenantId)).toBe(0);
    expect(await db.select().from(notifications).where(eq(notifications.tenantId, t.tenantId))).toHaveLength(0);

    const caseworker = await t.user(initiative.id, "caseworker");
    expect((await t.cm.client.get(`${api}/organisations/${initiative.id}`)).json().receivesReferrals).toBe(true);
    await recordConsent(t.cm.client, p.id, { recipientOrganisationIds: [initiative.id], categories: ["work"] });
    const sent = await send(t.cm.client, body);
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await caseworker.client.get(`${api}/notifications/unread-count`)).json().count).toBe(1);
  });
});

describe("notifications follow the referral", () => {
  const unread = async (c: Client) => (await c.get(`${api}/notifications/unread-count`)).json().count as number;

  it("opening, accepting, declining, completing and withdrawing mark the actor's notifications about it read", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    const second = await t.user(t.jobcenter.id, "caseworker");
    const a = await sentReferral(t, p.id);
    expect([await unread(t.jc.client), await unread(second.client)]).toEqual([1, 1]);
    // Opening the detail is reading it, for that clerk only.
    expect((await t.jc.client.get(`${api}/referrals/${a.id}`)).statusCode).toBe(200);
    expect([await unread(t.jc.client), await unread(second.client)]).toEqual([0, 1]);
    // Accepting without opening it first (e.g. from a list) reads it too.
    expect((await second.client.post(`${api}/referrals/${a.id}/accept`, {})).statusCode).toBe(200);
    expect(await unread(second.client)).toBe(0);
    expect(await unread(t.cm.client)).toBe(1);
    expect((await t.jc.client.post(`${api}/referrals/${a.id}/complete`, { outcome: "other" })).statusCode).toBe(200);
    expect(await unread(t.cm.client)).toBe(2);
    expect((await t.cm.client.get(`${api}/referrals/${a.id}`)).statusCode).toBe(200);
    expect(await unread(t.cm.client)).toBe(0);

    const b = await sentReferral(t, p.id);
    expect((await t.jc.client.post(`${api}/referrals/${b.id}/decline`, { reason: "no_capacity" })).statusCode).toBe(
      200,
    );
    expect(await unread(t.jc.client)).toBe(0);
    // The other clerk's notice about b stays until they act or open it.
    expect(await unread(second.client)).toBe(1);

    const c = await sentReferral(t, p.id);
    await t.jc.client.post(`${api}/referrals/${c.id}/accept`, {});
    expect(await unread(t.cm.client)).toBe(2); // b declined, c accepted
    expect((await t.cm.client.post(`${api}/referrals/${c.id}/withdraw`, {})).statusCode).toBe(200);
    expect(await unread(t.cm.client)).toBe(1); // only b's decline is left
  });

  it("every notification links to something its recipient may open: the tenant admin's escalation to the deadline figures", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const admin = await login(app, t.admin.email);
    const jcHead = await t.user(t.jobcenter.id, "org_admin");
    const ioHead = await t.user(t.io.id, "org_admin");
    const p = await referablePerson(t);
    const r = await sentReferral(t, p.id);
    await db.update(referrals).set({ acknowledgeBy: "2020-01-01" }).where(eq(referrals.id, r.id));
    expect(await systemSweepOverdueReferrals(db)).toBeGreaterThanOrEqual(1);
    const recipients = [
      { name: "tenant admin", client: admin, expected: "referral_sla" },
      { name: "Jobcenter admin", client: jcHead.client, expected: "subject" },
      { name: "integration office admin", client: ioHead.client, expected: "subject" },
      { name: "sender", client: t.cm.client, expected: "subject" },
    ];
    for (const u of recipients) {
      const items = (await u.client.get(`${api}/notifications`)).json().items as {
        kind: string;
        subjectId: string;
        target: string;
      }[];
      const notice = items.find((n) => n.kind === "referral.overdue" && n.subjectId === r.id);
      expect(notice?.target, u.name).toBe(u.expected);
      // The link answers for its recipient.
      const linked = notice?.target === "subject" ? `${api}/referrals/${r.id}` : `${api}/referrals/sla`;
      expect((await u.client.get(linked)).statusCode, u.name).toBe(200);
    }
    // The referral itself is not the tenant admin's to open.
    expect((await admin.get(`${api}/referrals/${r.id}`)).statusCode).toBe(403);
  });
});

describe("the first appointment", () => {
  it("is accepted as a date-time with offset, shown with its time, its date taken in Europe/Berlin", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    const r = await sentReferral(t, p.id);
    const accept = (body: Record<string, unknown>) => t.jc.client.post(`${api}/referrals/${r.id}/accept`, body);
    const noOffset = expectProblem(await accept({ firstAppointmentAt: "2026-12-01T09:30" }), 400, "validation-error", [
      "firstAppointmentAt",
    ]);
    expect(noOffset.errors?.[0]?.code).toBe("invalid_format");
    expectProblem(
      await accept({ firstAppointmentAt: "2026-12-01T09:30:00+01:00", firstAppointmentOn: "2026-12-01" }),
      400,
      "validation-error",
      ["firstAppointmentOn"],
    );
    // 23:30 UTC on 1 December is half past midnight on 2 December in Germany.
    const accepted = await accept({ firstAppointmentAt: "2026-12-01T23:30:00Z", note: "Raum 204" });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      firstAppointmentAt: "2026-12-01T23:30:00.000Z",
      firstAppointmentOn: "2026-12-02",
    });
    expect((await t.jc.client.get(`${api}/referrals/${r.id}`)).json().firstAppointmentAt).toBe(
      "2026-12-01T23:30:00.000Z",
    );
    const audited = (await auditRows(db, t.tenantId, { personId: p.id, action: "referral.accepted" })).at(-1);
    expect(JSON.stringify(audited?.details)).toContain("2026-12-01T23:30:00.000Z");
  });

  it("is overdue when the appointment's German date lies after the deadline, not when it meets it", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    const onTime = await sentReferral(t, p.id);
    const late = await sentReferral(t, p.id);
    const none = await sentReferral(t, p.id);
    // 22:30 UTC is 23:30 on the 10th in Berlin (winter time); 23:30 UTC is already the 11th.
    await t.jc.client.post(`${api}/referrals/${onTime.id}/accept`, { firstAppointmentAt: "2026-01-10T22:30:00Z" });
    await t.jc.client.post(`${api}/referrals/${late.id}/accept`, { firstAppointmentAt: "2026-01-10T23:30:00Z" });
    await t.jc.client.post(`${api}/referrals/${none.id}/accept`, {});
    await db
      .update(referrals)
      .set({ firstAppointmentBy: "2026-01-10" })
      .where(sql`${referrals.id} in (${onTime.id}::uuid, ${late.id}::uuid, ${none.id}::uuid)`);
    const kind = async (id: string) => (await t.jc.client.get(`${api}/referrals/${id}`)).json().overdueKind;
    expect([await kind(onTime.id), await kind(late.id), await kind(none.id)]).toEqual([
      null,
      "first_appointment",
      "first_appointment",
    ]);
    const listed = (
      (await t.jc.client.get(`${api}/referrals?direction=incoming&due=overdue`)).json().items as {
        id: string;
      }[]
    ).map((x) => x.id);
    expect(listed.sort()).toEqual([late.id, none.id].sort());
    await systemSweepOverdueReferrals(db);
    const flagged = await db
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.tenantId, t.tenantId), sql`${referrals.overdueNotifiedAt} is not null`));
    expect(flagged.map((x) => x.id).sort()).toEqual([late.id, none.id].sort());
  });
});

describe("field errors", () => {
  it("carry a stable code (and its limits) beside the English message, for clients to translate", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await referablePerson(t);
    const res = await send(t.cm.client, {
      personId: "nope",
      service: "   ",
      message: "x".repeat(4001),
      sharedCategories: ["work"],
      colour: "blue",
    });
    const problem = expectProblem(res, 400, "validation-error");
    const byPath = new Map((problem.errors ?? []).map((e) => [e.path, e]));
    expect(byPath.get("personId")).toMatchObject({ code: "invalid_format", params: { format: "uuid" } });
    expect(byPath.get("toOrganisationId")).toMatchObject({ code: "required" });
    expect(byPath.get("service")).toMatchObject({ code: "required" });
    expect(byPath.get("message")).toMatchObject({ code: "too_big", params: { maximum: 4000, origin: "string" } });
    expect(byPath.get("colour")).toMatchObject({ code: "unknown_field", message: "Unknown field" });
    for (const e of problem.errors ?? []) expect(typeof e.message).toBe("string");
    // The handler's own checks carry codes too.
    const uncovered = expectProblem(
      await send(t.cm.client, {
        personId: p.id,
        toOrganisationId: t.jobcenter.id,
        service: "job_placement",
        sharedCategories: ["housing"],
      }),
      403,
      "consent-required",
      ["sharedCategories.0"],
    );
    expect(uncovered.errors?.[0]?.code).toBe("consent_required");
    const unknown = expectProblem(
      await send(t.cm.client, {
        personId: p.id,
        toOrganisationId: t.jobcenter.id,
        service: "astrology",
        sharedCategories: ["work"],
      }),
      400,
      "validation-error",
      ["service"],
    );
    expect(unknown.errors?.[0]?.code).toBe("invalid_value");
  });
});
