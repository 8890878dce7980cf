// Reading records: the scoped loader, the lists of what the actor may see (each read audited),
// and the checks of codes and organisations a record's data names.
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import {
  assertCategoryReadable,
  groundsForItem,
  type PersonAccess,
  personAccessOrThrow,
  personItemOrThrow,
  uniqueGrounds,
  visibleItemSql,
} from "../../platform/access/person-access.js";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import type { Category } from "../../platform/domain-categories.js";
import { AppError } from "../../platform/http/errors.js";
import { organisations } from "../../platform/identity/identity.tables.js";
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

/** A record the actor may see, with the person's access; 404 for one it may not see, as for none. */
export async function recordOrThrow(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ row: RecordRow; access: PersonAccess }> {
  const [row] = await db
    .select()
    .from(records)
    .where(and(eq(records.tenantId, actor.tenantId), eq(records.id, id)));
  return personItemOrThrow(db, actor, row, "Record not found");
}

/** GET /records/{id}: one record, its read audited with the grounds that open it. */
export async function readRecord(db: Db, ctx: AuditContext, actor: Actor, id: string): Promise<RecordRow> {
  const { row, access } = await recordOrThrow(db, actor, id);
  await audit(db, ctx, {
    action: "record.read",
    subjectType: "record",
    subjectId: row.id,
    personId: row.personId,
    categories: [row.category],
    grounds: groundsForItem(access, row),
  });
  return row;
}

/**
 * The person's records the actor may see, optionally of one category or kind. Asking for a closed
 * category answers 403 consent-required (unless the actor's organisation owns records in it).
 */
export async function readRecords(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  filter: { category?: Category | undefined; kind?: RecordKind | undefined },
): Promise<RecordRow[]> {
  const access = await personAccessOrThrow(db, actor, personId);
  const category = filter.category ?? (filter.kind ? kindDefinition(filter.kind)?.category : undefined);
  if (category) assertCategoryReadable(access, category, await ownsRecordsIn(db, actor.tenantId, access, category));
  const rows = await listVisibleRecords(db, actor.tenantId, access, { category, kind: filter.kind });
  await auditRecordsRead(db, ctx, access, rows);
  return rows;
}

/** GET /persons/{id}/residence: the visible residence records, split into the current one and its history. */
export async function readResidence(db: Db, ctx: AuditContext, actor: Actor, personId: string) {
  return splitResidence(await readRecords(db, ctx, actor, personId, { kind: "residence_status" }));
}

/** One `person.read` row for a list of records: the categories shown and the grounds that opened them. */
async function auditRecordsRead(db: Db, ctx: AuditContext, access: PersonAccess, rows: RecordRow[]) {
  if (rows.length === 0) return;
  await audit(db, ctx, {
    action: "person.read",
    subjectType: "person",
    subjectId: access.personId,
    personId: access.personId,
    categories: [...new Set(rows.map((r) => r.category))],
    grounds: uniqueGrounds(rows.map((r) => groundsForItem(access, r))),
    details: { records: rows.length },
  });
}

/** An organisation a record names as provider must be one of the tenant's. */
export async function assertProviderKnown(db: Db, tenantId: string, data: Record<string, unknown>): Promise<void> {
  const id = data.providerOrganisationId;
  if (typeof id !== "string") return;
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.id, id)));
  if (!org)
    throw new AppError("validation-error", "Unknown provider organisation", {
      errors: [{ path: "data.providerOrganisationId", message: "No such organisation" }],
    });
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
