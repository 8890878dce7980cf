// Background jobs on a real pg-boss in the test database (PGlite or DATABASE_URL): the API of the
// tenant admin, retries with backoff and failures without personal data, the singleton schedules
// of several instances, the overdue sweep as a job (once, audited as the system).
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import { type Database, openDatabase, queryRows } from "../../platform/db/client.js";
import { berlinDate, type JobDefinition, Jobs } from "../../platform/jobs/jobs.js";
import { api, expectProblem, overdueReferral, signIn } from "../../test/case-file-factories.js";
import { createTenant, login } from "../../test/factories.js";
import { client, getTestApp, type TestApp } from "../../test/test-app.js";
import { notifications } from "../notifications/notifications.tables.js";
import { jobDefinitions, jobsOf, queueNightlyScan } from "./jobs.definitions.js";

// Every Jobs a test starts is stopped, so that no worker outlives the file.
const started: Jobs[] = [];
const extraDatabases: Database[] = [];
afterAll(async () => {
  for (const j of started) await j.stop(2000);
  for (const d of extraDatabases) await d.close();
});

function worker(app: TestApp, definitions: JobDefinition[], database: Database = app.database) {
  const jobs = new Jobs(database, definitions, { pollingIntervalSeconds: 0.5 });
  started.push(jobs);
  return jobs;
}

const definition = (app: TestApp, name: string) => {
  const d = jobDefinitions(app.config).find((x) => x.name === name);
  if (!d) throw new Error(name);
  return d;
};

async function tenantAdmin(app: TestApp) {
  const t = await createTenant(app.database.db);
  return { tenantId: t.tenant.id, organisationId: t.organisation.id, client: await login(app, t.admin.email) };
}

