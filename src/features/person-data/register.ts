// The register of person data: one description per table that holds data about a person — its
// categories, which organisation owns a row, what a merge does with it, where the Art. 15 export
// shows it and what a retention rule will do with it. Merge (duplicates/merge.commands.ts) and the
// export (access-log/) read it instead of keeping lists of their own, and register.test.ts compares
// it with the database catalogue, so that a new table with a person reference cannot be forgotten.
//
// It lives in features/, not platform/: the loaders need feature tables and queries (households,
// consents, the access log), and the platform knows nothing of the domain.
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../platform/db/client.js";
import type { Category } from "../../platform/domain-categories.js";
import { disclosureActions, dpoAccessLogOf } from "../access-log/access-log.queries.js";
import { presentConsent } from "../consents/consents.queries.js";
import { consents } from "../consents/consents.tables.js";
import { documents } from "../documents/documents.tables.js";
import { householdOf } from "../persons/persons.queries.js";
import { caseEvents, persons } from "../persons/persons.tables.js";
import { caseConferences, planGoals, planMeasures } from "../plans/plans.tables.js";
import { records } from "../records/records.tables.js";
import { referrals } from "../referrals/referrals.tables.js";

/** What a merge does with the merged person's rows of a table. */
export type MergeRule =
  /** `person_id` is set to the survivor (the moved ids are kept in `person_merges.moved` for undo). */
  | { kind: "move" }
  /** The survivor's row stays and takes the chosen values; the other's is marked merged. */
  | { kind: "keep-survivor" }
  /** The rows stay with the person they name (history, or the merge's own record). */
  | { kind: "keep"; why: string }
  /** merge.commands.ts has a handler of this name (it checks at load that it knows every one). */
  | { kind: "special"; handler: "household-membership" | "search-index" | "duplicate-pair"; why: string };

/** What a retention rule will do with a person's rows (descriptive: retention is a later issue). */
export type RetentionRule = "delete" | "anonymise" | "keep-as-audit-tombstone";

/** The sections of the Art. 15 export that carry rows of the register (JSON keys of the export). */
export const exportSections = [
  "person",
  "household",
  "records",
  "documents",
  "consents",
  "caseEvents",
  "referrals",
  "planGoals",
  "planMeasures",
  "caseConferences",
  "accessLog",
] as const;
export type ExportSection = (typeof exportSections)[number];

export type PersonDataTable = {
  /** The SQL name of the table. */
  table: string;
  /** Its columns that name a person (empty when it reaches the person through another table). */
  personColumns: string[];
  /** The categories of its rows: fixed, or taken from a column of the row. */
  categories: readonly Category[] | { byColumn: string };
  /** The column naming the organisation a row belongs to (null: none of its own). */
  owner: string | null;
  merge: MergeRule;
  /** Where the Art. 15 export shows its rows, or why it does not. */
  export: { section: ExportSection } | { excluded: string };
  retention: RetentionRule;
  /**
   * The person's rows, as `select <key>::text as id` — the identifier the export shows each row
   * by (the catalogue and completeness tests read it; a retention job will too).
   */
  rowsOf: (tenantId: string, personId: string) => SQL;
};

const byPerson =
  (table: string, key = "id", column = "person_id") =>
  (tenantId: string, personId: string) =>
    sql`select ${sql.identifier(key)}::text as id from ${sql.identifier(table)}
        where tenant_id = ${tenantId}::uuid and ${sql.identifier(column)} = ${personId}::uuid`;

