// The one versioned update: a row carries `version`; a change names the version it was made
// against (If-Match or the body's `version`, see expectedVersion) and bumps it. When the row is
// at another version — or was changed between the caller's read and this update — nothing is
// written and the answer is 409 version-conflict with the current version.

import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import { AppError } from "../http/errors.js";
import type { Db } from "./client.js";

type VersionedTable = PgTable & { version: PgColumn };

export async function updateVersioned<T extends VersionedTable>(
  db: Db,
  table: T,
  opts: {
    /** Selects the one row (tenant and id); the version check is added here. */
    where: SQL | undefined;
    /** The version the client changed; undefined where the route does not require one. */
    expected: number | undefined;
    /**
     * The version the caller read (in the same transaction). The update is conditional on it when
     * the client named none, so a change between the read and the write is never lost.
     */
    current: number;
    set: PgUpdateSetSource<T>;
    /** "person", "record", … for the problem's detail. */
    what: string;
  },
): Promise<T["$inferSelect"]> {
  const set = { ...opts.set, version: sql`${table.version} + 1` } as PgUpdateSetSource<T>;
  const rows = (await db
    .update(table)
    .set(set)
    .where(and(opts.where, eq(table.version, opts.expected ?? opts.current)))
    .returning()) as T["$inferSelect"][];
  const [row] = rows;
  if (!row) {
    throw new AppError(
      "version-conflict",
      opts.expected === undefined || opts.expected === opts.current
        ? `The ${opts.what} was changed at the same time`
        : `The ${opts.what} is at version ${opts.current}`,
      { currentVersion: opts.current },
    );
  }
  return row;
}
