// Keyset pagination: `{items, nextCursor}` with an opaque cursor holding the last row's sort key.
import { z } from "zod";
import { AppError } from "./errors.js";
import { textFault } from "./validation.js";

export const listQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/**
 * The parts a cursor's sort key is made of. A cursor is client input like any other: each part is
 * checked as precisely as the column it is compared with, so that a forged cursor is a 400 and
 * never a cast error in PostgreSQL.
 */
export const cursorPart = {
  /** An instant as toISOString() writes it, that exists (no 13th month, no 30 February, no year 0). */
  timestamp: z.iso.datetime().refine((s) => {
    const t = Date.parse(s);
    return Number.isFinite(t) && new Date(t).getUTCFullYear() >= 1;
  }, "Not a real point in time"),
  uuid: z.uuid(),
  /** A column's text (a name); decodeCursor refuses what PostgreSQL cannot compare. */
  text: z.string().max(500),
  /** A bigint id (e.g. of an audit event). */
  serial: z.number().int().min(0),
  /** A match score, which lies between 0 and 1. */
  score: z.number().min(0).max(1),
};

export function decodeCursor<T extends unknown[]>(cursor: string | undefined, shape: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  // Every string part, whatever the shape says, must be text PostgreSQL can compare.
  const parsed =
    Array.isArray(decoded) && !decoded.some((part) => typeof part === "string" && textFault(part))
      ? shape.safeParse(decoded)
      : undefined;
  if (!parsed?.success) {
    throw new AppError("validation-error", "Invalid cursor", {
      errors: [{ path: "query.cursor", message: "Invalid cursor" }],
    });
  }
  return parsed.data;
}

export function page<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}

export const listResponse = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
