// The `strang` command for operators: serve, migrate, seed, admin create, audit verify.
import "dotenv/config";
import { parseArgs } from "node:util";
import { seedDemo } from "./features/demo/demo-seed.js";
import { generatePersons } from "./features/demo/person-generator.js";
import { scanAllTenants, scanDuplicates } from "./features/duplicates/duplicates.queries.js";
import { reindexSearchKeys } from "./features/search/search-index.js";
import { bootstrap, demoAccountsText } from "./features/tenants/bootstrap.js";
import { countTenants, createTenantWithAdmin, firstTenantId } from "./features/tenants/tenants.commands.js";
import { sealAll, verifyChain } from "./platform/audit/audit-chain.js";
import { ConfigError, loadConfig } from "./platform/config.js";
import { openDatabase } from "./platform/db/client.js";
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

async function seedPersons(count: string, seed: string | undefined): Promise<number> {
  const n = Number(count);
  if (!Number.isInteger(n) || n < 1 || n > 5_000_000) {
    process.stderr.write("seed: --persons takes a whole number from 1 to 5000000\n");
    return 2;
  }
  return withDatabase(async ({ db }) => {
    if ((await countTenants(db)) === 0) await seedDemo(db, { persons: 0 });
    const tenantId = await firstTenantId(db);
    const t0 = Date.now();
    const result = await generatePersons(db, tenantId, n, {
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
        await seedDemo(db);
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
        const r = await reindexSearchKeys(db, { onlyMissing: values.missing ?? false });
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
          ? [{ tenantId: values.tenant, ...(await scanDuplicates(db, values.tenant)) }]
          : await scanAllTenants(db);
        for (const r of results)
          process.stdout.write(
            `Tenant ${r.tenantId}: ${r.persons} persons, ${r.pairs} candidate pairs (${r.seconds.toFixed(1)} s).\n`,
          );
        return 0;
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
