// Writes of households: create, rename, add and remove members. Each runs in the caller's
// transaction and writes its audit rows there; a member's rows name the person and `family`.
import { and, eq } from "drizzle-orm";
import { personAccessOrThrow } from "../../platform/access/person-access.js";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { updateVersioned } from "../../platform/db/versioned.js";
import { AppError } from "../../platform/http/errors.js";
import { assertPersonsVisible, getVisibleHouseholdOrThrow, householdOfMember } from "./households.queries.js";
import { type HouseholdRelation, householdMembers, households } from "./households.tables.js";

export type Member = { personId: string; relation: HouseholdRelation };

/** Creates a household of persons the actor may all see; returns its id. */
export async function createHousehold(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  input: { name: string; members: Member[] },
): Promise<string> {
  await assertPersonsVisible(
    tx,
    actor,
    input.members.map((m) => m.personId),
  );
  const [h] = await tx
    .insert(households)
    .values({ tenantId: actor.tenantId, name: input.name, createdByOrganisationId: actor.organisationId })
    .returning();
  if (!h) throw new AppError("internal");
  for (const m of input.members) await addMember(tx, actor, h.id, m.personId, m.relation);
  await audit(
    tx,
    ctx,
    {
      action: "household.created",
      subjectType: "household",
      subjectId: h.id,
      details: { after: { name: h.name, members: input.members.length } },
    },
    ...input.members.map((m) => ({
      action: "household.updated" as const,
      subjectType: "household",
      subjectId: h.id,
      personId: m.personId,
      categories: ["family"],
      details: { added: m.relation },
    })),
  );
  return h.id;
}

export async function renameHousehold(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  householdId: string,
  name: string,
  expected: number | undefined,
): Promise<void> {
  const before = await getVisibleHouseholdOrThrow(tx, actor, householdId);
  await updateVersioned(tx, households, {
    where: and(eq(households.tenantId, actor.tenantId), eq(households.id, before.id)),
    expected,
    current: before.version,
    set: { name, updatedAt: new Date() },
    what: "household",
  });
  await audit(tx, ctx, {
    action: "household.updated",
    subjectType: "household",
    subjectId: before.id,
    details: { before: { name: before.name }, after: { name } },
  });
}

export async function addHouseholdMember(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  householdId: string,
  member: Member,
): Promise<void> {
  await addMember(tx, actor, householdId, member.personId, member.relation);
  await audit(tx, ctx, {
    action: "household.updated",
    subjectType: "household",
    subjectId: householdId,
    personId: member.personId,
    categories: ["family"],
    details: { added: member.relation },
  });
}

/** Removes a person the actor may see from a household; 404 when the person is no member of it. */
export async function removeHouseholdMember(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  householdId: string,
  personId: string,
): Promise<void> {
  await personAccessOrThrow(tx, actor, personId);
  const [removed] = await tx
    .delete(householdMembers)
    .where(
      and(
        eq(householdMembers.tenantId, actor.tenantId),
        eq(householdMembers.householdId, householdId),
        eq(householdMembers.personId, personId),
      ),
    )
    .returning();
  if (!removed) throw new AppError("not-found", "The person is not a member of this household");
  await audit(tx, ctx, {
    action: "household.updated",
    subjectType: "household",
    subjectId: householdId,
    personId,
    categories: ["family"],
    details: { removed: removed.relation },
  });
}

/**
 * Puts a person into a household the actor may see (a person lives in one household at a time).
 * Writes no audit row: the caller's does (the household's, or the registration's).
 */
export async function addMember(
  tx: Db,
  actor: Actor,
  householdId: string,
  personId: string,
  relation: HouseholdRelation,
  options: { personJustCreated?: boolean } = {},
): Promise<void> {
  await getVisibleHouseholdOrThrow(tx, actor, householdId);
  if (!options.personJustCreated) await assertPersonsVisible(tx, actor, [personId]);
  const existing = await householdOfMember(tx, actor, personId);
  if (existing) {
    if (existing === householdId) throw new AppError("conflict", "The person is already a member of this household");
    throw new AppError("conflict", "The person lives in another household; remove them there first");
  }
  await tx.insert(householdMembers).values({ tenantId: actor.tenantId, householdId, personId, relation });
}
