// Builds and starts Strang: database, migrations, first-start data, HTTP server, background work.
import path from "node:path";
import { features } from "./features/index.js";
import { jobsOf } from "./features/jobs/jobs.definitions.js";
import { systemReindexSearchKeys, systemSearchIndexMissing } from "./features/search/search-index.js";
import { bootstrap, demoAccountsText } from "./features/tenants/bootstrap.js";
import { sealPending } from "./platform/audit/audit-chain.js";
import type { Config } from "./platform/config.js";
import { openDatabase } from "./platform/db/client.js";
import { buildApp } from "./platform/http/app.js";
import { filesystemStorage } from "./platform/storage/storage.js";

export async function createServer(config: Config, options: { logger?: boolean } = {}) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  const storage = filesystemStorage(path.join(config.dataDir, "documents"));
  const app = await buildApp({ database, config, storage }, features, options);
  return { app, database };
}

export async function serve(config: Config) {
  const started = Date.now();
  const { app, database } = await createServer(config);
  const report = await bootstrap(database.db, config);
  // Persons from before the search index (migration 0009) get their keys; the check is O(1).
  if (await systemSearchIndexMissing(database.db)) await systemReindexSearchKeys(database.db);

  // The sealer chains committed audit rows moments after they are written. It stays a timer, not
  // a job: each pass is idempotent under an advisory lock, and a pass lost to a restart is done by
  // the next one (ARCHITECTURE.md "Jobs").
  const sealer = setInterval(() => {
    sealPending(database.db).catch((err: unknown) => app.log.error({ err }, "audit sealing failed"));
  }, 1000);
  sealer.unref();
  // Everything else in the background is a pg-boss job: schedules, retries, one run per slot.
  const jobs = jobsOf(
    { database, config },
    {
      onFailure: (name, jobId) => app.log.error({ job: name, jobId }, "job failed"),
      onError: (err) => app.log.error({ err }, "job queue error"),
    },
  );
  await jobs.start({ schedule: true });
  // A deadline passes at midnight: the sweep at start catches up on a server that was down.
  await jobs.send("referral-overdue", undefined);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    clearInterval(sealer);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      // app.close() stops the job workers too (jobs.routes.ts): running jobs finish or go back.
      await app.close();
      await sealPending(database.db).catch(() => {});
      await database.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, "shutdown failed");
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace("127.0.0.1", "localhost");
  const lines = [
    "",
    `Strang is running at ${url}`,
    `  database: ${database.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL"}`,
    `  API reference: ${url}/api/docs`,
    `  started in ${Date.now() - started} ms`,
  ];
  if (report.createdAdmin) lines.push(`  created tenant admin ${report.createdAdmin}`);
  if (config.demo) lines.push("", demoAccountsText());
  process.stdout.write(`${lines.join("\n")}\n\n`);
  return { app, database };
}
