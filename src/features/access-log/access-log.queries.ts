// Reads of the data-protection pages. The dpo's lookup, access report and Art. 15 export read
// across the access rule by design (Art. 15 and 38 GDPR: the dpo answers for every person of the
// tenant), so they carry the `dpo` prefix; a case manager reaches the report only after
// assertMayReport has checked the access rule.
import { and, asc, desc, eq, gt, inArray, or, sql } from "drizzle-orm";
import { personAccessOrThrow } from "../../platform/access/person-access.js";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { organisations, tenants, users } from "../../platform/identity/identity.tables.js";
import { codeListEntries } from "../code-lists/code-lists.tables.js";
import { dpoPersonData } from "../person-data/register.js";
import { persons } from "../persons/persons.tables.js";
import { recordKinds } from "../records/record-kinds.js";
import { searchPersons } from "../search/search.queries.js";
import { getTenantSettings } from "../settings/settings.queries.js";

/** Audit actions that disclose person data to someone: the entries of an access report. */
export const disclosureActions = [
  "person.read",
  "person.listed",
  "record.read",
  "document.downloaded",
  "household.read",
  "person.exported",
  "referral.read",
  "plan.read",
] as const;

/** Who saw which categories of the person, when, and on which ground (Art. 15 (1) c GDPR: the recipients). */
export async function dpoAccessLogOf(db: Db, tenantId: string, personId: string, limit = 1000) {
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.occurredAt,
      action: auditEvents.action,
      userId: auditEvents.actorUserId,
      userName: users.name,
      organisationId: auditEvents.actorOrganisationId,
      organisationName: organisations.name,
      categories: auditEvents.categories,
      grounds: auditEvents.grounds,
      purpose: auditEvents.purpose,
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.tenantId, auditEvents.tenantId), eq(users.id, auditEvents.actorUserId)))
    .leftJoin(
      organisations,
      and(eq(organisations.tenantId, auditEvents.tenantId), eq(organisations.id, auditEvents.actorOrganisationId)),
    )
    .where(
      and(
        eq(auditEvents.tenantId, tenantId),
        eq(auditEvents.personId, personId),
        inArray(auditEvents.action, [...disclosureActions]),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  return namesAtTheTime(db, tenantId, rows);
}

type Named = {
  id: number;
  userId: string | null;
  userName: string | null;
  organisationId: string | null;
  organisationName: string | null;
};

/**
 * A reader is named as they were called when they read: the `before` of the first rename of the user
 * (or organisation) after the entry, else the current name. Renames are `user.updated` (by an admin
 * or by the user) and `organisation.updated` rows whose change set holds the name.
 */
export async function namesAtTheTime<T extends Named>(db: Db, tenantId: string, rows: T[]): Promise<T[]> {
  const userIds = [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const organisationIds = [...new Set(rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])))];
  if (rows.length === 0) return rows;
  const since = Math.min(...rows.map((r) => r.id));
  const renamesOf = (action: "user.updated" | "organisation.updated", type: string, ids: string[]) =>
    ids.length === 0
      ? undefined
      : and(eq(auditEvents.action, action), eq(auditEvents.subjectType, type), inArray(auditEvents.subjectId, ids));
  const subjects = [
    renamesOf("user.updated", "user", userIds),
    renamesOf("organisation.updated", "organisation", organisationIds),
  ].filter(Boolean);
  if (subjects.length === 0) return rows;
  const renames = await db
    .select({
      id: auditEvents.id,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      before: sql<string>`${auditEvents.details} -> 'before' ->> 'name'`,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.tenantId, tenantId),
        gt(auditEvents.id, since),
        or(...subjects),
        sql`${auditEvents.details} -> 'before' ->> 'name' is not null`,
      ),
    )
    .orderBy(asc(auditEvents.id));
  if (renames.length === 0) return rows;
  const bySubject = new Map<string, { id: number; before: string }[]>();
  for (const r of renames) {
    const key = `${r.subjectType}:${r.subjectId}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), { id: r.id, before: r.before }]);
  }
  const nameAt = (type: string, subjectId: string | null, at: number, current: string | null) =>
    (subjectId && bySubject.get(`${type}:${subjectId}`)?.find((r) => r.id > at)?.before) ?? current;
  return rows.map((r) => ({
    ...r,
    userName: nameAt("user", r.userId, r.id, r.userName),
    organisationName: nameAt("organisation", r.organisationId, r.id, r.organisationName),
  }));
}

/** Whom a report or export is about: any person of the tenant (merged files included), by design. */
async function dpoPersonHeaderOrThrow(db: Db, actor: Actor, personId: string) {
  const [person] = await db
    .select({
      id: persons.id,
      givenNames: persons.givenNames,
      familyName: persons.familyName,
      birthDate: persons.birthDate,
    })
    .from(persons)
    .where(and(eq(persons.tenantId, actor.tenantId), eq(persons.id, personId)));
  if (!person) throw notFound("Person");
  return person;
}

/** The dpo may look at any person of the tenant; a case manager only at persons its organisation leads. */
export async function assertMayReport(db: Db, actor: Actor, personId: string): Promise<void> {
  if (actor.role === "dpo") {
    await dpoPersonHeaderOrThrow(db, actor, personId);
    return;
  }
  const access = await personAccessOrThrow(db, actor, personId);
  if (!access.canManageConsents)
    throw new AppError(
      "forbidden",
      "Only the lead case management and the data-protection officer read the access report",
    );
}

/** The access report: whom it is about and who saw what. Callers authorize with assertMayReport first. */
export async function dpoAccessReport(db: Db, actor: Actor, personId: string) {
  const [items, person] = await Promise.all([
    dpoAccessLogOf(db, actor.tenantId, personId),
    dpoPersonHeaderOrThrow(db, actor, personId),
  ]);
  return { person, items };
}

/**
 * The dpo's lookup of whom an access request is about: the case managers' spelling-tolerant search
 * over every person of the tenant (merged files included: their reads are logged under their own
 * id); only who the person is leaves here.
 */
export async function dpoPersonLookup(db: Db, actor: Actor, q: string) {
  const hits = await searchPersons(db, actor, { q, limit: 25 }, { visible: eq(persons.tenantId, actor.tenantId) });
  return hits.map((h) => ({ id: h.id, givenNames: h.givenNames, familyName: h.familyName, birthDate: h.birthDate }));
}

/** The code lists the export's codes come from: record fields and referral services. */
const exportCodeLists = [
  ...new Set([
    ...Object.values(recordKinds).flatMap((k) => Object.values("codeLists" in k ? k.codeLists : {})),
    "service",
  ]),
];

/**
 * Everything the Art. 15 export holds about a person, whoever created it: every section from the
 * register of person data, with the names of the organisations, the labels of the codes and the
 * tenant's controller. Callers authorize with assertMayReport first.
 */
export async function dpoPersonExport(db: Db, actor: Actor, personId: string) {
  const t = actor.tenantId;
  const [rows, organisationRows, codeRows, settings, tenant] = await Promise.all([
    dpoPersonData(db, t, personId),
    db
      .select({ id: organisations.id, name: organisations.name, type: organisations.type })
      .from(organisations)
      .where(eq(organisations.tenantId, t)),
    // Every version: a record keeps the code it was given under the law of its day.
    db
      .select({
        list: codeListEntries.list,
        code: codeListEntries.code,
        de: codeListEntries.labelDe,
        en: codeListEntries.labelEn,
      })
      .from(codeListEntries)
      .where(inArray(codeListEntries.list, exportCodeLists))
      .orderBy(asc(codeListEntries.version)),
    getTenantSettings(db, t),
    db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, t)),
  ]);
  const [person] = rows.person;
  if (!person) throw notFound("Person");
  return { rows, person, organisationRows, codeRows, settings, tenantName: tenant[0]?.name ?? "" };
}

export type PersonExport = Awaited<ReturnType<typeof dpoPersonExport>>;
