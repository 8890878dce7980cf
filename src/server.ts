// Builds and starts Strang: database, migrations, first-start data, HTTP server, background work.
import path from "node:path";
import { features } from "./features/index.js";
import { systemSweepOverdueReferrals } from "./features/referrals/referral-overdue.js";
import { reindexSearchKeys, searchIndexMissing } from "./features/search/search-index.js";
import { bootstrap, demoAccountsText } from "./features/tenants/bootstrap.js";
import { sealPending } from "./platform/audit/audit-chain.js";
import { purgeExpiredSessions } from "./platform/auth/sessions.js";
import type { Config } from "./platform/config.js";
import { openDatabase } from "./platform/db/client.js";
import { buildApp } from "./platform/http/app.js";
import { purgeIdempotencyKeys } from "./platform/http/idempotency.js";
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
  if (await searchIndexMissing(database.db)) await reindexSearchKeys(database.db);

  // The sealer chains committed audit rows moments after they are written.
  const sealer = setInterval(() => {
    sealPending(database.db).catch((err: unknown) => app.log.error({ err }, "audit sealing failed"));
  }, 1000);
  const purger = setInterval(() => {
    purgeExpiredSessions(database.db, config.sessionIdleMs).catch(() => {});
    purgeIdempotencyKeys(database.db).catch(() => {});
  }, 10 * 60_000);
  // Overdue referrals: at start and every 15 minutes (idempotent; a deadline passes at midnight).
  const sweepOverdue = () =>
    systemSweepOverdueReferrals(database.db).catch((err: unknown) => app.log.error({ err }, "overdue sweep failed"));
  const overdue = setInterval(sweepOverdue, 15 * 60_000);
  void sweepOverdue();
  sealer.unref();
  purger.unref();
  overdue.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    clearInterval(sealer);
    clearInterval(purger);
    clearInterval(overdue);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
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
