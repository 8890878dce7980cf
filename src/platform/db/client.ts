// One database handle for both engines: embedded PGlite (no DATABASE_URL) or a PostgreSQL server.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { pgcrypto } from "@electric-sql/pglite/contrib/pgcrypto";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "../../schema.js";

export type Schema = typeof schema;
/** A database or a transaction: both are PgDatabase underneath, on either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** Runs raw SQL and returns its rows, on either driver. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** For the job queue (pg-boss), which talks to the same database without drizzle. */
  connection: { kind: "postgres"; url: string } | { kind: "pglite"; client: PGlite };
  migrate(): Promise<void>;
  /** true when every migration in the folder is recorded as applied. */
  migrationsApplied(): Promise<boolean>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../migrations");
// Compiled code lives one level deeper (dist/server/platform/db), source in src/platform/db.
function resolveMigrationsFolder(): string {
  for (const candidate of [migrationsFolder, path.resolve(migrationsFolder, "..", "..", "migrations")]) {
    if (fs.existsSync(path.join(candidate, "meta", "_journal.json"))) return candidate;
  }
  throw new Error(`migrations folder not found near ${migrationsFolder}`);
}

function expectedMigrationCount(folder: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  poolSize?: number;
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const folder = resolveMigrationsFolder();
  const expected = expectedMigrationCount(folder);
  const countApplied = async (db: Db) => {
    try {
      const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      return Number(rows[0]?.n ?? 0);
    } catch {
      return 0;
    }
  };

  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 20,
      application_name: "strang",
    });
    // An idle client losing its connection must not crash the process.
    pool.on("error", () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      connection: { kind: "postgres", url: options.databaseUrl },
      migrate: async () => {
        // Serialise concurrent start-ups of several instances.
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock(884422001)");
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder: folder });
        } finally {
          await client.query("select pg_advisory_unlock(884422001)").catch(() => {});
          client.release();
        }
      },
      migrationsApplied: async () => (await countApplied(db)) >= expected,
      ping: async () => {
        await pool.query("select 1");
      },
      close: () => pool.end(),
    };
  }

  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    extensions: { pg_trgm, unaccent, fuzzystrmatch, pgcrypto, citext, btree_gin },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    connection: { kind: "pglite", client },
    migrate: async () => {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: folder });
    },
    migrationsApplied: async () => (await countApplied(db)) >= expected,
    ping: async () => {
      await client.query("select 1");
    },
    close: () => client.close(),
  };
}
