// The tenant admin's view of the background jobs: queues with their last run and failures, a run
// on demand for its tenant, a retry of its tenant's failed runs.
import { audit } from "../../platform/audit/audit.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { policy } from "../../platform/http/policy.js";
import { jobsOf } from "./jobs.definitions.js";
import { failedJob, jobsOverview } from "./jobs.queries.js";
import { jobIdParams, jobNameParams, jobQueuedSchema, jobsOverviewSchema } from "./jobs.schemas.js";

const tags = ["jobs"];

export async function jobsRoutes(app: App) {
  const jobs = () => jobsOf(app.deps);
  // Workers finish their running jobs (or hand them back) before the database closes.
  app.addHook("onClose", async () => jobs().stop());

  app.get(
    "/jobs",
    {
      config: { policy: policy.roles("tenant_admin") },
      schema: {
        tags,
        summary: "Background jobs: queues, last runs and failures of the tenant and of the installation",
        response: { 200: jobsOverviewSchema },
      },
    },
    async (req) => jobsOverview(jobs(), actorOf(req).tenantId),
  );

  app.post(
    "/jobs/:name/run",
    {
      config: { policy: policy.roles("tenant_admin") },
      schema: {
        tags,
        summary: "Queue a run of a job for the tenant (tenant admin)",
        params: jobNameParams,
        response: { 202: jobQueuedSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const definition = jobs().definitions.get(req.params.name);
      if (!definition?.tenantRunnable) throw new AppError("forbidden", "This job runs for the whole installation only");
      const id = await jobs().send(req.params.name, actor.tenantId);
      if (!id) throw new AppError("conflict", "A run of this job is already queued");
      await audit(app.deps.database.db, auditContext(req), {
        action: "job.started",
        subjectType: "job",
        subjectId: id,
        details: { name: req.params.name },
      });
      return reply.code(202).send({ id, name: req.params.name });
    },
  );

  app.post(
    "/jobs/failed/:id/retry",
    {
      config: { policy: policy.roles("tenant_admin") },
      schema: {
        tags,
        summary: "Retry a failed run of a job for the tenant (tenant admin)",
        params: jobIdParams,
        response: { 202: jobQueuedSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const job = await failedJob(jobs(), req.params.id, actor.tenantId);
      if (!job) throw notFound("Failed job");
      await jobs().retry(job.name, job.id);
      await audit(app.deps.database.db, auditContext(req), {
        action: "job.retried",
        subjectType: "job",
        subjectId: job.id,
        details: { name: job.name },
      });
      return reply.code(202).send({ id: job.id, name: job.name });
    },
  );
}
