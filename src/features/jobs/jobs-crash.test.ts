// kill -9 of the server while a job runs: the real server (`src/cli.ts serve`) in a child process
// on a database of its own with one overdue referral; the overdue sweep is slowed inside its
// transaction (STRANG_TEST_JOB_DELAY_MS), the server is killed with SIGKILL there and started
// again. Afterwards the killed job has run again and completed, and the referral's notifications
// and audit row exist exactly once.
//
// PostgreSQL only: an embedded PGlite database lives inside one process, so a server in a child
// process cannot share it with the test (CI sets DATABASE_URL and runs this file).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { PgBoss } from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import { openDatabase } from "../../platform/db/client.js";
import { overdueReferral } from "../../test/case-file-factories.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { notifications } from "../notifications/notifications.tables.js";
import { referrals } from "../referrals/referrals.tables.js";

const baseUrl = process.env.DATABASE_URL;
const root = path.resolve(import.meta.dirname, "../../..");
const queue = "referral-overdue";

/** A database of its own: the server's whole-installation sweep and workers must not touch other files' data. */
async function crashDatabase(base: string) {
  const name = `${new URL(base).pathname.slice(1)}_jobs_crash`;
  const admin = new pg.Client({ connectionString: new URL("/postgres", base).toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(`/${name}`, base).toString();
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  await database.migrate();
  await database.close();
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: new URL("/postgres", base).toString() });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/** The server as operators start it, in its own process. */
function startServer(databaseUrl: string, dataDir: string, env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "serve"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      STRANG_DATA_DIR: dataDir,
      PORT: "0",
      STRANG_DEMO: "0",
      STRANG_REQUIRE_2FA: "0",
      STRANG_LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!baseUrl)("kill -9 of the server while a job runs", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it("rolls the job's transaction back; after the restart the job runs again, notifies once and audits once", async () => {
    const db = await crashDatabase(baseUrl as string);
    cleanups.push(db.drop);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "strang-jobs-crash-"));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const app = await createTestApp({ databaseUrl: db.url });
    cleanups.push(async () => {
      await app.close();
      await app.database.close();
    });
    const { referralId, recipients } = await overdueReferral(app);

    // The queue as the server would create it, but a killed run is handed back after seconds, not
    // after the production expiry of 10 minutes; the server finds the queue and keeps it. This
    // instance only supervises (every second, where the server would every minute).
    const boss = new PgBoss({
      connectionString: db.url,
      max: 2,
      supervise: false,
      schedule: false,
      monitorIntervalSeconds: 1,
    });
    await boss.start();
    cleanups.push(() => boss.stop({ graceful: false, close: true }));
    await boss.createQueue(queue, { retryLimit: 3, retryDelay: 1, retryBackoff: false, expireInSeconds: 10 });

    const probe = new pg.Client({ connectionString: db.url });
    await probe.connect();
    cleanups.push(() => probe.end());
    const dbName = new URL(db.url).pathname.slice(1);

    // 1. The server starts and sweeps at once; the sweep waits inside its transaction.
    const first = startServer(db.url, dataDir, { STRANG_TEST_JOB_DELAY_MS: "120000" });
    cleanups.push(async () => {
      first.kill("SIGKILL");
    });
    const killedJobId = await until(
      "the sweep waiting inside its transaction",
      async () => {
        const { rows } = await probe.query<{ id: string }>(
          `select j.id from pgboss.job j where j.name = $1 and j.state = 'active'
             and exists (select 1 from pg_stat_activity a where a.datname = $2 and a.state = 'idle in transaction'
               and a.state_change < now() - interval '500 milliseconds')`,
          [queue, dbName],
        );
        return rows[0]?.id;
      },
      90_000,
    );
    first.kill("SIGKILL");
    await exited(first);

    // 2. Nothing of the killed run is left: its transaction is rolled back with its connection.
    const [flaggedBefore] = await app.database.db.select().from(referrals).where(eq(referrals.id, referralId));
    expect(flaggedBefore?.overdueNotifiedAt).toBeNull();
    expect(await overdueNotifications(app, referralId)).toEqual([]);

    // 3. Started again (without the delay), the server sweeps at start, and the killed job, once
    // expired, is retried and completes.
    const second = startServer(db.url, dataDir);
    cleanups.push(async () => {
      second.kill("SIGTERM");
      await exited(second);
    });
    const killedJob = await until(
      "the killed job to run again and complete",
      async () => {
        await boss.supervise(queue);
        const [job] = await boss.findJobs(queue, { id: killedJobId });
        return job && ["completed", "failed"].includes(job.state) ? job : undefined;
      },
      90_000,
    );
    expect(killedJob.state).toBe("completed");
    expect(killedJob.retryCount).toBeGreaterThanOrEqual(1);
    // Every sweep queued so far (the killed one and the second start's) has finished.
    await until(
      "every sweep to finish",
      async () => {
        const jobs = await boss.findJobs(queue);
        return jobs.length >= 2 && jobs.every((j) => j.state === "completed") ? jobs : undefined;
      },
      60_000,
    );

    const [flagged] = await app.database.db.select().from(referrals).where(eq(referrals.id, referralId));
    expect(flagged?.overdueNotifiedAt).not.toBeNull();
    expect(await overdueNotifications(app, referralId)).toEqual(recipients);
    const audited = await app.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "referral.overdue"), eq(auditEvents.subjectId, referralId)));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actorRole: "system" });
  }, 240_000);
});

/** The recipients of the referral's overdue notifications, one entry per notification. */
async function overdueNotifications(app: TestApp, referralId: string) {
  const rows = await app.database.db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.kind, "referral.overdue"), eq(notifications.subjectId, referralId)));
  return rows.map((r) => r.userId).sort();
}
