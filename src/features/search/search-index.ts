// The person search index: keeps `person_search_keys` in step with the names of persons. Every
// command that creates a person or changes its names calls `indexPersons` in its own transaction;
// `systemReindexSearchKeys` rebuilds the index (`strang search reindex`, and at start-up while empty).
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../platform/db/client.js";
import { nameTokens, personKeys } from "../matching/index.js";
import { persons } from "../persons/persons.tables.js";
import { personSearchKeys, type SearchKeyPart } from "./search.tables.js";

export type NamedPerson = {
  tenantId: string;
  id: string;
  givenNames: string;
  familyName: string;
  alternativeNames?: string[] | null;
};

/** The index rows of one person: the matching engine's keys, each with the name part it came from. */
export function searchKeyRows(p: NamedPerson): (typeof personSearchKeys.$inferInsert)[] {
  const all = personKeys({
    givenNames: p.givenNames,
    familyName: p.familyName,
    alternativeNames: p.alternativeNames ?? [],
  });
  if (all.length === 0) return [];
  const given = new Set(personKeys({ givenNames: p.givenNames, familyName: "", alternativeNames: [] }));
  const family = new Set(personKeys({ givenNames: "", familyName: p.familyName, alternativeNames: [] }));
  const part = (k: string): SearchKeyPart => (given.has(k) ? "given" : family.has(k) ? "family" : "alternative");
  const singles = [...new Set(all)]
    .filter((key) => key.length > 0 && key.length <= 200)
    .map((key) => ({ tenantId: p.tenantId, personId: p.id, key, part: part(key) }));
  // Pair keys within each name (the main name; each alternative name on its own).
  const pairs = new Set<string>();
  for (const name of [`${p.givenNames} ${p.familyName}`, ...(p.alternativeNames ?? [])]) {
    const keys = nameTokens(name)
      .slice(0, 6)
      .map((t) =>
        personKeys({ givenNames: t, familyName: "", alternativeNames: [] }).filter(
          (k) => k.length > 0 && k.length <= 100,
        ),
      )
      .filter((k) => k.length > 0);
    for (let i = 0; i < keys.length; i += 1)
      for (let j = 0; j < keys.length; j += 1)
        if (i !== j) for (const a of keys[i] ?? []) for (const b of keys[j] ?? []) pairs.add(pairKey(a, b));
  }
  // A file without a family name (a single name, common from Afghanistan and Eritrea): its given
  // names' keys once more, marked, so that a query of the name and a father's or family name the
  // file does not hold finds it with one range scan instead of among everyone sharing the name.
  const singleNames =
    family.size === 0 ? [...given].filter((key) => key.length > 0 && key.length <= 199).map(singleNameKey) : [];
  const fulls = new Set(
    [`${p.givenNames} ${p.familyName}`, ...(p.alternativeNames ?? [])]
      .map((name) => fullNameKey(nameTokens(name)))
      .filter((k) => k.length > 1 && k.length <= 200),
  );
  return [
    ...singles,
    ...[...pairs].map((key) => ({ tenantId: p.tenantId, personId: p.id, key, part: "pair" as const })),
    ...[...fulls].map((key) => ({ tenantId: p.tenantId, personId: p.id, key, part: "full" as const })),
    ...singleNames.map((key) => ({ tenantId: p.tenantId, personId: p.id, key, part: "single" as const })),
  ];
}

/** The key of a given-name key of a file without a family name. */
export const singleNameKey = (key: string) => `!${key}`;

/** The key of a whole name as spelled (normalised tokens in their order). */
export const fullNameKey = (tokens: string[]) => `=${tokens.join(" ")}`;

/** The key of two name keys in this order. */
export const pairKey = (a: string, b: string) => `${a} ${b}`;

/** Replaces the index rows of the persons (one tenant or several); call inside the writing transaction. */
export async function indexPersons(db: Db, people: NamedPerson[], options: { fresh?: boolean } = {}): Promise<number> {
  if (people.length === 0) return 0;
  if (!options.fresh) {
    const byTenant = new Map<string, string[]>();
    for (const p of people) byTenant.set(p.tenantId, [...(byTenant.get(p.tenantId) ?? []), p.id]);
    for (const [tenantId, ids] of byTenant) {
      await db
        .delete(personSearchKeys)
        .where(and(eq(personSearchKeys.tenantId, tenantId), inArray(personSearchKeys.personId, ids)));
    }
  }
  const rows = people.flatMap(searchKeyRows);
  for (let i = 0; i < rows.length; i += 5000) {
    await db
      .insert(personSearchKeys)
      .values(rows.slice(i, i + 5000))
      .onConflictDoNothing();
  }
  return rows.length;
}

/** Drops a person from the index (a merged person is found no more). */
export async function unindexPerson(db: Db, tenantId: string, personId: string): Promise<void> {
  await db
    .delete(personSearchKeys)
    .where(and(eq(personSearchKeys.tenantId, tenantId), eq(personSearchKeys.personId, personId)));
}

/** Whether start-up must build the index: persons exist but the index is empty (after migration 0009). O(1). */
export async function systemSearchIndexMissing(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ missing: boolean }>(
    db,
    sql`select (exists (select 1 from ${persons}) and not exists (select 1 from ${personSearchKeys})) as missing`,
  );
  return Boolean(row?.missing);
}

/**
 * Rebuilds the index: every person (all tenants, or one), in chunks of `chunkSize`, each chunk in
 * its own transaction. With `onlyMissing`, only persons without any key are indexed.
 */
export async function systemReindexSearchKeys(
  db: Db,
  options: { tenantId?: string; onlyMissing?: boolean; chunkSize?: number } = {},
): Promise<{ persons: number; keys: number }> {
  const chunkSize = options.chunkSize ?? 2000;
  let after: [string, string] | undefined;
  let done = 0;
  let keys = 0;
  for (;;) {
    const rows = await db
      .select({
        tenantId: persons.tenantId,
        id: persons.id,
        givenNames: persons.givenNames,
        familyName: persons.familyName,
        alternativeNames: persons.alternativeNames,
      })
      .from(persons)
      .where(
        and(
          isNull(persons.mergedIntoId),
          options.tenantId ? eq(persons.tenantId, options.tenantId) : undefined,
          after ? sql`(${persons.tenantId}, ${persons.id}) > (${after[0]}::uuid, ${after[1]}::uuid)` : undefined,
          options.onlyMissing
            ? sql`not exists (select 1 from ${personSearchKeys} k where k.tenant_id = ${persons.tenantId} and k.person_id = ${persons.id})`
            : undefined,
        ),
      )
      .orderBy(persons.tenantId, persons.id)
      .limit(chunkSize);
    if (rows.length === 0) break;
    keys += await db.transaction(async (tx) => indexPersons(tx, rows));
    done += rows.length;
    const last = rows[rows.length - 1] as (typeof rows)[number];
    after = [last.tenantId, last.id];
    if (rows.length < chunkSize) break;
  }
  return { persons: done, keys };
}
