import { z } from "zod";
import { jobNames } from "./jobs.definitions.js";

export const jobNameSchema = z.enum(jobNames);
export const jobNameParams = z.strictObject({ name: jobNameSchema });
export const jobIdParams = z.strictObject({ id: z.uuid() });

const jobState = z.enum(["created", "retry", "active", "completed", "cancelled", "failed"]);

const runSchema = z.object({
  id: z.uuid(),
  state: jobState,
  /** true: the run was for the actor's tenant; false: for the whole installation. */
  forTenant: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  startedAt: z.iso.datetime({ offset: true }).nullable(),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
});

export const jobsOverviewSchema = z
  .object({
    queues: z.array(
      z.object({
        name: jobNameSchema,
        /** cron expression and time zone of the schedule; null: only on demand. */
        schedule: z.object({ cron: z.string(), tz: z.string() }).nullable(),
        /** The tenant admin may start a run for its tenant. */
        tenantRunnable: z.boolean(),
        queued: z.number().int(),
        active: z.number().int(),
        failed: z.number().int(),
        lastRun: runSchema.nullable(),
      }),
    ),
    /** Runs that failed for good, newest first: the error holds no personal data. */
    failures: z.array(
      runSchema.extend({
        name: jobNameSchema,
        error: z.string(),
        attempts: z.number().int(),
        /** The tenant admin may retry it (a run for its tenant). */
        retryable: z.boolean(),
      }),
    ),
  })
  .meta({ id: "JobsOverview" });

export const jobQueuedSchema = z.object({ id: z.uuid(), name: jobNameSchema }).meta({ id: "JobQueued" });
