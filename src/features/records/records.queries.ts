import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { PersonAccess } from "../../platform/access/person-access.js";
import { visibleItemSql } from "../../platform/access/person-access.js";
import type { Db } from "../../platform/db/client.js";
import type { Category } from "../../platform/domain-categories.js";
import { AppError } from "../../platform/http/errors.js";
import { codeListEntries } from "../code-lists/code-lists.tables.js";
import { kindDefinition, type RecordKind } from "./record-kinds.js";
import { records } from "./records.tables.js";

export type RecordRow = typeof records.$inferSelect;

export function presentRecord(r: RecordRow) {
  return {
    id: r.id,
    personId: r.personId,
    kind: r.kind,
    category: r.category,
    data: r.data,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    ownerOrganisationId: r.ownerOrganisationId,
    protected: r.protected,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function listVisibleRecords(
  db: Db,
  tenantId: string,
  access: PersonAccess,
  filter: { category?: Category | undefined; kind?: RecordKind | undefined } = {},
): Promise<RecordRow[]> {
  const conditions: (SQL | undefined)[] = [
    eq(records.tenantId, tenantId),
    eq(records.personId, access.personId),
    visibleItemSql(access, records),
  ];
  if (filter.category) conditions.push(eq(records.category, filter.category));
  if (filter.kind) conditions.push(eq(records.kind, filter.kind));
  return db
    .select()
    .from(records)
    .where(and(...conditions))
    .orderBy(asc(records.category), desc(records.validFrom), desc(records.createdAt));
}

export async function ownsRecordsIn(
  db: Db,
  tenantId: string,
  access: PersonAccess,
  category: Category,
): Promise<boolean> {
  const rows = await db
    .select({ id: records.id })
    .from(records)
    .where(
      and(
        eq(records.tenantId, tenantId),
        eq(records.personId, access.personId),
        eq(records.category, category),
        eq(records.ownerOrganisationId, access.organisationId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function getRecordRow(db: Db, tenantId: string, id: string): Promise<RecordRow | undefined> {
  const [row] = await db
    .select()
    .from(records)
    .where(and(eq(records.tenantId, tenantId), eq(records.id, id)));
  return row;
}

/** Codes in record data must exist in their code list (any version: old records keep old codes). */
export async function assertCodesKnown(db: Db, kind: string, data: Record<string, unknown>): Promise<void> {
  const lists = kindDefinition(kind)?.codeLists ?? {};
  const wanted = Object.entries(lists).filter(([field]) => typeof data[field] === "string");
  if (wanted.length === 0) return;
  const rows = await db
    .selectDistinct({ list: codeListEntries.list, code: codeListEntries.code, attributes: codeListEntries.attributes })
    .from(codeListEntries)
    .where(
      inArray(
        sql`(${codeListEntries.list}, ${codeListEntries.code})`,
        wanted.map(([field, list]) => sql`(${list}, ${data[field] as string})`),
      ),
    );
  const errors = wanted
    .filter(([field, list]) => !rows.some((r) => r.list === list && r.code === data[field]))
    .map(([field, list]) => ({ path: `data.${field}`, message: `Unknown code in the code list ${list}` }));
  // A paragraph must belong to the status type it is given with.
  if (kind === "residence_status" && typeof data.paragraph === "string") {
    const p = rows.find((r) => r.list === "residence_paragraph" && r.code === data.paragraph);
    const statusType = (p?.attributes as { statusType?: string } | undefined)?.statusType;
    if (p && statusType && statusType !== data.type) {
      errors.push({ path: "data.paragraph", message: `The paragraph belongs to the status type ${statusType}` });
    }
  }
  if (errors.length > 0)
    throw new AppError("validation-error", errors.map((e) => `${e.path}: ${e.message}`).join("; "), { errors });
}

/** The current residence status: the latest by validFrom (then creation), the rest is history. */
export function splitResidence(rows: RecordRow[]) {
  const residence = rows
    .filter((r) => r.kind === "residence_status")
    .sort(
      (a, b) => (b.validFrom ?? "").localeCompare(a.validFrom ?? "") || b.createdAt.getTime() - a.createdAt.getTime(),
    );
  return { current: residence[0] ?? null, history: residence.slice(1) };
}