export const personDataRegister: readonly PersonDataTable[] = [
  {
    table: "persons",
    personColumns: ["id", "merged_into_id"],
    categories: ["identity"],
    owner: "registered_by_organisation_id",
    merge: { kind: "keep-survivor" },
    export: { section: "person" },
    // A tombstone keeps the id that audit rows and merges point to; the identity goes.
    retention: "anonymise",
    rowsOf: byPerson("persons", "id", "id"),
  },
  {
    table: "households",
    personColumns: [],
    // The household's name is usually the family name.
    categories: ["family"],
    owner: "created_by_organisation_id",
    merge: {
      kind: "keep",
      why: "a household is shared by its members; only the membership row moves (household_members)",
    },
    export: { section: "household" },
    retention: "delete",
    rowsOf: (tenantId, personId) =>
      sql`select household_id::text as id from household_members
          where tenant_id = ${tenantId}::uuid and person_id = ${personId}::uuid`,
  },
  {
    table: "household_members",
    personColumns: ["person_id"],
    categories: ["family"],
    owner: null,
    merge: {
      kind: "special",
      handler: "household-membership",
      why: "a person lives in one household: the membership moves only when the survivor has none, else it is dropped and kept for undo",
    },
    export: { section: "household" },
    retention: "delete",
    rowsOf: byPerson("household_members", "household_id"),
  },
  {
    table: "records",
    personColumns: ["person_id"],
    categories: { byColumn: "category" },
    owner: "owner_organisation_id",
    merge: { kind: "move" },
    export: { section: "records" },
    retention: "delete",
    rowsOf: byPerson("records"),
  },
  {
    table: "documents",
    personColumns: ["person_id"],
    categories: { byColumn: "category" },
    owner: "owner_organisation_id",
    merge: { kind: "move" },
    // Metadata only: the bytes are downloaded one by one, each download audited.
    export: { section: "documents" },
    retention: "delete",
    rowsOf: byPerson("documents"),
  },
  {
    table: "consents",
    personColumns: ["person_id"],
    categories: { byColumn: "categories" },
    owner: "recorded_by_organisation_id",
    merge: { kind: "move" },
    export: { section: "consents" },
    // Proof that past disclosures were lawful outlives the consent.
    retention: "keep-as-audit-tombstone",
    rowsOf: byPerson("consents"),
  },
  {
    table: "case_events",
    personColumns: ["person_id"],
    categories: ["identity"],
    owner: "organisation_id",
    merge: { kind: "move" },
    export: { section: "caseEvents" },
    retention: "delete",
    rowsOf: byPerson("case_events"),
  },
  {
    table: "referrals",
    personColumns: ["person_id"],
    categories: { byColumn: "shared_categories" },
    owner: "from_organisation_id",
    merge: { kind: "move" },
    export: { section: "referrals" },
    // The deadline figures count referrals; the message and notes about the person go.
    retention: "anonymise",
    rowsOf: byPerson("referrals"),
  },
  {
    table: "plan_goals",
    personColumns: ["person_id"],
    categories: { byColumn: "domain" },
    owner: "owner_organisation_id",
    merge: { kind: "move" },
    export: { section: "planGoals" },
    retention: "delete",
    rowsOf: byPerson("plan_goals"),
  },
  {
    table: "plan_measures",
    personColumns: ["person_id"],
    // A measure is an item of its goal's domain.
    categories: { byColumn: "plan_goals.domain" },
    owner: "owner_organisation_id",
    merge: { kind: "move" },
    export: { section: "planMeasures" },
    retention: "delete",
    rowsOf: byPerson("plan_measures"),
  },
  {
    table: "case_conferences",
    personColumns: ["person_id"],
    categories: ["notes"],
    owner: "owner_organisation_id",
    merge: { kind: "move" },
    export: { section: "caseConferences" },
    retention: "delete",
    rowsOf: byPerson("case_conferences"),
  },
  {
    table: "person_search_keys",
    personColumns: ["person_id"],
    categories: ["identity"],
    owner: null,
    merge: {
      kind: "special",
      handler: "search-index",
      why: "derived from the names: the survivor is reindexed with its new names, the merged person unindexed",
    },
    export: { excluded: "derived from the names the person section shows; codes of the matching engine only" },
    retention: "delete",
    rowsOf: byPerson("person_search_keys", "key"),
  },
  {
    table: "duplicate_candidates",
    personColumns: ["person_a_id", "person_b_id"],
    categories: ["identity"],
    owner: null,
    merge: {
      kind: "special",
      handler: "duplicate-pair",
      why: "the merged pair is marked merged (open again on undo); other pairs keep naming the person they found",
    },
    // Sharing less: a pair names a second file, which may be another person's.
    export: { excluded: "a pair names a second file that may be another person's; a merge shows in the names" },
    retention: "delete",
    rowsOf: (tenantId, personId) =>
      sql`select id::text as id from duplicate_candidates
          where tenant_id = ${tenantId}::uuid and ${personId}::uuid in (person_a_id, person_b_id)`,
  },
  {
    table: "person_merges",
    personColumns: ["survivor_id", "merged_id"],
    categories: ["identity"],
    owner: "organisation_id",
    merge: { kind: "keep", why: "the merge's own record (prior values and moved row ids, for undo)" },
    export: {
      excluded:
        "the survivor's prior values are its own earlier identity, the rest names a second file; the merge shows in the names",
    },
    retention: "delete",
    rowsOf: (tenantId, personId) =>
      sql`select id::text as id from person_merges
          where tenant_id = ${tenantId}::uuid and ${personId}::uuid in (survivor_id, merged_id)`,
  },
  {
    table: "audit_events",
    personColumns: ["person_id"],
    categories: { byColumn: "categories" },
    owner: "actor_organisation_id",
    merge: { kind: "keep", why: "append-only history stays under the id it was written for" },
    // The disclosures are the recipients of Art. 15 (1) c; writes are the history of rows shown above.
    export: { section: "accessLog" },
    retention: "keep-as-audit-tombstone",
    rowsOf: (tenantId, personId) =>
      sql`select id::text as id from audit_events
          where tenant_id = ${tenantId}::uuid and person_id = ${personId}::uuid
            and action in (${sql.join(
              disclosureActions.map((a) => sql`${a}`),
              sql`, `,
            )})`,
  },
];

