// Merging two files of the same person, and undoing it. One transaction each: the survivor takes
// the chosen field values and every row of the other person; the other person is marked merged
// (hidden from lists, search and reads) and its names become alternative names of the survivor.
// The merge row keeps the survivor's prior values and the ids of the moved rows, so that undo
// restores both persons exactly.
import { and, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { type PersonAccess, personAccessOrThrow } from "../../platform/access/person-access.js";
import { type AuditContext, audit, changeSet } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import { type Db, queryRows } from "../../platform/db/client.js";
import { updateVersioned } from "../../platform/db/versioned.js";
import { AppError } from "../../platform/http/errors.js";
import { householdMembers } from "../households/households.tables.js";
import { movedByMerge, personDataRegister } from "../person-data/register.js";
import { persons } from "../persons/persons.tables.js";
import { indexPersons, unindexPerson } from "../search/search-index.js";
import type { MergeFields } from "./duplicates.schemas.js";
import { duplicateCandidates, type MovedRows, personMerges } from "./duplicates.tables.js";

type PersonRow = typeof persons.$inferSelect;

/** The tables whose rows move to the survivor (by `person_id`, remembered by `id`): the register's `move` rules. */
const personOwnedTables = movedByMerge;

/**
 * The register's `special` merge rules this module carries out; a rule it does not know fails at
 * load, so that a table registered with a new handler cannot be merged silently wrong.
 */
export const mergeHandlers = ["household-membership", "search-index", "duplicate-pair"] as const;
for (const t of personDataRegister)
  if (t.merge.kind === "special" && !(mergeHandlers as readonly string[]).includes(t.merge.handler))
    throw new Error(`No merge handler ${t.merge.handler} for ${t.table}`);

/** Identity fields a merge may change on the survivor (and undo restores). */
const identityFields = [
  "givenNames",
  "familyName",
  "alternativeNames",
  "birthDate",
  "birthPlace",
  "sex",
  "nationalities",
  "languages",
  "contact",
  "address",
  "arrivedInGermanyOn",
  "arrivedInMunicipalityOn",
] as const satisfies readonly (keyof PersonRow)[];
type IdentityField = (typeof identityFields)[number];
type Identity = Pick<PersonRow, IdentityField>;

const pick = (p: PersonRow): Identity =>
  Object.fromEntries(identityFields.map((f) => [f, p[f]])) as unknown as Identity;

const fullName = (p: { givenNames: string; familyName: string }) => `${p.givenNames} ${p.familyName}`.trim();

/** The survivor's identity after the merge: the chosen values; the other's names become alternatives. */
export function mergedIdentity(a: PersonRow, b: PersonRow, fields: MergeFields): Identity {
  const choose = <K extends IdentityField>(k: K, side: "a" | "b"): Identity[K] => (side === "a" ? a[k] : b[k]);
  const union = <T>(x: T[], y: T[], key: (v: T) => string) => {
    const seen = new Map<string, T>();
    for (const v of [...x, ...y]) if (!seen.has(key(v))) seen.set(key(v), v);
    return [...seen.values()];
  };
  const givenNames = choose("givenNames", fields.givenNames);
  const familyName = choose("familyName", fields.familyName);
  const current = fullName({ givenNames, familyName }).toLowerCase();
  const alternativeNames = [...a.alternativeNames, fullName(a), fullName(b), ...b.alternativeNames].filter(
    (n, i, all) =>
      n.length > 0 && n.toLowerCase() !== current && all.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i,
  );
  return {
    givenNames,
    familyName,
    alternativeNames,
    birthDate: choose("birthDate", fields.birthDate),
    birthPlace: choose("birthPlace", fields.birthPlace),
    sex: choose("sex", fields.sex),
    nationalities:
      fields.nationalities === "union"
        ? union(a.nationalities, b.nationalities, (v) => v)
        : choose("nationalities", fields.nationalities),
    languages:
      fields.languages === "union"
        ? union(a.languages, b.languages, (v) => v.code)
        : choose("languages", fields.languages),
    contact: choose("contact", fields.contact),
    address: choose("address", fields.address),
    arrivedInGermanyOn: choose("arrivedInGermanyOn", fields.arrivedInGermanyOn),
    arrivedInMunicipalityOn: choose("arrivedInMunicipalityOn", fields.arrivedInMunicipalityOn),
  };
}

async function lockPersons(tx: Db, tenantId: string, ids: string[]): Promise<Map<string, PersonRow>> {
  const rows = await tx
    .select()
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), inArray(persons.id, ids)))
    .orderBy(persons.id)
    .for("update");
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Who may merge: a person-data role that sees both persons. Two files registered by the same
 * organisation: the actor may correct the identity of both. Files registered by different
 * organisations: only a case manager of the survivor's lead organisation (ARCHITECTURE.md "Search and duplicates").
 */
