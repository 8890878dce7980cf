import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import {
  closedCategories,
  type PersonAccess,
  personAbilities,
  visiblePersonSql,
} from "../../platform/access/person-access.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/http/errors.js";
import { cursorPart, decodeCursor, page } from "../../platform/http/pagination.js";
import { users } from "../../platform/identity/identity.tables.js";
import { precisionOf } from "../../platform/reference/partial-date.js";
import { householdMembers, households } from "../households/households.tables.js";
import { presentHit, searchPersons } from "../search/search.queries.js";
import { persons } from "./persons.tables.js";

export type PersonRow = typeof persons.$inferSelect;

/**
 * A person merged into another exists no more on its own: 404, naming the surviving file when the
 * actor may see it (so a bookmark leads on), otherwise a plain 404.
 */
export async function assertNotMerged(db: Db, actor: Actor, person: PersonRow): Promise<void> {
  if (!person.mergedIntoId) return;
  const [survivor] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.id, person.mergedIntoId), visiblePersonSql(actor, persons)));
  throw new AppError(
    "not-found",
    "This person's file was merged into another file",
    survivor ? { mergedIntoId: survivor.id } : undefined,
  );
}

export async function householdOf(db: Db, tenantId: string, personId: string) {
  const [row] = await db
    .select({ id: households.id, name: households.name, relation: householdMembers.relation })
    .from(householdMembers)
    .innerJoin(
      households,
      and(eq(households.tenantId, householdMembers.tenantId), eq(households.id, householdMembers.householdId)),
    )
    .where(and(eq(householdMembers.tenantId, tenantId), eq(householdMembers.personId, personId)));
  return row ?? null;
}

/** The API view of a person: identity only when open to the actor, case state, access, abilities. */
export function presentPerson(p: PersonRow, access: PersonAccess) {
  return {
    id: p.id,
    givenNames: p.givenNames,
    familyName: p.familyName,
    alternativeNames: p.alternativeNames,
    birthDate: p.birthDate,
    birthDatePrecision: precisionOf(p.birthDate),
    birthPlace: p.birthPlace,
    sex: p.sex,
    nationalities: p.nationalities,
    languages: p.languages,
    contact: p.contact,
    address: p.address,
    arrivedInGermanyOn: p.arrivedInGermanyOn,
    arrivedInMunicipalityOn: p.arrivedInMunicipalityOn,
    registeredByOrganisationId: p.registeredByOrganisationId,
    case: {
      status: p.caseStatus,
      leadOrganisationId: p.leadOrganisationId,
      leadCaseManagerId: p.leadCaseManagerId,
      openedOn: p.caseOpenedOn,
      closedOn: p.caseClosedOn,
      closingReason: p.closingReason,
    },
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    access: { openCategories: [...access.open.keys()], closedCategories: closedCategories(access) },
    abilities: personAbilities(access),
  };
}

/** The id of an active case manager of the actor's own organisation, if the user is one. */
export async function activeCaseManagerOf(db: Db, actor: Actor, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.tenantId, actor.tenantId),
        eq(users.id, userId),
        eq(users.organisationId, actor.organisationId),
        eq(users.role, "case_manager"),
        eq(users.active, true),
      ),
    );
  return row?.id;
}

type PersonsQuery = {
  q?: string | undefined;
  status?: PersonRow["caseStatus"] | undefined;
  limit: number;
  cursor?: string | undefined;
};

/** `GET /persons`: the text search (best matches, one page) when `q` is given, else the visible persons by name. */
export async function findPersons(db: Db, actor: Actor, { q, ...query }: PersonsQuery) {
  if (!q) return listVisiblePersons(db, actor, query);
  const hits = await searchPersons(db, actor, { q, status: query.status, limit: query.limit });
  return { items: hits.map(presentHit), nextCursor: null };
}

const cursorShape = z.tuple([cursorPart.text, cursorPart.text, cursorPart.uuid]);

/** Persons the actor may see, filtered and paginated in SQL (never filtered after LIMIT). */
async function listVisiblePersons(
  db: Db,
  actor: Actor,
  query: {
    status?: PersonRow["caseStatus"] | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  // Text search (`q`) is searchPersons in features/search; visiblePersonSql leaves merged persons out.
  const conditions: (SQL | undefined)[] = [visiblePersonSql(actor, persons)];
  if (query.status) conditions.push(eq(persons.caseStatus, query.status));
  const after = decodeCursor(query.cursor, cursorShape);
  if (after) {
    conditions.push(
      sql`(${persons.familyName}, ${persons.givenNames}, ${persons.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: persons.id,
      givenNames: persons.givenNames,
      familyName: persons.familyName,
      birthDate: persons.birthDate,
      nationalities: persons.nationalities,
      caseStatus: persons.caseStatus,
      leadOrganisationId: persons.leadOrganisationId,
      registeredByOrganisationId: persons.registeredByOrganisationId,
      version: persons.version,
    })
    .from(persons)
    .where(and(...conditions))
    .orderBy(asc(persons.familyName), asc(persons.givenNames), asc(persons.id))
    .limit(query.limit + 1);
  const p = page(rows, query.limit, (r) => [r.familyName, r.givenNames, r.id]);
  return {
    items: p.items.map((r) => ({ ...r, birthDatePrecision: precisionOf(r.birthDate) })),
    nextCursor: p.nextCursor,
  };
}