describe("the jobs API", () => {
  it("answers 401 without a session, 403 to other roles, 400 to an unknown job or id", async () => {
    const app = await getTestApp();
    const admin = await tenantAdmin(app);
    expectProblem(await client(app).get(`${api}/jobs`), 401, "unauthenticated");
    expectProblem(await client(app).post(`${api}/jobs/referral-overdue/run`), 401, "unauthenticated");
    for (const role of ["org_admin", "case_manager", "dpo"] as const) {
      const other = await signIn(app, admin.tenantId, admin.organisationId, role);
      expectProblem(await other.client.get(`${api}/jobs`), 403, "forbidden");
      expectProblem(await other.client.post(`${api}/jobs/referral-overdue/run`), 403, "forbidden");
    }
    expectProblem(await admin.client.post(`${api}/jobs/no-such-job/run`), 400, "validation-error", ["params.name"]);
    expectProblem(await admin.client.post(`${api}/jobs/failed/not-a-uuid/retry`), 400, "validation-error", [
      "params.id",
    ]);
    // A job for the whole installation is not the tenant admin's to start; an unknown failure is 404.
    expectProblem(await admin.client.post(`${api}/jobs/session-purge/run`), 403, "forbidden");
    expectProblem(
      await admin.client.post(`${api}/jobs/failed/00000000-0000-4000-8000-000000000000/retry`),
      404,
      "not-found",
    );
  });

  it("lists the queues and queues a run for the tenant, audited", async () => {
    const app = await getTestApp();
    const admin = await tenantAdmin(app);
    const before = (await admin.client.get(`${api}/jobs`)).json();
    expect(before.queues.map((q: { name: string }) => q.name)).toEqual([
      "referral-overdue",
      "session-purge",
      "duplicates-nightly",
      "duplicates-scan",
    ]);
    expect(before.queues[0]).toMatchObject({ schedule: { cron: "*/15 * * * *", tz: "Europe/Berlin" } });
    expect(before.queues[2].schedule.cron).toBe("30 2 * * *");
    const res = await admin.client.post(`${api}/jobs/duplicates-scan/run`);
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json();
    const after = (await admin.client.get(`${api}/jobs`)).json();
    const scan = after.queues.find((q: { name: string }) => q.name === "duplicates-scan");
    expect(scan.queued).toBeGreaterThanOrEqual(1);
    // Another tenant's admin sees nothing of it.
    const stranger = await tenantAdmin(app);
    const theirs = (await stranger.client.get(`${api}/jobs`)).json();
    const [row] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from pgboss.job where data->>'tenantId' = ${stranger.tenantId}`,
    );
    expect(row?.n).toBe(0);
    expect(theirs.queues.find((q: { name: string }) => q.name === "duplicates-scan").queued).toBeLessThan(scan.queued);
    const audited = await app.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, admin.tenantId), eq(auditEvents.action, "job.started")));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ subjectId: id, details: { name: "duplicates-scan" } });
  });
});

describe("retries and failures", () => {
  it("retries a throwing job with backoff, then shows it failed without personal data; the admin retries it", async () => {
    const app = await getTestApp();
    const admin = await tenantAdmin(app);
    const attempts: number[] = [];
    const failing = worker(app, [
      {
        ...definition(app, "duplicates-scan"),
        handler: async ({ tenantId }) => {
          if (tenantId === admin.tenantId) attempts.push(Date.now());
          throw new Error("Anna Musterfrau, geboren 01.02.1980");
        },
      },
    ]);
    await failing.start({ schedule: false });
    const boss = await failing.client();
    const id = await boss.send(
      "duplicates-scan",
      { tenantId: admin.tenantId },
      { retryLimit: 2, retryDelay: 1, retryBackoff: true },
    );
    expect(id).toBeTruthy();
    const done = await failing.waitFor("duplicates-scan", id as string, 30_000);
    expect(done.state).toBe("failed");
    expect(attempts).toHaveLength(3);
    // Backoff: the delay before retry n is between 2^(n-1) and 2^n times the retry delay.
    const [a0, a1, a2] = attempts as [number, number, number];
    expect(a1 - a0).toBeGreaterThanOrEqual(950);
    expect(a2 - a1).toBeGreaterThanOrEqual(1950);
    expect(JSON.stringify(done.output)).not.toContain("Musterfrau");

    const overview = (await admin.client.get(`${api}/jobs`)).json();
    const failure = overview.failures.find((f: { id: string }) => f.id === id);
    expect(failure).toMatchObject({
      name: "duplicates-scan",
      state: "failed",
      error: "duplicates-scan failed",
      attempts: 3,
      retryable: true,
      forTenant: true,
    });
    expect(JSON.stringify(overview)).not.toContain("Musterfrau");
    expect(overview.queues.find((q: { name: string }) => q.name === "duplicates-scan").failed).toBeGreaterThanOrEqual(
      1,
    );
    // Not another tenant's to see or retry.
    const stranger = await tenantAdmin(app);
    const theirs = (await stranger.client.get(`${api}/jobs`)).json();
    expect(theirs.failures.find((f: { id: string }) => f.id === id)).toBeUndefined();
    expectProblem(await stranger.client.post(`${api}/jobs/failed/${id}/retry`), 404, "not-found");

    await failing.stop(2000);
    const retried = await admin.client.post(`${api}/jobs/failed/${id}/retry`);
    expect(retried.statusCode, retried.body).toBe(202);
    const [job] = await (await jobsOf(app).client()).findJobs("duplicates-scan", { id: id as string });
    expect(["retry", "created"]).toContain(job?.state);
  }, 40_000);
});

describe("schedules on several instances", () => {
  it("registers each schedule once and queues one nightly scan per tenant and day", async () => {
    const app = await getTestApp();
    const t = await createTenant(app.database.db);
    // A second instance: its own connection pool on PostgreSQL; PGlite has one connection only.
    let second = app.database;
    if (app.config.databaseUrl) {
      second = await openDatabase({ databaseUrl: app.config.databaseUrl, poolSize: 2 });
      extraDatabases.push(second);
    }
    const defs = jobDefinitions(app.config).filter((d) => d.name.startsWith("duplicates"));
    const a = worker(app, defs);
    const b = worker(app, defs, second);
    // No workers (only: []): the nightly fan-out is run below, for one tenant.
    await Promise.all([a.start({ schedule: true, only: [] }), b.start({ schedule: true, only: [] })]);
    try {
      const schedules = await (await a.client()).getSchedules("duplicates-nightly");
      expect(schedules).toHaveLength(1);
      expect(schedules[0]).toMatchObject({ cron: "30 2 * * *", timezone: "Europe/Berlin" });
      const day = berlinDate();
      const ids = await Promise.all([queueNightlyScan(a, t.tenant.id, day), queueNightlyScan(b, t.tenant.id, day)]);
      expect(ids.filter(Boolean)).toHaveLength(1);
      const rows = await queryRows<{ n: number }>(
        app.database.db,
        sql`select count(*)::int as n from pgboss.job where name = 'duplicates-scan'
            and singleton_key = ${`${t.tenant.id}:${day}`}`,
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await (await a.client()).unschedule("duplicates-nightly");
    }
  });
});

describe("the overdue sweep as a job", () => {
  it("notifies exactly once when run twice, and its audit rows carry the system actor", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const { t, referralId } = await overdueReferral(app);

    const jobs = worker(app, [definition(app, "referral-overdue")]);
    await jobs.start({ schedule: false });
    const first = await jobs.send("referral-overdue", t.tenantId);
    const second = await jobs.send("referral-overdue", t.tenantId);
    const results = [
      await jobs.waitFor("referral-overdue", first as string),
      await jobs.waitFor("referral-overdue", second as string),
    ];
    expect(results.map((r) => r.state)).toEqual(["completed", "completed"]);
    expect(results.map((r) => (r.output as { flagged: number }).flagged).sort()).toEqual([0, 1]);

    const notified = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "referral.overdue"), eq(notifications.subjectId, referralId)));
    // The sender and the integration office's tenant admin, each once.
    expect(notified.map((n) => n.userId).sort()).toEqual([t.admin.id, t.cm.id].sort());

    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "referral.overdue"), eq(auditEvents.subjectId, referralId)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tenantId: t.tenantId,
      actorRole: "system",
      actorUserId: null,
      actorOrganisationId: null,
    });
    expect([`job:${first}`, `job:${second}`]).toContain(rows[0]?.requestId);
    await jobs.stop(2000);
  }, 30_000);
});