function assertMayMerge(actor: Actor, a: PersonRow, b: PersonRow, accessA: PersonAccess, accessB: PersonAccess) {
  if (a.registeredByOrganisationId === b.registeredByOrganisationId) {
    if (!accessA.canEditIdentity || !accessB.canEditIdentity)
      throw new AppError("forbidden", "Only an organisation that may correct the identity of both persons merges them");
    return;
  }
  if (actor.role !== "case_manager" || a.leadOrganisationId !== actor.organisationId)
    throw new AppError(
      "forbidden",
      "Files registered by different organisations are merged only by a case manager of the surviving person's lead organisation",
    );
}

export async function mergePersons(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: { survivorId: string; otherId: string; fields: MergeFields; version?: number; otherVersion?: number },
) {
  if (input.survivorId === input.otherId)
    throw new AppError("validation-error", "A person cannot be merged with itself", {
      errors: [{ path: "otherPersonId", message: "Must be another person" }],
    });
  return db.transaction(async (tx) => {
    // Visibility first: a person the actor may not see answers 404 before anything else.
    const accessA = await personAccessOrThrow(tx, actor, input.survivorId);
    const accessB = await personAccessOrThrow(tx, actor, input.otherId);
    const locked = await lockPersons(tx, actor.tenantId, [input.survivorId, input.otherId]);
    const a = locked.get(input.survivorId);
    const b = locked.get(input.otherId);
    if (!a || !b) throw new AppError("not-found", "Person not found");
    for (const p of [a, b])
      if (p.mergedIntoId)
        throw new AppError("conflict", "This person was already merged into another file", { personId: p.id });
    assertMayMerge(actor, a, b, accessA, accessB);

    // Both persons are changed at the versions the client named (409 with the person's current one):
    // the survivor takes the merged identity, the other is hidden as merged into it.
    const identity = mergedIdentity(a, b, input.fields);
    const now = new Date();
    const survivor = await updateVersioned(tx, persons, {
      where: and(eq(persons.tenantId, actor.tenantId), eq(persons.id, a.id)),
      expected: input.version,
      current: a.version,
      set: { ...identity, updatedAt: now },
      what: "surviving person",
    });
    await updateVersioned(tx, persons, {
      where: and(eq(persons.tenantId, actor.tenantId), eq(persons.id, b.id)),
      expected: input.otherVersion,
      current: b.version,
      set: { mergedIntoId: a.id, updatedAt: now },
      what: "other person",
    });

    const moved: MovedRows = {};
    for (const table of personOwnedTables) {
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`update ${sql.identifier(table)} set person_id = ${a.id}::uuid
            where tenant_id = ${actor.tenantId}::uuid and person_id = ${b.id}::uuid returning id::text as id`,
      );
      moved[table] = rows.map((r) => r.id);
    }
    // A person lives in one household: the survivor keeps its own; the other's membership moves
    // only when the survivor has none, otherwise it is dropped (and kept for undo).
    const survivorHousehold = await tx
      .select({ householdId: householdMembers.householdId })
      .from(householdMembers)
      .where(and(eq(householdMembers.tenantId, actor.tenantId), eq(householdMembers.personId, a.id)));
    const otherMemberships = await tx
      .select()
      .from(householdMembers)
      .where(and(eq(householdMembers.tenantId, actor.tenantId), eq(householdMembers.personId, b.id)));
    const dropped: { householdId: string; relation: string; addedAt: string }[] = [];
    moved.household_members = [];
    for (const m of otherMemberships) {
      if (survivorHousehold.length === 0 && moved.household_members.length === 0) {
        await tx
          .update(householdMembers)
          .set({ personId: a.id })
          .where(
            and(
              eq(householdMembers.tenantId, actor.tenantId),
              eq(householdMembers.householdId, m.householdId),
              eq(householdMembers.personId, b.id),
            ),
          );
        moved.household_members.push(m.householdId);
      } else {
        await tx
          .delete(householdMembers)
          .where(
            and(
              eq(householdMembers.tenantId, actor.tenantId),
              eq(householdMembers.householdId, m.householdId),
              eq(householdMembers.personId, b.id),
            ),
          );
        dropped.push({ householdId: m.householdId, relation: m.relation, addedAt: m.addedAt.toISOString() });
      }
    }

    const [lo, hi] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
    const [pair] = await tx
      .update(duplicateCandidates)
      .set({ status: "merged", decidedAt: now, decidedBy: actor.userId })
      .where(
        and(
          eq(duplicateCandidates.tenantId, actor.tenantId),
          eq(duplicateCandidates.personAId, lo),
          eq(duplicateCandidates.personBId, hi),
          eq(duplicateCandidates.status, "open"),
        ),
      )
      .returning({ id: duplicateCandidates.id });
    const [merge] = await tx
      .insert(personMerges)
      .values({
        tenantId: actor.tenantId,
        survivorId: a.id,
        mergedId: b.id,
        organisationId: actor.organisationId,
        mergedBy: actor.userId,
        mergedAt: now,
        survivorBefore: { ...pick(a), version: a.version },
        mergedBefore: { version: b.version },
        moved,
        droppedMemberships: dropped,
        candidateId: pair?.id ?? null,
      })
      .returning();
    if (!merge) throw new AppError("internal");
    await indexPersons(tx, [survivor]);
    await unindexPerson(tx, actor.tenantId, b.id);

    const counts = Object.fromEntries(Object.entries(moved).map(([t, ids]) => [t, ids.length]));
    await audit(
      tx,
      ctx,
      {
        action: "person.merged",
        subjectType: "person",
        subjectId: a.id,
        personId: a.id,
        categories: ["identity"],
        grounds: accessA.open.get("identity") ?? [],
        details: {
          mergeId: merge.id,
          role: "survivor",
          otherPersonId: b.id,
          moved: counts,
          ...changeSet(pick(a) as unknown as Record<string, unknown>, identity),
        },
      },
      {
        action: "person.merged",
        subjectType: "person",
        subjectId: b.id,
        personId: b.id,
        categories: ["identity"],
        grounds: accessB.open.get("identity") ?? [],
        details: { mergeId: merge.id, role: "merged", mergedIntoId: a.id, moved: counts },
      },
    );
    return { mergeId: merge.id, survivorId: a.id, mergedId: b.id, survivorVersion: survivor.version, moved: counts };
  });
}

