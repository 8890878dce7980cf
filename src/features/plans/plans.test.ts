// API tests of the integration plan: who may read and shape it, goals per domain seen by category,
// measures with a responsible organisation, a referral's outcome on its measure, case conferences
// whose decisions become measures, and bad input that changes nothing.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  api,
  auditRows,
  type CaseFileTenant,
  caseFileTenant,
  expectProblem,
  recordConsent,
  registerPerson,
} from "../../test/case-file-factories.js";
import { client, getTestApp } from "../../test/test-app.js";
import { caseConferences, planGoals, planMeasures } from "./plans.tables.js";

async function ledPerson(t: CaseFileTenant) {
  const person = await registerPerson(t.cm.client, { givenNames: "Omid" });
  expect((await t.cm.client.post(`${api}/persons/${person.id}/case/open`, {})).statusCode).toBe(200);
  await recordConsent(t.cm.client, person.id, {
    caseManagement: true,
    categories: ["identity", "work", "education", "health"],
  });
  // What the Jobcenter may see: a consent naming it (case management never reaches another organisation).
  await recordConsent(t.cm.client, person.id, { recipientOrganisationIds: [t.jobcenter.id], categories: ["work"] });
  return person as { id: string };
}

describe("integration plan", () => {
  it("401, 403 and 404 before anything; bad input writes nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await ledPerson(t);
    expectProblem(await client(app).get(`${api}/persons/${p.id}/plan`), 401, "unauthenticated");
    const steering = await t.user(t.io.id, "steering");
    expectProblem(await steering.client.get(`${api}/persons/${p.id}/plan`), 403, "forbidden");
    const kita = await t.user((await t.organisation("kita")).id, "caseworker");
    expectProblem(await kita.client.get(`${api}/persons/${p.id}/plan`), 404, "not-found");
    expectProblem(
      await t.cm.client.post(`${api}/persons/${p.id}/plan/goals`, { domain: "cooking", title: "" }),
      400,
      "validation-error",
      ["domain", "title"],
    );
    const goal = (
      await t.cm.client.post(`${api}/persons/${p.id}/plan/goals`, { domain: "work", title: "Arbeit finden" })
    ).json();
    expectProblem(
      await t.cm.client.post(`${api}/plan/goals/${goal.id}/measures`, {
        title: "Bewerbungstraining",
        responsibleOrganisationId: crypto.randomUUID(),
      }),
      400,
      "validation-error",
      ["responsibleOrganisationId"],
    );
    expectProblem(
      await t.cm.client.post(`${api}/persons/${p.id}/plan/conferences`, {
        heldOn: "2026-11-20",
        participants: [{ name: "Frau Kaya" }],
        decisions: [
          { text: "ok", measure: { goalId: goal.id, title: "A", responsibleOrganisationId: t.jobcenter.id } },
          {
            text: "bad",
            measure: { goalId: crypto.randomUUID(), title: "B", responsibleOrganisationId: t.jobcenter.id },
          },
        ],
      }),
      400,
      "validation-error",
      ["decisions.1.measure.goalId"],
    );
    // The conference and its first decision's measure were rolled back with the second's error.
    expect(await db.select().from(caseConferences).where(eq(caseConferences.personId, p.id))).toHaveLength(0);
    expect(await db.select().from(planMeasures).where(eq(planMeasures.personId, p.id))).toHaveLength(0);
  });

  it("goals and measures; the Jobcenter sees the work goal through its consent and updates only its measure's status", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await ledPerson(t);
    const work = (
      await t.cm.client.post(`${api}/persons/${p.id}/plan/goals`, {
        domain: "work",
        title: "Arbeit finden",
        targetDate: "2027-06-30",
      })
    ).json();
    const health = (
      await t.cm.client.post(`${api}/persons/${p.id}/plan/goals`, { domain: "health", title: "Therapieplatz" })
    ).json();
    expect(work).toMatchObject({ status: "open", version: 1, measures: [] });
    // The referral serves the work goal: a measure follows it.
    const ref = await t.cm.client.post(`${api}/referrals`, {
      personId: p.id,
      toOrganisationId: t.jobcenter.id,
      service: "job_placement",
      sharedCategories: ["work"],
      goalId: work.id,
    });
    expect(ref.statusCode, ref.body).toBe(201);
    const referralId = ref.json().id;
    const jcPlan = (await t.jc.client.get(`${api}/persons/${p.id}/plan`)).json();
    expect(jcPlan.goals.map((g: { id: string }) => g.id)).toEqual([work.id]);
    expect(jcPlan.abilities).toEqual({ manage: false, domains: [] });
    const measure = jcPlan.goals[0].measures[0];
    expect(measure).toMatchObject({
      status: "planned",
      responsibleOrganisation: { id: t.jobcenter.id },
      referral: { id: referralId, status: "sent" },
    });
    expectProblem(
      await t.jc.client.post(`${api}/persons/${p.id}/plan/goals`, { domain: "work", title: "x" }),
      403,
      "forbidden",
    );
    expectProblem(await t.jc.client.patch(`${api}/plan/goals/${work.id}`, { title: "x" }), 403, "forbidden");
    expectProblem(await t.jc.client.patch(`${api}/plan/goals/${health.id}`, { title: "x" }), 404, "not-found");
    expectProblem(await t.jc.client.patch(`${api}/plan/measures/${measure.id}`, { title: "x" }), 403, "forbidden");
    // Accepting and completing the referral moves the measure; the outcome shows on the plan.
    await t.jc.client.post(`${api}/referrals/${referralId}/accept`, {});
    await t.jc.client.post(`${api}/referrals/${referralId}/complete`, {
      outcome: "service_provided",
      note: "Ausbildung ab 1.2.",
    });
    const cmPlan = (await t.cm.client.get(`${api}/persons/${p.id}/plan`)).json();
    expect(cmPlan.abilities.manage).toBe(true);
    const workGoal = cmPlan.goals.find((g: { id: string }) => g.id === work.id);
    expect(workGoal.measures[0]).toMatchObject({
      status: "done",
      referral: { status: "completed", outcome: "service_provided", outcomeNote: "Ausbildung ab 1.2." },
    });
    // Goal changes with optimistic concurrency.
    expectProblem(
      await t.cm.client.patch(`${api}/plan/goals/${work.id}`, { status: "achieved", version: 7 }),
      409,
      "version-conflict",
    );
    const achieved = await t.cm.client.patch(`${api}/plan/goals/${work.id}`, { status: "achieved", version: 1 });
    expect(achieved.json()).toMatchObject({ status: "achieved", version: 2 });
    expect((await auditRows(db, t.tenantId, { personId: p.id, action: "plan.read" })).length).toBeGreaterThanOrEqual(2);
    expect(await db.select().from(planGoals).where(eq(planGoals.personId, p.id))).toHaveLength(2);
  });

  it("a responsible organisation that sees the person sets its measure's status", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await ledPerson(t);
    await recordConsent(t.cm.client, p.id, { recipientOrganisationIds: [t.jobcenter.id], categories: ["work"] });
    const goal = (
      await t.cm.client.post(`${api}/persons/${p.id}/plan/goals`, { domain: "work", title: "Arbeit" })
    ).json();
    const m = (
      await t.cm.client.post(`${api}/plan/goals/${goal.id}/measures`, {
        title: "Vermittlungsgespräch",
        responsibleOrganisationId: t.jobcenter.id,
        responsibleUserId: t.jc.id,
        dueDate: "2026-12-15",
      })
    ).json();
    expect(m).toMatchObject({ status: "planned", responsibleUser: { id: t.jc.id }, dueDate: "2026-12-15" });
    expectProblem(
      await t.cm.client.post(`${api}/plan/goals/${goal.id}/measures`, {
        title: "x",
        responsibleOrganisationId: t.jobcenter.id,
        responsibleUserId: t.cm.id,
      }),
      400,
      "validation-error",
      ["responsibleUserId"],
    );
    // Another organisation that does not see the person knows neither the goal nor the measure.
    const kita = await t.user((await t.organisation("kita")).id, "caseworker");
    expectProblem(await kita.client.patch(`${api}/plan/measures/${m.id}`, { status: "done" }), 404, "not-found");
    expectProblem(await kita.client.patch(`${api}/plan/goals/${goal.id}`, { title: "x" }), 404, "not-found");
    expectProblem(
      await kita.client.post(`${api}/plan/goals/${goal.id}/measures`, {
        title: "x",
        responsibleOrganisationId: t.jobcenter.id,
      }),
      404,
      "not-found",
    );
    const done = await t.jc.client.patch(`${api}/plan/measures/${m.id}`, { status: "done" });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: "done", version: 2 });
  });

  it("case conferences: decisions become measures", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await ledPerson(t);
    const goal = (
      await t.cm.client.post(`${api}/persons/${p.id}/plan/goals`, { domain: "education", title: "B1 erreichen" })
    ).json();
    const res = await t.cm.client.post(`${api}/persons/${p.id}/plan/conferences`, {
      heldOn: "2026-11-20",
      participants: [
        { name: "Aylin Kaya", organisationId: t.io.id, role: "Fallmanagement" },
        { name: "Jonas Becker", organisationId: t.jobcenter.id },
      ],
      notes: "Sprachkurs vor Arbeitsaufnahme",
      decisions: [
        {
          text: "Anmeldung Integrationskurs",
          measure: {
            goalId: goal.id,
            title: "Anmeldung Integrationskurs",
            responsibleOrganisationId: t.io.id,
            dueDate: "2026-12-01",
          },
        },
        { text: "Nächste Fallkonferenz im Februar" },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const conference = res.json();
    expect(conference.decisions[0].measureId).toBeTruthy();
    expect(conference.decisions[1].measureId).toBeNull();
    const plan = (await t.cm.client.get(`${api}/persons/${p.id}/plan`)).json();
    expect(plan.conferences).toHaveLength(1);
    expect(plan.goals[0].measures[0]).toMatchObject({
      id: conference.decisions[0].measureId,
      conferenceId: conference.id,
    });
  });
});
