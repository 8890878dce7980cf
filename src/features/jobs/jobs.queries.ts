// What the job queue shows: pg-boss's job table read directly, filtered by the tenant id in the
// payload, so a tenant admin sees its tenant's runs and the installation-wide ones, never another
// tenant's.
import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../platform/db/client.js";
import type { Jobs } from "../../platform/jobs/jobs.js";
import { type JobName, jobNames } from "./jobs.definitions.js";

type Row = {
  id: string;
  name: JobName;
  state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
  tenant_id: string | null;
  retry_count: number;
  created_on: string;
  started_on: string | null;
  completed_on: string | null;
  error: string | null;
};

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/** `tenantId` undefined: every run (the operator's CLI); else the tenant's and the installation's. */
function visible(tenantId: string | undefined): SQL {
  return tenantId === undefined ? sql`true` : sql`(data->>'tenantId' = ${tenantId} or data->>'tenantId' is null)`;
}

function run(r: Row, tenantId: string | undefined) {
  return {
    id: r.id,
    state: r.state,
    forTenant: r.tenant_id !== null && r.tenant_id === tenantId,
    tenantId: r.tenant_id,
    createdAt: iso(r.created_on) as string,
    startedAt: iso(r.started_on),
    finishedAt: iso(r.completed_on),
  };
}

export async function jobsOverview(jobs: Jobs, tenantId: string | undefined, failureLimit = 50) {
  await jobs.client();
  const db = jobs.database.db;
  const names = sql.join(
    jobNames.map((n) => sql`${n}`),
    sql`, `,
  );
  const counts = await queryRows<{ name: JobName; queued: number; active: number; failed: number }>(
    db,
    sql`select name,
          count(*) filter (where state in ('created', 'retry'))::int as queued,
          count(*) filter (where state = 'active')::int as active,
          count(*) filter (where state = 'failed')::int as failed
        from pgboss.job where name in (${names}) and ${visible(tenantId)} group by name`,
  );
  const last = await queryRows<Row>(
    db,
    sql`select distinct on (name) id, name, state, data->>'tenantId' as tenant_id, retry_count,
          created_on, started_on, completed_on, null as error
        from pgboss.job where name in (${names}) and state in ('completed', 'failed') and ${visible(tenantId)}
        order by name, completed_on desc nulls last`,
  );
  const failed = await queryRows<Row>(
    db,
    sql`select id, name, state, data->>'tenantId' as tenant_id, retry_count, created_on, started_on,
          completed_on, output->>'message' as error
        from pgboss.job where name in (${names}) and state = 'failed' and ${visible(tenantId)}
        order by completed_on desc nulls last limit ${failureLimit}`,
  );
  return {
    queues: jobNames.map((name) => {
      const d = jobs.definitions.get(name);
      const c = counts.find((x) => x.name === name);
      const l = last.find((x) => x.name === name);
      return {
        name,
        schedule: d?.schedule ?? null,
        tenantRunnable: d?.tenantRunnable ?? false,
        queued: c?.queued ?? 0,
        active: c?.active ?? 0,
        failed: c?.failed ?? 0,
        lastRun: l ? run(l, tenantId) : null,
      };
    }),
    failures: failed.map((r) => ({
      ...run(r, tenantId),
      name: r.name,
      error: r.error ?? "",
      attempts: r.retry_count + 1,
      retryable: tenantId === undefined || (r.tenant_id !== null && r.tenant_id === tenantId),
    })),
  };
}

/** A failed job the caller may retry: the tenant's own (or any, for the operator). */
export async function failedJob(jobs: Jobs, id: string, tenantId: string | undefined) {
  await jobs.client();
  const [row] = await queryRows<{ id: string; name: JobName }>(
    jobs.database.db,
    sql`select id, name from pgboss.job
        where id = ${id}::uuid and state = 'failed' and name in (${sql.join(
          jobNames.map((n) => sql`${n}`),
          sql`, `,
        )})
          and ${tenantId === undefined ? sql`true` : sql`data->>'tenantId' = ${tenantId}`}`,
  );
  return row;
}
