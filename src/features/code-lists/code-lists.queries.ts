// Reads of the code lists: their names, and the entries of one valid on a date.
import { and, asc, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/http/errors.js";
import { codeListEntries } from "./code-lists.tables.js";

export async function codeListNames(db: Db) {
  const rows = await db
    .selectDistinct({ list: codeListEntries.list })
    .from(codeListEntries)
    .orderBy(asc(codeListEntries.list));
  return { items: rows.map((r) => r.list) };
}

/** The entries valid on `on`; a list that has no entry at all is a 404 (one valid on another day is not). */
export async function codeListOn(db: Db, list: string, on: string) {
  const rows = await db
    .select()
    .from(codeListEntries)
    .where(
      and(
        eq(codeListEntries.list, list),
        lte(codeListEntries.validFrom, on),
        or(isNull(codeListEntries.validUntil), gte(codeListEntries.validUntil, on)),
      ),
    )
    .orderBy(asc(codeListEntries.sortOrder), asc(codeListEntries.code));
  if (rows.length === 0) {
    const known = await db
      .select({ code: codeListEntries.code })
      .from(codeListEntries)
      .where(eq(codeListEntries.list, list))
      .limit(1);
    if (known.length === 0) throw new AppError("not-found", `No code list ${list}`);
  }
  return {
    list,
    on,
    items: rows.map((r) => ({
      code: r.code,
      version: r.version,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      label: { de: r.labelDe, en: r.labelEn },
      attributes: r.attributes,
    })),
  };
}