/**
 * Tables that name persons only indirectly and are deliberately outside the register (the
 * catalogue test finds no person reference in them; listed so that the decision is visible).
 */
export const outsideRegister: Record<string, string> = {
  notifications: "no personal data by design: a kind, a subject id (a referral) and neutral parameters",
  idempotency_keys: "a replay cache of the poster's own responses for a day, reachable only by user and key",
};

/** The tables a merge moves by setting `person_id` to the survivor. */
export const movedByMerge = personDataRegister.filter((t) => t.merge.kind === "move").map((t) => t.table);

/** How each export section loads the person's rows. */
const exportLoaders = {
  person: async (db: Db, t: string, id: string) =>
    db
      .select()
      .from(persons)
      .where(and(eq(persons.tenantId, t), eq(persons.id, id))),
  household: async (db: Db, t: string, id: string) => {
    const h = await householdOf(db, t, id);
    return h ? [h] : [];
  },
  records: (db: Db, t: string, id: string) =>
    db
      .select()
      .from(records)
      .where(and(eq(records.tenantId, t), eq(records.personId, id)))
      .orderBy(asc(records.category), asc(records.createdAt)),
  documents: (db: Db, t: string, id: string) =>
    db
      .select()
      .from(documents)
      .where(and(eq(documents.tenantId, t), eq(documents.personId, id)))
      .orderBy(asc(documents.createdAt)),
  consents: async (db: Db, t: string, id: string) =>
    (
      await db
        .select()
        .from(consents)
        .where(and(eq(consents.tenantId, t), eq(consents.personId, id)))
        .orderBy(asc(consents.createdAt))
    ).map(presentConsent),
  caseEvents: (db: Db, t: string, id: string) =>
    db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.tenantId, t), eq(caseEvents.personId, id)))
      .orderBy(asc(caseEvents.occurredAt)),
  referrals: (db: Db, t: string, id: string) =>
    db
      .select()
      .from(referrals)
      .where(and(eq(referrals.tenantId, t), eq(referrals.personId, id)))
      .orderBy(asc(referrals.sentAt)),
  planGoals: (db: Db, t: string, id: string) =>
    db
      .select()
      .from(planGoals)
      .where(and(eq(planGoals.tenantId, t), eq(planGoals.personId, id)))
      .orderBy(asc(planGoals.createdAt)),
  planMeasures: (db: Db, t: string, id: string) =>
    db
      .select()
      .from(planMeasures)
      .where(and(eq(planMeasures.tenantId, t), eq(planMeasures.personId, id)))
      .orderBy(asc(planMeasures.createdAt)),
  caseConferences: (db: Db, t: string, id: string) =>
    db
      .select()
      .from(caseConferences)
      .where(and(eq(caseConferences.tenantId, t), eq(caseConferences.personId, id)))
      .orderBy(asc(caseConferences.heldOn), asc(caseConferences.createdAt)),
  // Every disclosure, however many: the export is the one complete answer.
  accessLog: (db: Db, t: string, id: string) => dpoAccessLogOf(db, t, id, 100_000),
} satisfies Record<ExportSection, (db: Db, tenantId: string, personId: string) => Promise<unknown[]>>;

export type ExportRows = { [K in ExportSection]: Awaited<ReturnType<(typeof exportLoaders)[K]>> };

/** The sections the register names, in the order of `exportSections`. */
export const registeredSections = exportSections.filter((s) =>
  personDataRegister.some((t) => "section" in t.export && t.export.section === s),
);

/**
 * Everything the register exports about a person, per section. A section no registered table
 * names stays empty, so that the export shows only what the register describes.
 */
export async function dpoPersonData(db: Db, tenantId: string, personId: string): Promise<ExportRows> {
  const loaded = await Promise.all(
    exportSections.map(async (s) =>
      registeredSections.includes(s) ? exportLoaders[s](db, tenantId, personId) : ([] as unknown[]),
    ),
  );
  return Object.fromEntries(exportSections.map((s, i) => [s, loaded[i]])) as ExportRows;
}

/**
 * The tables of the database that refer to a person — a `person_id` column or a foreign key to
 * `persons` — and are neither in the register nor deliberately outside it. Empty when the register
 * is complete.
 */
export async function unregisteredPersonTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ table: string }>(
    db,
    sql`select c.table_name::text as table from information_schema.columns c
         where c.table_schema = current_schema() and c.column_name = 'person_id'
        union
        select tc.table_name::text from information_schema.table_constraints tc
          join information_schema.constraint_column_usage u
            on u.constraint_schema = tc.constraint_schema and u.constraint_name = tc.constraint_name
         where tc.table_schema = current_schema() and tc.constraint_type = 'FOREIGN KEY'
           and u.table_name = 'persons'`,
  );
  const known = new Set([...personDataRegister.map((t) => t.table), ...Object.keys(outsideRegister)]);
  return rows
    .map((r) => r.table)
    .filter((t) => !known.has(t))
    .sort();
}
