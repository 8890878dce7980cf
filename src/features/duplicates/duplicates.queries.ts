// Reads of duplicates: the check at registration (visible persons that may be the same person) and
// the review list (pairs whose both persons the actor may see). The scan and dismissal:
// duplicates.commands.ts.
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { visiblePersonSql } from "../../platform/access/person-access.js";
import type { Actor } from "../../platform/auth/actor.js";
import { type Db, queryRows } from "../../platform/db/client.js";
import { AppError } from "../../platform/http/errors.js";
import { cursorPart, decodeCursor, encodeCursor } from "../../platform/http/pagination.js";
import { precisionOf } from "../../platform/reference/partial-date.js";
import { comparePersons, nameTokens, type PersonForMatching, queryKeys } from "../matching/index.js";
import { persons } from "../persons/persons.tables.js";
import type { Candidate } from "../search/search.queries.js";
import { personSearchKeys } from "../search/search.tables.js";
import { pairKey } from "../search/search-index.js";
import { duplicateCandidates } from "./duplicates.tables.js";

/** The score from which the registration form warns (below the batch threshold: a warning is cheap). */
export const warnThreshold = 0.5;

const personColumns = {
  id: persons.id,
  givenNames: persons.givenNames,
  familyName: persons.familyName,
  alternativeNames: persons.alternativeNames,
  birthDate: persons.birthDate,
  birthPlace: persons.birthPlace,
  sex: persons.sex,
  nationalities: persons.nationalities,
  caseStatus: persons.caseStatus,
  leadOrganisationId: persons.leadOrganisationId,
  registeredByOrganisationId: persons.registeredByOrganisationId,
  version: persons.version,
};

export const forMatching = (
  p: Omit<Candidate, "caseStatus" | "version" | "leadOrganisationId" | "registeredByOrganisationId">,
): PersonForMatching => ({
  id: p.id,
  givenNames: p.givenNames,
  familyName: p.familyName,
  alternativeNames: p.alternativeNames,
  birthDate: p.birthDate,
  birthPlace: p.birthPlace,
  sex: p.sex,
  nationalities: p.nationalities,
});

export type DuplicateCheckInput = {
  givenNames: string;
  familyName: string;
  birthDate?: string | null | undefined;
  birthPlace?: string | null | undefined;
  sex?: "female" | "male" | "diverse" | "unknown" | undefined;
  nationalities: string[];
};

/**
 * Visible persons that may be the person about to be registered. Blocking through the search
 * index: persons sharing a key with at least two of the name's tokens (one when the name has
 * one), in any order; then `comparePersons` decides.
 */
export async function duplicateCheck(db: Db, actor: Actor, input: DuplicateCheckInput, limit = 10) {
  const tokenKeys = [...new Set(nameTokens(`${input.givenNames} ${input.familyName}`))]
    .slice(0, 6)
    .map((t) => [...new Set(queryKeys(t, false))].filter(Boolean))
    .filter((keys) => keys.length > 0);
  if (tokenKeys.length === 0) return [];
  // Two names in common (pair keys, any order), or the one name when only one is given.
  const lookup =
    tokenKeys.length === 1
      ? (tokenKeys[0] ?? [])
      : tokenKeys.flatMap((a, i) =>
          tokenKeys.flatMap((b, j) => (i === j ? [] : a.flatMap((x) => b.map((y) => pairKey(x, y))))),
        );
  const ids = await queryRows<{ person_id: string }>(
    db,
    sql`select distinct k.person_id from ${personSearchKeys} k
        where k.tenant_id = ${actor.tenantId}::uuid and k.key in (${sql.join(
          lookup.map((k) => sql`${k}`),
          sql`, `,
        )})
        limit 1000`,
  );
  if (ids.length === 0) return [];
  const rows = await db
    .select(personColumns)
    .from(persons)
    .where(
      and(
        eq(persons.tenantId, actor.tenantId),
        inArray(
          persons.id,
          ids.map((r) => r.person_id),
        ),
        visiblePersonSql(actor, persons),
      ),
    );
  const probe: PersonForMatching = {
    id: "new",
    givenNames: input.givenNames,
    familyName: input.familyName,
    birthDate: input.birthDate ?? null,
    birthPlace: input.birthPlace ?? null,
    sex: input.sex ?? null,
    nationalities: input.nationalities,
  };
  return rows
    .map((r) => ({ row: r, cmp: comparePersons(probe, forMatching(r)) }))
    .filter((x) => x.cmp.score >= warnThreshold)
    .sort((a, b) => b.cmp.score - a.cmp.score)
    .slice(0, limit)
    .map(({ row, cmp }) => ({
      id: row.id,
      givenNames: row.givenNames,
      familyName: row.familyName,
      birthDate: row.birthDate,
      birthDatePrecision: precisionOf(row.birthDate),
      birthPlace: row.birthPlace,
      nationalities: row.nationalities,
      caseStatus: row.caseStatus,
      registeredByOrganisationId: row.registeredByOrganisationId,
      leadOrganisationId: row.leadOrganisationId,
      score: Math.round(cmp.score * 1000) / 1000,
      matchReasons: cmp.reasons as string[],
    }));
}

