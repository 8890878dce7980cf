// The `strang` command for operators: serve, migrate, seed, admin create, audit verify, jobs.
import "dotenv/config";
import { parseArgs } from "node:util";
import { systemSeedDemo } from "./features/demo/demo-seed.js";
import { systemGeneratePersons } from "./features/demo/person-generator.js";
import { systemDuplicateScan, systemDuplicateScanAllTenants } from "./features/duplicates/duplicates.commands.js";
import { jobsOf } from "./features/jobs/jobs.definitions.js";
import { failedJob, jobsOverview } from "./features/jobs/jobs.queries.js";
import { systemReindexSearchKeys } from "./features/search/search-index.js";
import { bootstrap, demoAccountsText } from "./features/tenants/bootstrap.js";
import { countTenants, createTenantWithAdmin, firstTenantId } from "./features/tenants/tenants.commands.js";
import { sealAll, verifyChain } from "./platform/audit/audit-chain.js";
import { ConfigError, loadConfig } from "./platform/config.js";
import { openDatabase } from "./platform/db/client.js";
import type { Jobs } from "./platform/jobs/jobs.js";
import { serve } from "./server.js";

const usage = `Usage: strang <command> [options]

Commands:
  serve                       start the server (migrates first)
  migrate                     apply pending database migrations and exit
  seed --demo                 seed the demo municipality "Musterstadt" into an empty database
  seed --persons N [--seed S] generate N persons (households, records) into the first tenant
                              (seeds Musterstadt without persons first when the database is empty)
  admin create --email E --password P [--name N] [--tenant T]
                              create a tenant with its first tenant admin
  audit verify                seal pending audit rows and recompute every hash chain
  match --in persons.csv --out links.csv [--threshold T]
                              link records of the same person in a CSV (columns id,givenNames,
                              familyName,birthDate,birthPlace,sex,nationality) into pairs idA,idB,score
  search reindex [--missing]  rebuild the person search index (or index only persons without keys)
  duplicates scan [--tenant T]
                              find likely duplicate persons and store them for review
  jobs list                   background job queues: schedules, last runs, failures and their errors
  jobs retry ID               queue a failed job again
  jobs run NAME [--tenant T]  run a job now (for one tenant or the whole installation) and wait for it

Configuration comes from the environment (see README.md); a .env file may set it.`;

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function jobsCommand(jobs: Jobs, sub: string, arg: string | undefined, tenant: string | undefined) {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (sub === "list") {
    const { queues, failures } = await jobsOverview(jobs, undefined);
    for (const q of queues) {
      const last = q.lastRun
        ? `last ${q.lastRun.state} ${q.lastRun.finishedAt ?? ""} (${q.lastRun.tenantId ?? "all tenants"})`
        : "never run";
      const when = q.schedule ? `${q.schedule.cron} ${q.schedule.tz}` : "on demand";
      out(
        `${q.name.padEnd(20)} ${when.padEnd(30)} queued ${q.queued}, active ${q.active}, failed ${q.failed}; ${last}`,
      );
    }
    if (failures.length > 0) out("\nFailed:");
    for (const f of failures)
      out(`${f.id} ${f.name} ${f.finishedAt ?? ""} ${f.tenantId ?? "all tenants"} after ${f.attempts}: ${f.error}`);
    return 0;
  }
  if (!arg) {
    process.stderr.write(`jobs ${sub}: ${sub === "retry" ? "the failed job's id" : "the job's name"} is required\n`);
    return 2;
  }
  if (sub === "retry") {
    const job = /^[0-9a-f-]{36}$/i.test(arg) ? await failedJob(jobs, arg, undefined) : undefined;
    if (!job) {
      process.stderr.write(`jobs retry: no failed job ${arg}\n`);
      return 1;
    }
    await jobs.retry(job.name, job.id);
    out(`Queued ${job.name} ${job.id} again.`);
    return 0;
  }
  const definition = jobs.definitions.get(arg);
  if (!definition) {
    process.stderr.write(`jobs run: unknown job ${arg} (${[...jobs.definitions.keys()].join(", ")})\n`);
    return 2;
  }
  const id = await jobs.send(arg, tenant);
  if (!id) {
    process.stderr.write(`jobs run: a run of ${arg} is already queued\n`);
    return 1;
  }
  await jobs.start({ schedule: false, only: [arg] });
  const done = await jobs.waitFor(arg, id, 10 * 60_000);
  out(`${arg} ${id}: ${done.state}${done.output ? ` ${JSON.stringify(done.output)}` : ""}`);
  return done.state === "completed" ? 0 : 1;
}