/**
 * Undo: the rows moved by the merge go back, dropped household memberships return, the survivor
 * gets its prior identity back and the other person is a file of its own again. Only the latest
 * merge into a survivor can be undone, and not once the survivor was merged itself.
 */
export async function undoMerge(db: Db, actor: Actor, ctx: AuditContext, mergeId: string) {
  return db.transaction(async (tx) => {
    const [merge] = await tx
      .select()
      .from(personMerges)
      .where(and(eq(personMerges.tenantId, actor.tenantId), eq(personMerges.id, mergeId)))
      .for("update");
    if (!merge) throw new AppError("not-found", "Merge not found");
    // The actor must see the survivor (the merged person's grounds moved to it).
    const access = await personAccessOrThrow(tx, actor, merge.survivorId);
    const locked = await lockPersons(tx, actor.tenantId, [merge.survivorId, merge.mergedId]);
    const a = locked.get(merge.survivorId);
    const b = locked.get(merge.mergedId);
    if (!a || !b) throw new AppError("not-found", "Merge not found");
    const sameOrganisation = merge.organisationId === actor.organisationId;
    const leadCaseManager = actor.role === "case_manager" && a.leadOrganisationId === actor.organisationId;
    if (!(sameOrganisation && (access.canEditIdentity || leadCaseManager)) && !leadCaseManager)
      throw new AppError("forbidden", "Only the merging organisation or the lead case management undoes a merge");
    if (merge.undoneAt) throw new AppError("conflict", "This merge was already undone");
    if (a.mergedIntoId) throw new AppError("conflict", "The surviving person was merged again; undo that merge first");
    const [later] = await tx
      .select({ id: personMerges.id })
      .from(personMerges)
      .where(
        and(
          eq(personMerges.tenantId, actor.tenantId),
          eq(personMerges.survivorId, a.id),
          isNull(personMerges.undoneAt),
          gt(personMerges.mergedAt, merge.mergedAt),
        ),
      )
      .orderBy(desc(personMerges.mergedAt))
      .limit(1);
    if (later)
      throw new AppError("conflict", "A later merge into this person must be undone first", { mergeId: later.id });

    const moved = merge.moved;
    for (const table of personOwnedTables) {
      const ids = moved[table] ?? [];
      for (let i = 0; i < ids.length; i += 1000) {
        const chunk = ids.slice(i, i + 1000);
        await tx.execute(
          sql`update ${sql.identifier(table)} set person_id = ${b.id}::uuid
              where tenant_id = ${actor.tenantId}::uuid and person_id = ${a.id}::uuid
                and id in (${sql.join(
                  chunk.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )})`,
        );
      }
    }
    for (const householdId of moved.household_members ?? []) {
      await tx
        .update(householdMembers)
        .set({ personId: b.id })
        .where(
          and(
            eq(householdMembers.tenantId, actor.tenantId),
            eq(householdMembers.householdId, householdId),
            eq(householdMembers.personId, a.id),
          ),
        );
    }
    if (merge.droppedMemberships.length > 0) {
      await tx
        .insert(householdMembers)
        .values(
          merge.droppedMemberships.map((m) => ({
            tenantId: actor.tenantId,
            householdId: m.householdId,
            personId: b.id,
            relation: m.relation as typeof householdMembers.$inferInsert.relation,
            addedAt: new Date(m.addedAt),
          })),
        )
        .onConflictDoNothing();
    }
    const before = merge.survivorBefore as unknown as Identity;
    const restored = Object.fromEntries(identityFields.map((f) => [f, before[f]])) as unknown as Identity;
    const now = new Date();
    const [survivor] = await tx
      .update(persons)
      .set({ ...restored, version: sql`${persons.version} + 1`, updatedAt: now })
      .where(and(eq(persons.tenantId, actor.tenantId), eq(persons.id, a.id)))
      .returning();
    const [other] = await tx
      .update(persons)
      .set({ mergedIntoId: null, version: sql`${persons.version} + 1`, updatedAt: now })
      .where(and(eq(persons.tenantId, actor.tenantId), eq(persons.id, b.id)))
      .returning();
    if (!survivor || !other) throw new AppError("internal");
    if (merge.candidateId) {
      await tx
        .update(duplicateCandidates)
        .set({ status: "open", decidedAt: null, decidedBy: null })
        .where(and(eq(duplicateCandidates.tenantId, actor.tenantId), eq(duplicateCandidates.id, merge.candidateId)));
    }
    await tx
      .update(personMerges)
      .set({ undoneAt: now, undoneBy: actor.userId })
      .where(and(eq(personMerges.tenantId, actor.tenantId), eq(personMerges.id, merge.id)));
    await indexPersons(tx, [survivor, other]);
    await audit(
      tx,
      ctx,
      {
        action: "person.merge_undone",
        subjectType: "person",
        subjectId: a.id,
        personId: a.id,
        categories: ["identity"],
        grounds: access.open.get("identity") ?? [],
        details: {
          mergeId: merge.id,
          role: "survivor",
          ...changeSet(pick(a) as unknown as Record<string, unknown>, restored),
        },
      },
      {
        action: "person.merge_undone",
        subjectType: "person",
        subjectId: b.id,
        personId: b.id,
        categories: ["identity"],
        details: { mergeId: merge.id, role: "restored", mergedIntoId: null },
      },
    );
    return { mergeId: merge.id, survivorId: a.id, restoredId: b.id, undoneAt: now };
  });
}