/** The actor sees the person with this id column (visiblePersonSql: and it is not merged), for both sides of a pair. */
const seesPerson = (actor: Actor, idColumn: SQL) =>
  sql`exists (select 1 from ${persons} where ${persons.tenantId} = ${duplicateCandidates.tenantId} and ${persons.id} = ${idColumn} and ${visiblePersonSql(actor, persons)})`;

const cursorShape = z.tuple([cursorPart.score, cursorPart.uuid]);

/** Open pairs whose both persons the actor may see, best first. */
export async function listDuplicates(db: Db, actor: Actor, query: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(query.cursor, cursorShape);
  const pairs = await db
    .select()
    .from(duplicateCandidates)
    .where(
      and(
        eq(duplicateCandidates.tenantId, actor.tenantId),
        eq(duplicateCandidates.status, "open"),
        seesPerson(actor, sql`${duplicateCandidates.personAId}`),
        seesPerson(actor, sql`${duplicateCandidates.personBId}`),
        after
          ? sql`(-${duplicateCandidates.score}, ${duplicateCandidates.id}) > (-${after[0]}::real, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(sql`${duplicateCandidates.score} desc`, duplicateCandidates.id)
    .limit(query.limit + 1);
  const hasMore = pairs.length > query.limit;
  const page = hasMore ? pairs.slice(0, query.limit) : pairs;
  const ids = [...new Set(page.flatMap((p) => [p.personAId, p.personBId]))];
  const people =
    ids.length === 0
      ? []
      : await db
          .select(personColumns)
          .from(persons)
          .where(and(eq(persons.tenantId, actor.tenantId), inArray(persons.id, ids)));
  const byId = new Map(people.map((p) => [p.id, { ...p, birthDatePrecision: precisionOf(p.birthDate) }]));
  const items = page.flatMap((p) => {
    const a = byId.get(p.personAId);
    const b = byId.get(p.personBId);
    if (!a || !b) return [];
    return [
      {
        id: p.id,
        score: Math.round(p.score * 1000) / 1000,
        reasons: p.reasons,
        status: p.status,
        detectedAt: p.detectedAt,
        personA: a,
        personB: b,
      },
    ];
  });
  const last = page[page.length - 1];
  return { items, people, nextCursor: hasMore && last ? encodeCursor([last.score, last.id]) : null };
}

/** A pair whose both persons the actor may see, or 404. */
export async function duplicatePairOrThrow(db: Db, actor: Actor, id: string) {
  const [pair] = await db
    .select()
    .from(duplicateCandidates)
    .where(
      and(
        eq(duplicateCandidates.tenantId, actor.tenantId),
        eq(duplicateCandidates.id, id),
        seesPerson(actor, sql`${duplicateCandidates.personAId}`),
        seesPerson(actor, sql`${duplicateCandidates.personBId}`),
      ),
    );
  if (!pair) throw new AppError("not-found", "Duplicate pair not found");
  return pair;
}

export type PairPerson = Candidate;
export { personColumns };
