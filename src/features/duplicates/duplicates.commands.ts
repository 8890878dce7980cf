// Writes of the duplicates review: dismissing a pair, and the batch scan that stores candidate
// pairs (a system read across the access rule, hence `system…`). Merge and undo: merge.commands.ts.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import { type Db, queryRows } from "../../platform/db/client.js";
import { AppError } from "../../platform/http/errors.js";
import { linkPersons } from "../matching/index.js";
import { persons } from "../persons/persons.tables.js";
import { duplicatePairOrThrow, forMatching, personColumns } from "./duplicates.queries.js";
import { duplicateCandidates } from "./duplicates.tables.js";

/** The two persons of a pair are not the same: the pair is closed, audited on both persons. */
export async function dismissDuplicatePair(tx: Db, actor: Actor, ctx: AuditContext, id: string) {
  const pair = await duplicatePairOrThrow(tx, actor, id);
  const [updated] = await tx
    .update(duplicateCandidates)
    .set({ status: "dismissed", decidedAt: new Date(), decidedBy: actor.userId })
    .where(
      and(
        eq(duplicateCandidates.tenantId, actor.tenantId),
        eq(duplicateCandidates.id, pair.id),
        eq(duplicateCandidates.status, "open"),
      ),
    )
    .returning({ id: duplicateCandidates.id });
  if (!updated) throw new AppError("conflict", `The pair is ${pair.status}`, { status: pair.status });
  await audit(
    tx,
    ctx,
    ...[pair.personAId, pair.personBId].map((personId) => ({
      action: "duplicate.dismissed" as const,
      subjectType: "duplicate_candidate",
      subjectId: pair.id,
      personId,
      categories: ["identity"],
      details: { otherPersonId: personId === pair.personAId ? pair.personBId : pair.personAId },
    })),
  );
  return { id: pair.id, status: "dismissed" as const };
}

/**
 * The batch scan of one tenant (a system job: no actor, it reads every person of the tenant across
 * the access rule; nothing but counts leaves the database): links all
 * persons that are not merged, stores new pairs as open, refreshes the score of open pairs and
 * removes open pairs the linkage no longer finds. Dismissed and merged pairs stay as decided.
 */
export async function systemDuplicateScan(db: Db, tenantId: string, options: { threshold?: number } = {}) {
  const t0 = Date.now();
  const rows = await db
    .select(personColumns)
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), isNull(persons.mergedIntoId)));
  // The batch threshold is the matching engine's default unless the caller sets one.
  const { pairs, comparisons } = linkPersons(
    rows.map(forMatching),
    options.threshold === undefined ? {} : { threshold: options.threshold },
  );
  const found = new Map<string, { a: string; b: string; score: number; reasons: string[] }>();
  for (const p of pairs) {
    const [a, b] = p.idA < p.idB ? [p.idA, p.idB] : [p.idB, p.idA];
    if (a === b) continue;
    found.set(`${a}:${b}`, { a, b, score: p.score, reasons: p.reasons });
  }
  let removed = 0;
  await db.transaction(async (tx) => {
    const list = [...found.values()];
    for (let i = 0; i < list.length; i += 1000) {
      await tx
        .insert(duplicateCandidates)
        .values(
          list.slice(i, i + 1000).map((p) => ({
            tenantId,
            personAId: p.a,
            personBId: p.b,
            score: p.score,
            reasons: p.reasons,
          })),
        )
        .onConflictDoUpdate({
          target: [duplicateCandidates.tenantId, duplicateCandidates.personAId, duplicateCandidates.personBId],
          set: { score: sql`excluded.score`, reasons: sql`excluded.reasons` },
          setWhere: sql`${duplicateCandidates.status} = 'open'`,
        });
    }
    const open = await tx
      .select({ id: duplicateCandidates.id, a: duplicateCandidates.personAId, b: duplicateCandidates.personBId })
      .from(duplicateCandidates)
      .where(and(eq(duplicateCandidates.tenantId, tenantId), eq(duplicateCandidates.status, "open")));
    const stale = open.filter((o) => !found.has(`${o.a}:${o.b}`)).map((o) => o.id);
    for (let i = 0; i < stale.length; i += 1000) {
      await tx
        .delete(duplicateCandidates)
        .where(
          and(eq(duplicateCandidates.tenantId, tenantId), inArray(duplicateCandidates.id, stale.slice(i, i + 1000))),
        );
    }
    removed = stale.length;
  });
  return { persons: rows.length, comparisons, pairs: found.size, removed, seconds: (Date.now() - t0) / 1000 };
}

/** The scan for every tenant (after seeding, and `strang duplicates scan` without --tenant). */
export async function systemDuplicateScanAllTenants(db: Db, options: { threshold?: number } = {}) {
  const tenants = await queryRows<{ id: string }>(db, sql`select id from tenants order by id`);
  const out: { tenantId: string; persons: number; pairs: number; removed: number; seconds: number }[] = [];
  for (const t of tenants) {
    const r = await systemDuplicateScan(db, t.id, options);
    await audit(
      db,
      { tenantId: t.id },
      { action: "duplicates.scanned", details: { persons: r.persons, pairs: r.pairs } },
    );
    out.push({ tenantId: t.id, persons: r.persons, pairs: r.pairs, removed: r.removed, seconds: r.seconds });
  }
  return out;
}