async function seedPersons(count: string, seed: string | undefined): Promise<number> {
  const n = Number(count);
  if (!Number.isInteger(n) || n < 1 || n > 5_000_000) {
    process.stderr.write("seed: --persons takes a whole number from 1 to 5000000\n");
    return 2;
  }
  return withDatabase(async ({ db }) => {
    if ((await countTenants(db)) === 0) await systemSeedDemo(db, { persons: 0 });
    const tenantId = await firstTenantId(db);
    const t0 = Date.now();
    const result = await systemGeneratePersons(db, tenantId, n, {
      seed: seed ? Number(seed) : Date.now() % 1_000_000,
      chunkSize: 1000,
      onProgress: (done, total) => {
        if (process.stderr.isTTY)
          process.stderr.write(`\r  ${done.toLocaleString("en")} / ${total.toLocaleString("en")} persons`);
        else if (done === total || done % 50_000 === 0) process.stderr.write(`  ${done} / ${total} persons\n`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write("\n");
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    process.stdout.write(
      `Generated ${result.persons} persons, ${result.households} households, ${result.records} records in ${secs} s.\n`,
    );
    return 0;
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case "serve":
    case undefined: {
      if (command === undefined) {
        process.stdout.write(`${usage}\n`);
        return 0;
      }
      await serve(loadConfig());
      return -1; // keep running
    }
    case "migrate":
      await withDatabase(async () => {
        process.stdout.write("Migrations applied.\n");
      });
      return 0;
    case "seed": {
      const { values } = parseArgs({
        args: [sub ?? "", ...rest].filter(Boolean),
        options: { demo: { type: "boolean" }, persons: { type: "string" }, seed: { type: "string" } },
      });
      if (values.persons !== undefined) return seedPersons(values.persons, values.seed);
      if (!values.demo) {
        process.stderr.write("seed: give --demo or --persons N\n");
        return 2;
      }
      return withDatabase(async ({ db }) => {
        if ((await countTenants(db)) > 0) {
          process.stderr.write("seed: the database is not empty; the demo is seeded only into an empty database\n");
          return 1;
        }
        await systemSeedDemo(db);
        process.stdout.write(`Seeded Musterstadt.\n${demoAccountsText()}\n`);
        return 0;
      });
    }
    case "admin": {
      if (sub !== "create") break;
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: "string" },
          password: { type: "string" },
          name: { type: "string" },
          tenant: { type: "string" },
        },
      });
      if (!values.email || !values.password) {
        process.stderr.write("admin create: --email and --password are required\n");
        return 2;
      }
      if (values.password.length < 12) {
        process.stderr.write("admin create: the password needs at least 12 characters\n");
        return 2;
      }
      return withDatabase(async ({ db }) => {
        const created = await createTenantWithAdmin(db, {
          tenantName: values.tenant ?? "Strang",
          organisation: { name: `${values.tenant ?? "Strang"} – Integration`, type: "integration_office" },
          admin: {
            email: values.email as string,
            name: values.name ?? "Administrator",
            password: values.password as string,
          },
        });
        process.stdout.write(
          `Created tenant ${created.tenant.name} (${created.tenant.id}) with admin ${values.email}\n`,
        );
        return 0;
      });
    }
    case "audit": {
      if (sub !== "verify") break;
      return withDatabase(async ({ db }) => {
        const sealed = await sealAll(db);
        const result = await verifyChain(db);
        process.stdout.write(
          `${JSON.stringify({ ...result, sealedNow: sealed })}\n${result.ok ? "Audit chain intact." : `Audit chain BROKEN at row ${result.firstBrokenId}.`}\n`,
        );
        return result.ok ? 0 : 1;
      });
    }
    case "search": {
      if (sub !== "reindex") break;
      const { values } = parseArgs({ args: rest, options: { missing: { type: "boolean" } } });
      return withDatabase(async ({ db }) => {
        const t0 = Date.now();
        const r = await systemReindexSearchKeys(db, { onlyMissing: values.missing ?? false });
        process.stdout.write(
          `Indexed ${r.persons} persons (${r.keys} keys) in ${((Date.now() - t0) / 1000).toFixed(1)} s.\n`,
        );
        return 0;
      });
    }
    case "duplicates": {
      if (sub !== "scan") break;
      const { values } = parseArgs({ args: rest, options: { tenant: { type: "string" } } });
      return withDatabase(async ({ db }) => {
        const results = values.tenant
          ? [{ tenantId: values.tenant, ...(await systemDuplicateScan(db, values.tenant)) }]
          : await systemDuplicateScanAllTenants(db);
        for (const r of results)
          process.stdout.write(
            `Tenant ${r.tenantId}: ${r.persons} persons, ${r.pairs} candidate pairs (${r.seconds.toFixed(1)} s).\n`,
          );
        return 0;
      });
    }
    case "jobs": {
      if (sub !== "list" && sub !== "retry" && sub !== "run") break;
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { tenant: { type: "string" } },
      });
      return withDatabase(async (database) => {
        const jobs = jobsOf({ database, config: loadConfig() });
        try {
          return await jobsCommand(jobs, sub, positionals[0], values.tenant);
        } finally {
          await jobs.stop();
        }
      });
    }
    case "match": {
      const { values } = parseArgs({
        args: [sub ?? "", ...rest].filter(Boolean),
        options: { in: { type: "string" }, out: { type: "string" }, threshold: { type: "string" } },
      });
      if (!values.in || !values.out) {
        process.stderr.write("match: --in persons.csv and --out links.csv are required\n");
        return 2;
      }
      const { MatchInputError, runMatch } = await import("./features/matching/match-command.js");
      try {
        runMatch({
          inPath: values.in,
          outPath: values.out,
          threshold: values.threshold === undefined ? undefined : Number(values.threshold),
          log: (line) => process.stderr.write(`${line}\n`),
        });
        return 0;
      } catch (err) {
        if (!(err instanceof MatchInputError)) throw err;
        process.stderr.write(`match: ${err.message}\n`);
        return 1;
      }
    }
    case "bootstrap":
      return withDatabase(async ({ db }) => {
        const report = await bootstrap(db, loadConfig());
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return 0;
      });
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(`${usage}\n`);
      return 0;
  }
  process.stderr.write(`Unknown command: ${argv.join(" ")}\n\n${usage}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`strang: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
