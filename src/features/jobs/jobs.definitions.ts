// The background jobs of Strang: what runs, when, and for whom. The runtime is platform/jobs.
import { sql } from "drizzle-orm";
import { audit } from "../../platform/audit/audit.js";
import { purgeExpiredSessions } from "../../platform/auth/sessions.js";
import type { Config } from "../../platform/config.js";
import { type Database, queryRows } from "../../platform/db/client.js";
import { purgeIdempotencyKeys } from "../../platform/http/idempotency.js";
import { berlinDate, type JobDefinition, type Jobs, type JobsOptions, jobsFor } from "../../platform/jobs/jobs.js";
import { systemDuplicateScan } from "../duplicates/duplicates.commands.js";
import { systemSweepOverdueReferrals } from "../referrals/referral-overdue.js";

export const jobNames = ["referral-overdue", "session-purge", "duplicates-nightly", "duplicates-scan"] as const;
export type JobName = (typeof jobNames)[number];

const berlin = "Europe/Berlin";

/** "02:30" → the cron expression of that time every day. */
export function dailyCron(at: string): string {
  const [h, m] = at.split(":").map(Number);
  return `${m} ${h} * * *`;
}

/** The nightly scan of one tenant, queued at most once per Berlin day whoever asks. */
export function queueNightlyScan(jobs: Jobs, tenantId: string, day = berlinDate()) {
  return jobs.send("duplicates-scan", tenantId, { singletonKey: `${tenantId}:${day}`, singletonSeconds: 86_400 });
}

export function jobDefinitions(config: Pick<Config, "sessionIdleMs" | "duplicateScanAt">): JobDefinition[] {
  return [
    {
      // Idempotent (the flag is set by the statement that selects), so a retry never notifies twice.
      name: "referral-overdue",
      schedule: { cron: "*/15 * * * *", tz: berlin },
      tenantRunnable: true,
      retryLimit: 3,
      retryDelay: 30,
      expireInSeconds: 600,
      handler: async ({ db, tenantId, system }) => ({
        flagged: await systemSweepOverdueReferrals(db, undefined, { tenantId, system }),
      }),
    },
    {
      // Sessions and idempotency keys of every tenant: a run for the whole installation only.
      name: "session-purge",
      schedule: { cron: "*/10 * * * *", tz: berlin },
      tenantRunnable: false,
      retryLimit: 2,
      retryDelay: 60,
      expireInSeconds: 300,
      handler: async ({ db }) => {
        await purgeExpiredSessions(db, config.sessionIdleMs);
        await purgeIdempotencyKeys(db);
        return undefined;
      },
    },
    {
      // One scan per tenant and Berlin day: the singleton key makes a second fan-out (another
      // instance, a retry) queue nothing.
      name: "duplicates-nightly",
      schedule: { cron: dailyCron(config.duplicateScanAt), tz: berlin },
      tenantRunnable: false,
      retryLimit: 3,
      retryDelay: 60,
      expireInSeconds: 300,
      handler: async ({ db, jobs }) => {
        const tenants = await queryRows<{ id: string }>(db, sql`select id from tenants order by id`);
        const day = berlinDate();
        for (const t of tenants) await queueNightlyScan(jobs, t.id, day);
        return undefined;
      },
    },
    {
      name: "duplicates-scan",
      tenantRunnable: true,
      retryLimit: 2,
      retryDelay: 300,
      expireInSeconds: 3600,
      handler: async ({ db, tenantId, system }) => {
        if (!tenantId) return undefined;
        return db.transaction(async (tx) => {
          const r = await systemDuplicateScan(tx, tenantId);
          await audit(
            tx,
            { tenantId, system },
            { action: "duplicates.scanned", details: { persons: r.persons, pairs: r.pairs } },
          );
          return { persons: r.persons, pairs: r.pairs, removed: r.removed };
        });
      },
    },
  ];
}

/** The app's job queue: one per database handle, shared by the server's workers and the API. */
export function jobsOf(deps: { database: Database; config: Config }, options: JobsOptions = {}): Jobs {
  return jobsFor(deps.database, () => jobDefinitions(deps.config), options);
}
