// Background jobs on pg-boss, in the application's own database (schema `pgboss`), on PostgreSQL
// and on embedded PGlite. Work that must not be lost or run twice is a job here, not a timer:
// a job survives a restart, is retried with backoff, and a schedule fires once however many
// instances run (pg-boss keeps schedules in the database and sends each slot with a singleton key).
// Payloads carry at most a tenant id and error messages are rewritten, so no personal data is
// stored in the queue.
import { fromPglite, type Job, PgBoss } from "pg-boss";
import type { SystemActor } from "../audit/audit.js";
import type { Database, Db } from "../db/client.js";

export type JobRun = {
  db: Db;
  /** The tenant a run is for; undefined for a run over the whole installation. */
  tenantId: string | undefined;
  /** The identity the job's audit rows carry. */
  system: SystemActor;
  jobs: Jobs;
};

export type JobDefinition = {
  name: string;
  /** cron expression and its time zone; the schedule runs the job for the whole installation. */
  schedule?: { cron: string; tz: string } | undefined;
  /** The tenant admin may start a run for its own tenant. */
  tenantRunnable: boolean;
  retryLimit: number;
  /** Seconds before the first retry; doubled for each further one (backoff). */
  retryDelay: number;
  expireInSeconds: number;
  /** Counts only: a result is stored with the job and shown to the tenant admin of its tenant. */
  handler(run: JobRun): Promise<Record<string, number> | undefined>;
};

/** An error whose message is known to hold no personal data, so it is stored as it is. */
export class JobError extends Error {}

/**
 * What pg-boss stores of a failure: the message only when it is ours (a JobError), a database
 * error only by its SQLSTATE (PostgreSQL's messages may quote values), and the stack's frames
 * (code locations) without its first line, which repeats the message.
 */
export function safeJobError(err: unknown, jobName: string): Error {
  const code = (err as { code?: unknown } | null)?.code;
  const message =
    err instanceof JobError
      ? err.message
      : typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)
        ? `database error ${code}`
        : `${jobName} failed`;
  const safe = new Error(message);
  const frames = err instanceof Error && err.stack ? err.stack.split("\n").filter((l) => /^\s+at /.test(l)) : [];
  safe.stack = [`Error: ${message}`, ...frames].join("\n");
  return safe;
}

export type JobsOptions = {
  /** Seconds between a worker's polls when no notification woke it (tests: 0.5). */
  pollingIntervalSeconds?: number;
  /** Called when a run fails (for the server log: names and ids, never payloads). */
  onFailure?: (name: string, jobId: string, error: Error) => void;
  onError?: (error: Error) => void;
};

/**
 * Test only (jobs-crash.test.ts kills the server inside a job): STRANG_TEST_JOB_DELAY_MS makes every
 * transaction a job opens wait that long after its last statement, before it commits. Unset it is
 * 0, and NODE_ENV=production ignores it, so no installation can slow its jobs by accident.
 */
