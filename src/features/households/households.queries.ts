import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { visiblePersonSql } from "../../platform/access/person-access.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/http/errors.js";
import { type PersonAddress, persons } from "../persons/persons.tables.js";
import { householdMembers, households } from "./households.tables.js";

/** Of the given ids, those the actor may see. Lists of ids are checked as a set. */
export async function assertPersonsVisible(db: Db, actor: Actor, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  const unique = [...new Set(personIds)];
  const rows = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(visiblePersonSql(actor, persons), inArray(persons.id, unique)));
  if (rows.length !== unique.length) throw new AppError("not-found", "Person not found");
}

export type VisibleHousehold = Awaited<ReturnType<typeof getVisibleHouseholdOrThrow>>;

/** The household with only the members the actor may see; 404 when it sees none. */
export async function getVisibleHouseholdOrThrow(db: Db, actor: Actor, householdId: string) {
  const [household] = await db
    .select()
    .from(households)
    .where(and(eq(households.tenantId, actor.tenantId), eq(households.id, householdId)));
  if (!household) throw new AppError("not-found", "Household not found");
  const rows = await db
    .select({
      personId: householdMembers.personId,
      relation: householdMembers.relation,
      givenNames: persons.givenNames,
      familyName: persons.familyName,
      birthDate: persons.birthDate,
      address: persons.address,
    })
    .from(householdMembers)
    .innerJoin(persons, and(eq(persons.tenantId, householdMembers.tenantId), eq(persons.id, householdMembers.personId)))
    .where(
      and(
        eq(householdMembers.tenantId, actor.tenantId),
        eq(householdMembers.householdId, householdId),
        visiblePersonSql(actor, persons),
      ),
    )
    .orderBy(
      sql`case ${householdMembers.relation} when 'head' then 0 when 'spouse' then 1 when 'parent' then 2 when 'child' then 3 else 4 end`,
      asc(persons.birthDate),
    );
  if (rows.length === 0 && household.createdByOrganisationId !== actor.organisationId) {
    throw new AppError("not-found", "Household not found");
  }
  return {
    id: household.id,
    name: household.name,
    version: household.version,
    createdByOrganisationId: household.createdByOrganisationId,
    members: rows.map(({ address: _, ...member }) => member),
    address: householdAddress(rows.map((r) => r.address)),
  };
}

/**
 * Where the household lives: the address of the first visible member that has one, in the
 * members' order (head first). Households keep no address of their own, so a new member takes
 * over what the actor already sees of a member; an invisible member's address never shows.
 */
function householdAddress(addresses: PersonAddress[]): Required<PersonAddress> | null {
  const found = addresses.find((a) => a.street?.trim() || a.city?.trim() || a.postalCode?.trim());
  if (!found) return null;
  return {
    street: found.street ?? null,
    postalCode: found.postalCode ?? null,
    city: found.city ?? null,
    addition: found.addition ?? null,
  };
}

/** The household a person lives in (its id), whoever created it: a person lives in one at a time. */
export async function householdOfMember(db: Db, actor: Actor, personId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ householdId: householdMembers.householdId })
    .from(householdMembers)
    .where(and(eq(householdMembers.tenantId, actor.tenantId), eq(householdMembers.personId, personId)));
  return row?.householdId;
}