export function testJobDelayMs(env: NodeJS.ProcessEnv = process.env): number {
  if (env.NODE_ENV === "production") return 0;
  const ms = Number(env.STRANG_TEST_JOB_DELAY_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/** The database handle whose transactions wait `ms` before they commit (see testJobDelayMs). */
function withDelayedCommits(db: Db, ms: number): Db {
  const transaction: Db["transaction"] = (fn, config) =>
    db.transaction(async (tx) => {
      const result = await fn(tx);
      await new Promise((r) => setTimeout(r, ms));
      return result;
    }, config);
  return new Proxy(db, {
    get: (target, prop) => {
      if (prop === "transaction") return transaction;
      const value: unknown = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Berlin's calendar date of an instant, for singleton keys of once-a-day runs. */
export function berlinDate(at = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(at);
}

export class Jobs {
  readonly definitions: Map<string, JobDefinition>;
  #boss: PgBoss | undefined;
  #starting: Promise<PgBoss> | undefined;
  #working = false;
  readonly #db: Db;

  constructor(
    readonly database: Database,
    definitions: JobDefinition[],
    readonly options: JobsOptions = {},
  ) {
    this.definitions = new Map(definitions.map((d) => [d.name, d]));
    const delayMs = testJobDelayMs();
    this.#db = delayMs > 0 ? withDelayedCommits(database.db, delayMs) : database.db;
  }

  /**
   * Installs pg-boss's schema and the queues. Without `working`, no maintenance and no schedules:
   * enough to send, list and retry (the API, the CLI, tests). Idempotent; concurrent callers
   * share one start.
   */
  async client(working = false): Promise<PgBoss> {
    if (this.#boss) return this.#boss;
    this.#starting ??= (async () => {
      const { connection } = this.database;
      const mode = { supervise: working, schedule: working };
      const boss =
        connection.kind === "postgres"
          ? new PgBoss({ connectionString: connection.url, max: 4, application_name: "strang-jobs", ...mode })
          : new PgBoss({ db: fromPglite(connection.client), backend: "pglite", ...mode });
      boss.on("error", (err) => this.options.onError?.(err));
      await boss.start();
      for (const d of this.definitions.values()) {
        if (await boss.getQueue(d.name)) continue;
        await boss
          .createQueue(d.name, {
            retryLimit: d.retryLimit,
            retryDelay: d.retryDelay,
            retryBackoff: true,
            expireInSeconds: d.expireInSeconds,
          })
          .catch(async (err: unknown) => {
            // Another instance created it meanwhile.
            if (!(await boss.getQueue(d.name))) throw err;
          });
      }
      this.#boss = boss;
      return boss;
    })();
    // A start that failed (database unreachable) is tried again by the next caller.
    this.#starting.catch(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  /** Workers for every queue (or the named ones) and, with `schedule`, the cron schedules. */
  async start(options: { schedule: boolean; only?: string[] }): Promise<void> {
    const boss = await this.client(options.schedule);
    this.#working = true;
    for (const d of this.definitions.values()) {
      if (options.only && !options.only.includes(d.name)) continue;
      await boss.work<{ tenantId?: string }>(
        d.name,
        { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async ([job]) => (job ? this.#process(d, job) : undefined),
      );
    }
    if (options.schedule) {
      for (const d of this.definitions.values()) {
        if (d.schedule) await boss.schedule(d.name, d.schedule.cron, null, { tz: d.schedule.tz });
      }
    }
  }

  async #process(d: JobDefinition, job: Job<{ tenantId?: string }>) {
    const tenantId = typeof job.data?.tenantId === "string" ? job.data.tenantId : undefined;
    try {
      const result = await d.handler({
        db: this.#db,
        tenantId,
        system: { role: "system", job: d.name, jobId: job.id },
        jobs: this,
      });
      // A run over the whole installation stores no result: its counts would speak of every tenant.
      return tenantId ? result : undefined;
    } catch (err) {
      const safe = safeJobError(err, d.name);
      this.options.onFailure?.(d.name, job.id, safe);
      throw safe;
    }
  }

  /** Queues a run (for one tenant, or for the whole installation); returns the job id. */
  async send(
    name: string,
    tenantId: string | undefined,
    options: { singletonKey?: string; singletonSeconds?: number } = {},
  ): Promise<string | null> {
    if (!this.definitions.has(name)) throw new Error(`unknown job ${name}`);
    const boss = await this.client();
    return boss.send(name, tenantId ? { tenantId } : {}, options);
  }

  async retry(name: string, id: string): Promise<void> {
    const boss = await this.client();
    await boss.retry(name, id);
  }

  /** Waits until a job has completed or failed for good (CLI `jobs run`, tests). */
  async waitFor(name: string, id: string, timeoutMs = 60_000): Promise<{ state: string; output: unknown }> {
    const boss = await this.client();
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [job] = await boss.findJobs(name, { id });
      if (job && ["completed", "failed", "cancelled"].includes(job.state)) return job;
      if (Date.now() > until) throw new Error(`job ${name} ${id} did not finish in time`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /**
   * Stops workers and schedules: running jobs get `timeoutMs` to finish; pg-boss then fails
   * what is still running, which hands it back to the queue for a retry.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    const boss = this.#boss ?? (this.#starting ? await this.#starting.catch(() => undefined) : undefined);
    this.#boss = undefined;
    this.#starting = undefined;
    if (!boss) return;
    await boss.stop({ graceful: this.#working, timeout: timeoutMs, close: true });
    this.#working = false;
  }
}

const registry = new WeakMap<Database, Jobs>();

/** One Jobs per database connection: the server's workers and the API's client share it. */
export function jobsFor(database: Database, definitions: () => JobDefinition[], options: JobsOptions = {}): Jobs {
  let jobs = registry.get(database);
  if (!jobs) {
    jobs = new Jobs(database, definitions(), options);
    registry.set(database, jobs);
  }
  return jobs;
}
