// The access rule for person data (ARCHITECTURE.md "The access rule"). Every read and write of person data
// asks this module: which persons the actor may see (as SQL, for lists, search, counts and
// exports), which categories of one person and on which ground, and what the actor may change.
//
// A user of organisation O may read category C of person P only if, at the moment of the request:
//  1. O owns it — registered P (identity) or created the record;
//  2. O is P's lead organisation and P consented to case management (a consent with
//     caseManagement = true; the lead organisation always sees identity);
//  3. a valid, unrevoked consent of P names O, or "all partners" while O has an active
//     cooperation agreement with P's lead organisation, and C;
//  4. an active referral (sent or accepted) to O shares C and a valid consent of P with C reaches
//     O (ground 3's test); the sender keeps only its own grounds. The consent to case
//     management covers the lead organisation's own work only: it never opens data to another
//     organisation, through a referral or otherwise;
//  5. an active legal basis grants O category C.
// Protected provenance: records created by schools, youth office, health services and counselling
// organisations reach an immigration office only through a consent naming it (ground 3,
// explicitly) or a legal basis — never through "all partners" or a referral. Toward an immigration
// office the categories health, family and notes are confidential in the same way, whoever
// created them (§ 88 AufenthG with § 203 StGB: a social worker's case notes are professional
// secrets): they open only through a consent naming that office and the category, or a legal basis.
// Any ground that opens a category of P also shows P's identity (whom the data is about).
// A person merged into another (duplicates) does not exist for anyone: reads go to the survivor.
import { getTableColumns, getTableName, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { agreements } from "../../features/agreements/agreements.tables.js";
import { consents } from "../../features/consents/consents.tables.js";
import { legalBases } from "../../features/legal-bases/legal-bases.tables.js";
import { persons } from "../../features/persons/persons.tables.js";
import { referrals } from "../../features/referrals/referrals.tables.js";
import type { Actor } from "../auth/actor.js";
import type { Db } from "../db/client.js";
import type { Role } from "../domain.js";
import { type Category, categories } from "../domain-categories.js";
import { AppError } from "../http/errors.js";
import { organisations } from "../identity/identity.tables.js";
import { today } from "../reference/partial-date.js";

export type Ground =
  | { type: "ownership" }
  | { type: "lead_organisation" }
  | { type: "consent"; consentId: string }
  | { type: "referral"; referralId: string }
  | { type: "legal_basis"; legalBasisId: string };

/** Roles that work with person data at all; the others are narrowed out (ARCHITECTURE.md "Roles and organisation types"). */
export const personDataRoles: readonly Role[] = ["case_manager", "caseworker", "org_admin"];

/**
 * Why a category is closed: no ground opens it; it is open but protected records stay hidden; or
 * it is confidential toward the actor's immigration office (opens only by a consent naming the
 * office and the category, or a legal basis).
 */
export type ClosedReason = "no-consent" | "protected-provenance" | "confidential";

/** Categories confidential toward an immigration office whoever created them (§ 203 StGB). */
export const confidentialTowardImmigrationOffice: readonly Category[] = ["health", "family", "notes"];

export type PersonAccess = {
  personId: string;
  organisationId: string;
  /** Categories the actor sees, each with the grounds that open it. */
  open: Map<Category, Ground[]>;
  /** Open categories whose protected records stay hidden (immigration office without an explicit ground). */
  protectedHidden: Set<Category>;
  /** Closed because confidential toward the actor's immigration office (empty for other organisations). */
  confidential: Set<Category>;
  isRegistrar: boolean;
  isLeadOrganisation: boolean;
  /** Categories in which the actor may add records. */
  writable: Set<Category>;
  canEditIdentity: boolean;
  canManageCase: boolean;
  /** Record and revoke the person's consents: the lead's case managers, or the registrar while there is no lead. */
  canManageConsents: boolean;
  /** See all of the person's consents: the lead organisation, or the registrar while there is no lead. */
  canReadAllConsents: boolean;
  /** Ids of the consents that reach the actor's organisation now. */
  consentIds: string[];
};

type ConsentFact = {
  id: string;
  categories: Category[];
  explicit: boolean;
  allPartners: boolean;
  caseManagement: boolean;
};
type LegalBasisFact = { id: string; categories: Category[] };
type ReferralFact = { id: string; categories: Category[] };

/** What the decision needs about one person, loaded in one query. */
export type PersonAccessFacts = {
  id: string;
  registeredByOrganisationId: string;
  leadOrganisationId: string | null;
  consents: ConsentFact[];
  legalBases: LegalBasisFact[];
  /** Active referrals to the actor's organisation, with the shared categories a consent covers. */
  referrals: ReferralFact[];
};

export function assertPersonDataRole(actor: Actor): void {
  if (!personDataRoles.includes(actor.role)) {
    throw new AppError("forbidden", "Your role does not work with person data");
  }
}

/**
 * A column with its table name: drizzle leaves column names unqualified inside select fields,
 * where a correlated subquery would then bind them to the inner table.
 */
const q = (column: AnyPgColumn): SQL => sql.raw(`"${getTableName(column.table)}"."${column.name}"`);

const activeConsent = (c: typeof consents, on: string | Placeholder) =>
  sql`${q(c.revokedAt)} is null and ${q(c.validFrom)} <= ${on}::date and (${q(c.validUntil)} is null or ${q(c.validUntil)} >= ${on}::date)`;
const activeValidity = (t: { validFrom: AnyPgColumn; validUntil: AnyPgColumn }, on: string | Placeholder) =>
  sql`${q(t.validFrom)} <= ${on}::date and (${q(t.validUntil)} is null or ${q(t.validUntil)} >= ${on}::date)`;

/** A consent of the person (alias p) reaches the actor's organisation. */
function consentReaches(
  org: string | Placeholder | SQL,
  person: { tenantId: AnyPgColumn; leadOrganisationId: AnyPgColumn },
  on: string | Placeholder,
): SQL {
  return sql`(
    ${q(consents.recipientOrganisationIds)} @> array[${org}::uuid]
    or (${q(consents.caseManagement)} and ${q(person.leadOrganisationId)} = ${org}::uuid)
    or (${q(consents.allPartners)} and exists (
      select 1 from ${agreements}
      where ${q(agreements.tenantId)} = ${q(person.tenantId)}
        and ${q(agreements.leadOrganisationId)} = ${q(person.leadOrganisationId)}
        and ${q(agreements.partnerOrganisationId)} = ${org}::uuid
        and ${activeValidity(agreements, on)})))`;
}

/** Referrals that are running: a completed, declined or withdrawn referral shares nothing any more. */
const activeReferral = sql.raw(`"referrals"."status" in ('sent', 'accepted')`);

/**
 * The categories of an active referral (table "referrals") of the person that a consent covers: a
 * valid consent with the category that reaches the receiver. The consent to case management reaches
 * only the lead organisation, so it covers a referral only when the lead receives it.
 */
function coveredReferralCategories(
  person: { tenantId: AnyPgColumn; id: AnyPgColumn; leadOrganisationId: AnyPgColumn },
  on: string | Placeholder,
): SQL {
  return sql`array(select cat from unnest(${q(referrals.sharedCategories)}) as cat
    where exists (select 1 from ${consents}
      where ${q(consents.tenantId)} = ${q(person.tenantId)} and ${q(consents.personId)} = ${q(person.id)}
        and ${activeConsent(consents, on)} and cat = any(${q(consents.categories)})
        and ${consentReaches(q(referrals.toOrganisationId), person, on)}))`;
}

const confidentialArray = sql.raw(
  `array[${confidentialTowardImmigrationOffice.map((c) => `'${c}'`).join(", ")}]::text[]`,
);

/**
 * For an immigration office, a consent (table "consents") that does not name it shows the person
 * only if it holds a category that is not confidential toward it; for everyone else, any consent.
 */
function consentShowsPersonTo(actor: Actor): SQL {
  if (actor.organisationType !== "immigration_office") return sql`true`;
  return sql`(${q(consents.recipientOrganisationIds)} @> array[${actor.organisationId}::uuid]
    or exists (select 1 from unnest(${q(consents.categories)}) as cat where cat <> all(${confidentialArray})))`;
}

/** A referral's covered categories show the person: any, or for an immigration office one that is not confidential. */
function referralShowsPersonTo(actor: Actor, covered: SQL): SQL {
  if (actor.organisationType !== "immigration_office") return sql`cardinality(${covered}) > 0`;
  return sql`exists (select 1 from unnest(${covered}) as cat where cat <> all(${confidentialArray}))`;
}

/**
 * Active referrals of the person to the organisation. A referral shares data with its receiver; the
 * sender keeps only the grounds it has of its own (else a partner's referral to the lead, covered
 * by the consent to case management, would open the lead's consent to the partner).
 */
function referralToOrganisation(org: string | Placeholder, person: { tenantId: AnyPgColumn; id: AnyPgColumn }): SQL {
  return sql`${q(referrals.tenantId)} = ${q(person.tenantId)} and ${q(referrals.personId)} = ${q(person.id)}
    and ${activeReferral} and ${q(referrals.toOrganisationId)} = ${org}::uuid`;
}

/**
 * The grounds on which the actor sees each of the listed persons (for the audit rows of lists and
 * searches, and so for the access report): one query over the listed ids.
 */
export async function identityGroundsOf(
  db: Db,
  actor: Actor,
  listed: { id: string; registeredByOrganisationId: string; leadOrganisationId: string | null }[],
): Promise<Map<string, Ground[]>> {
  const out = new Map<string, Ground[]>();
  if (listed.length === 0) return out;
  const on = today();
  const ids = listed.map((p) => p.id);
  const [reaching, bases, running] = await Promise.all([
    db
      .select({ personId: consents.personId, id: consents.id })
      .from(consents)
      .innerJoin(
        persons,
        sql`${q(persons.tenantId)} = ${q(consents.tenantId)} and ${q(persons.id)} = ${q(consents.personId)}`,
      )
      .where(
        sql`${q(consents.tenantId)} = ${actor.tenantId}::uuid and ${q(consents.personId)} in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and ${activeConsent(consents, on)} and ${consentReaches(actor.organisationId, persons, on)}
          and ${consentShowsPersonTo(actor)}`,
      ),
    db
      .select({ id: legalBases.id })
      .from(legalBases)
      .where(
        sql`${q(legalBases.tenantId)} = ${actor.tenantId}::uuid and ${q(legalBases.organisationId)} = ${actor.organisationId}::uuid and ${q(legalBases.revokedAt)} is null and ${activeValidity(legalBases, on)}`,
      ),
    db
      .select({ personId: referrals.personId, id: referrals.id })
      .from(referrals)
      .innerJoin(
        persons,
        sql`${q(persons.tenantId)} = ${q(referrals.tenantId)} and ${q(persons.id)} = ${q(referrals.personId)}`,
      )
      .where(
        sql`${q(referrals.tenantId)} = ${actor.tenantId}::uuid and ${q(referrals.personId)} in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and ${referralToOrganisation(actor.organisationId, persons)}
          and ${referralShowsPersonTo(actor, coveredReferralCategories(persons, on))}`,
      ),
  ]);
  for (const p of listed) {
    const grounds: Ground[] = [];
    if (p.registeredByOrganisationId === actor.organisationId) grounds.push({ type: "ownership" });
    if (p.leadOrganisationId === actor.organisationId) grounds.push({ type: "lead_organisation" });
    for (const c of reaching) if (c.personId === p.id) grounds.push({ type: "consent", consentId: c.id });
    for (const r of running) if (r.personId === p.id) grounds.push({ type: "referral", referralId: r.id });
    for (const b of bases) grounds.push({ type: "legal_basis", legalBasisId: b.id });
    out.set(p.id, grounds);
  }
  return out;
}

/**
 * SQL predicate: the actor may see the person at all. Every list, search, count and export uses
 * it, so that invisible persons never reach a page, a total or a file.
 */
export function visiblePersonSql(
  actor: Actor,
  person: {
    tenantId: AnyPgColumn;
    id: AnyPgColumn;
    registeredByOrganisationId: AnyPgColumn;
    leadOrganisationId: AnyPgColumn;
    mergedIntoId: AnyPgColumn;
  } = persons,
): SQL {
  if (!personDataRoles.includes(actor.role)) return sql`false`;
  const on = today();
  // A person merged into another lives on as the survivor: the merged file is seen by nobody.
  return sql`(${q(person.tenantId)} = ${actor.tenantId}::uuid and ${q(person.mergedIntoId)} is null and (
    ${q(person.registeredByOrganisationId)} = ${actor.organisationId}::uuid
    or ${q(person.leadOrganisationId)} = ${actor.organisationId}::uuid
    or exists (select 1 from ${consents}
      where ${q(consents.tenantId)} = ${q(person.tenantId)} and ${q(consents.personId)} = ${q(person.id)}
        and ${activeConsent(consents, on)} and ${consentReaches(actor.organisationId, person, on)}
        and ${consentShowsPersonTo(actor)})
    or exists (select 1 from ${legalBases}
      where ${q(legalBases.tenantId)} = ${actor.tenantId}::uuid and ${q(legalBases.organisationId)} = ${actor.organisationId}::uuid
        and ${q(legalBases.revokedAt)} is null and ${activeValidity(legalBases, on)})
    or exists (select 1 from ${referrals}
      where ${referralToOrganisation(actor.organisationId, person)}
        and ${referralShowsPersonTo(actor, coveredReferralCategories(person, on))})))`;
}

export type PersonRow = typeof persons.$inferSelect;

/**
 * More columns of the person row for one caller's statement, under the statement's own name (e.g.
 * the case-file read adds the household): the row and its facts stay one query.
 */
export type PersonColumns = { statement: string; columns: Record<string, SQL> };
type ColumnValues<C extends PersonColumns["columns"]> = { [K in keyof C]: C[K] extends SQL<infer T> ? T : never };

function preparePersonWithFacts(db: Db, more: PersonColumns | undefined) {
  const org = sql.placeholder("org");
  const on = sql.placeholder("on");
  return db
    .select({
      ...getTableColumns(persons),
      consentFacts: sql<ConsentFact[] | string | null>`(select json_agg(json_build_object(
          'id', ${q(consents.id)}, 'categories', ${q(consents.categories)},
          'explicit', ${q(consents.recipientOrganisationIds)} @> array[${org}::uuid],
          'allPartners', ${q(consents.allPartners)}, 'caseManagement', ${q(consents.caseManagement)}))
        from ${consents}
        where ${q(consents.tenantId)} = ${q(persons.tenantId)} and ${q(consents.personId)} = ${q(persons.id)}
          and ${activeConsent(consents, on)} and ${consentReaches(org, persons, on)})`,
      legalBasisFacts: sql<LegalBasisFact[] | string | null>`(select json_agg(json_build_object(
          'id', ${q(legalBases.id)}, 'categories', ${q(legalBases.categories)}))
        from ${legalBases}
        where ${q(legalBases.tenantId)} = ${q(persons.tenantId)} and ${q(legalBases.organisationId)} = ${org}::uuid
          and ${q(legalBases.revokedAt)} is null and ${activeValidity(legalBases, on)})`,
      referralFacts: sql<ReferralFact[] | string | null>`(select json_agg(json_build_object(
          'id', ${q(referrals.id)}, 'categories', ${coveredReferralCategories(persons, on)}))
        from ${referrals}
        where ${referralToOrganisation(org, persons)})`,
      more: more
        ? sql<Record<string, unknown> | string>`json_build_object(${sql.join(
            Object.entries(more.columns).map(([name, column]) => sql`${name}::text, ${column}`),
            sql`, `,
          )})`
        : sql<null>`null`,
    })
    .from(persons)
    .where(
      sql`${q(persons.tenantId)} = ${sql.placeholder("tenant")}::uuid and ${q(persons.id)} = ${sql.placeholder("id")}::uuid and ${q(persons.mergedIntoId)} is null`,
    )
    .prepare(more ? more.statement : "strang_person_with_facts");
}

// Built once per database handle (and statement name): the hot path of every person read.
const preparedPersonWithFacts = new WeakMap<Db, Map<string, ReturnType<typeof preparePersonWithFacts>>>();

/**
 * Loads the person with the facts the decision needs — the consents that reach the actor's
 * organisation, its legal bases and the referrals to it — in one query, with the caller's `more`
 * columns of the person (as one JSON object: a column named in SQL keeps its name).
 */
export async function loadPersonWithFacts<M extends PersonColumns>(
  db: Db,
  actor: Actor,
  personId: string,
  more?: M,
): Promise<{ person: PersonRow; facts: PersonAccessFacts; more: ColumnValues<M["columns"]> } | undefined> {
  const name = more?.statement ?? "strang_person_with_facts";
  let statements = preparedPersonWithFacts.get(db);
  if (!statements) {
    statements = new Map();
    preparedPersonWithFacts.set(db, statements);
  }
  let statement = statements.get(name);
  if (!statement) {
    statement = preparePersonWithFacts(db, more);
    statements.set(name, statement);
  }
  const [row] = await statement.execute({
    org: actor.organisationId,
    on: today(),
    tenant: actor.tenantId,
    id: personId,
  });
  if (!row) return undefined;
  const { consentFacts, legalBasisFacts, referralFacts, more: moreValues, ...person } = row;
  const parse = <T>(v: T | string | null): T | null => (typeof v === "string" ? (JSON.parse(v) as T) : v);
  return {
    person,
    facts: {
      id: person.id,
      registeredByOrganisationId: person.registeredByOrganisationId,
      leadOrganisationId: person.leadOrganisationId,
      consents: parse(consentFacts) ?? [],
      legalBases: parse(legalBasisFacts) ?? [],
      referrals: (parse(referralFacts) ?? []).filter((r) => r.categories.length > 0),
    },
    more: (parse(moreValues) ?? {}) as ColumnValues<M["columns"]>,
  };
}

/** Decides the actor's access to one person from its facts; undefined = the person does not exist for the actor. */
export function decidePersonAccess(actor: Actor, person: PersonAccessFacts): PersonAccess | undefined {
  if (!personDataRoles.includes(actor.role)) return undefined;
  const isRegistrar = person.registeredByOrganisationId === actor.organisationId;
  const isLeadOrganisation = person.leadOrganisationId === actor.organisationId;
  const isImmigrationOffice = actor.organisationType === "immigration_office";
  const open = new Map<Category, Ground[]>();
  // Categories opened by a ground that also opens protected records.
  const opensProtected = new Set<Category>();
  const add = (c: Category, g: Ground, protectedToo: boolean) => {
    open.set(c, [...(open.get(c) ?? []), g]);
    if (protectedToo) opensProtected.add(c);
  };
  if (isRegistrar) add("identity", { type: "ownership" }, true);
  if (isLeadOrganisation) add("identity", { type: "lead_organisation" }, true);
  // Toward an immigration office, what only "all partners" or a referral would open stays closed
  // where it is confidential, and keeps its protected records hidden elsewhere.
  const confidential = new Set<Category>(isImmigrationOffice ? confidentialTowardImmigrationOffice : []);
  const addUnlessConfidential = (c: Category, g: Ground, explicit: boolean) => {
    if (explicit || !isImmigrationOffice) add(c, g, true);
    else if (!confidential.has(c)) add(c, g, false);
  };
  for (const c of person.consents) {
    // Only a consent naming the organisation explicitly (or case management by the lead) is explicit.
    const explicit = c.explicit || (c.caseManagement && isLeadOrganisation);
    for (const cat of c.categories) addUnlessConfidential(cat, { type: "consent", consentId: c.id }, explicit);
  }
  for (const r of person.referrals) {
    for (const cat of r.categories) addUnlessConfidential(cat, { type: "referral", referralId: r.id }, false);
  }
  for (const lb of person.legalBases) {
    for (const cat of lb.categories) add(cat, { type: "legal_basis", legalBasisId: lb.id }, true);
  }
  if (open.size === 0) return undefined;
  // Any ground that opens a category shows whom it is about.
  if (!open.has("identity")) {
    const first = [...open.values()][0] ?? [];
    open.set("identity", first);
    opensProtected.add("identity");
  }
  const protectedHidden = new Set<Category>([...open.keys()].filter((c) => !opensProtected.has(c)));
  const writable = new Set<Category>(isRegistrar || isLeadOrganisation ? categories : [...open.keys()]);
  return {
    personId: person.id,
    organisationId: actor.organisationId,
    open,
    protectedHidden,
    confidential: new Set([...confidential].filter((c) => !open.has(c))),
    isRegistrar,
    isLeadOrganisation,
    writable,
    canEditIdentity: isRegistrar || (isLeadOrganisation && actor.role === "case_manager"),
    canManageCase: actor.role === "case_manager" && (isLeadOrganisation || person.leadOrganisationId === null),
    canManageConsents:
      (isLeadOrganisation && actor.role === "case_manager") || (isRegistrar && person.leadOrganisationId === null),
    canReadAllConsents: isLeadOrganisation || (isRegistrar && person.leadOrganisationId === null),
    consentIds: person.consents.map((c) => c.id),
  };
}

/** SQL predicate for records or documents of one person the actor may see. */
export function visibleItemSql(
  access: PersonAccess,
  item: { ownerOrganisationId: AnyPgColumn; category: AnyPgColumn | SQL; protected?: AnyPgColumn | SQL },
): SQL {
  const full = [...access.open.keys()].filter((c) => !access.protectedHidden.has(c));
  const unprotectedOnly = [...access.protectedHidden];
  const list = (cs: Category[]) =>
    sql.join(
      cs.map((c) => sql`${c}`),
      sql`, `,
    );
  const parts: SQL[] = [sql`${item.ownerOrganisationId} = ${access.organisationId}::uuid`];
  if (full.length > 0) parts.push(sql`${item.category} in (${list(full)})`);
  if (unprotectedOnly.length > 0) {
    parts.push(
      item.protected
        ? sql`(${item.category} in (${list(unprotectedOnly)}) and not ${item.protected})`
        : sql`${item.category} in (${list(unprotectedOnly)})`,
    );
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

export function canSeeItem(
  access: PersonAccess,
  item: { ownerOrganisationId: string; category: Category; protected?: boolean },
): boolean {
  if (item.ownerOrganisationId === access.organisationId) return true;
  if (!access.open.has(item.category)) return false;
  return !(item.protected && access.protectedHidden.has(item.category));
}

/** Grounds for one item as the audit and the access log record them. */
export function groundsForItem(
  access: PersonAccess,
  item: { ownerOrganisationId: string; category: Category },
): Ground[] {
  const grounds = [...(access.open.get(item.category) ?? [])];
  if (item.ownerOrganisationId === access.organisationId && !grounds.some((g) => g.type === "ownership")) {
    grounds.unshift({ type: "ownership" });
  }
  return grounds;
}

export function closedCategories(access: PersonAccess): { category: Category; reason: ClosedReason }[] {
  return [
    ...categories
      .filter((c) => !access.open.has(c))
      .map((category) => ({
        category,
        reason: access.confidential.has(category) ? ("confidential" as const) : ("no-consent" as const),
      })),
    ...[...access.protectedHidden].map((category) => ({ category, reason: "protected-provenance" as const })),
  ];
}

/** Asking for a category explicitly: 403 consent-required unless open or the actor owns items in it. */
export function assertCategoryReadable(access: PersonAccess, category: Category, ownsItemsInIt: boolean): void {
  if (access.open.has(category) || ownsItemsInIt) return;
  throw new AppError(
    "consent-required",
    `No consent or legal basis lets your organisation see "${category}" of this person`,
    { category },
  );
}

export function assertCanWriteCategory(access: PersonAccess, category: Category): void {
  if (!access.writable.has(category)) {
    throw new AppError("consent-required", `Your organisation may not add "${category}" data to this person`, {
      category,
    });
  }
}

/** What the web app may offer for this person (the API presents abilities; the UI never re-derives rules). */
export function personAbilities(access: PersonAccess) {
  return {
    editIdentity: access.canEditIdentity,
    manageCase: access.canManageCase,
    manageConsents: access.canManageConsents,
    addRecordCategories: [...access.writable],
    openCategories: [...access.open.keys()],
  };
}

/** The person's access for the actor, or 404: a person the actor may not see does not exist for it. */
export async function personAccessOrThrow(db: Db, actor: Actor, personId: string): Promise<PersonAccess> {
  return (await personWithAccessOrThrow(db, actor, personId)).access;
}

/** The person row and the actor's access; 404 when the actor may not see the person. */
export async function personWithAccessOrThrow(
  db: Db,
  actor: Actor,
  personId: string,
): Promise<{ person: PersonRow; access: PersonAccess }> {
  assertPersonDataRole(actor);
  const loaded = await loadPersonWithFacts(db, actor, personId);
  const access = loaded ? decidePersonAccess(actor, loaded.facts) : undefined;
  if (!loaded || !access) {
    if (!loaded) await throwIfMergedIntoVisible(db, actor, personId);
    throw new AppError("not-found", "Person not found");
  }
  return { person: loaded.person, access };
}

/**
 * The scoped loader of everything that hangs off a person (record, document, consent, goal,
 * measure, conference, referral): the caller loads the row within the actor's tenant, this decides
 * whether the actor may see the person and the item. 404 — the same answer as for an id that does
 * not exist — when it may not; a database error stays a database error (never a 404). The
 * features' `…OrThrow(tx, actor, id)` loaders are built on it.
 */
export async function personItemOrThrow<
  R extends { personId: string; ownerOrganisationId?: string; category?: Category; protected?: boolean },
>(db: Db, actor: Actor, row: R | undefined, notFound: string): Promise<{ row: R; access: PersonAccess }> {
  assertPersonDataRole(actor);
  if (!row) throw new AppError("not-found", notFound);
  const loaded = await loadPersonWithFacts(db, actor, row.personId);
  const access = loaded ? decidePersonAccess(actor, loaded.facts) : undefined;
  if (!access) throw new AppError("not-found", notFound);
  if (
    row.ownerOrganisationId !== undefined &&
    row.category !== undefined &&
    !canSeeItem(access, {
      ownerOrganisationId: row.ownerOrganisationId,
      category: row.category,
      protected: row.protected,
    })
  ) {
    throw new AppError("not-found", notFound);
  }
  return { row, access };
}

/** A merged file answers 404 naming the surviving file, when the actor may see that one (a bookmark leads on). */
async function throwIfMergedIntoVisible(db: Db, actor: Actor, personId: string): Promise<void> {
  const [row] = await db
    .select({ mergedIntoId: persons.mergedIntoId })
    .from(persons)
    .where(
      sql`${q(persons.tenantId)} = ${actor.tenantId}::uuid and ${q(persons.id)} = ${personId}::uuid and ${q(persons.mergedIntoId)} is not null`,
    );
  if (!row?.mergedIntoId) return;
  const survivor = await loadPersonWithFacts(db, actor, row.mergedIntoId);
  if (survivor && decidePersonAccess(actor, survivor.facts)) {
    throw new AppError("not-found", "This person's file was merged into another file", {
      mergedIntoId: row.mergedIntoId,
    });
  }
}

/** Every ground in a set of grounds, once. */
export function uniqueGrounds(groups: Ground[][]): Ground[] {
  const seen = new Map<string, Ground>();
  for (const g of groups.flat()) seen.set(JSON.stringify(g), g);
  return [...seen.values()];
}

export type UnshareableReason = "no-consent-reaches-receiver" | "confidential";

/**
 * What the actor may share with a receiving organisation in a referral (ground 4): categories open
 * to the actor and covered by a valid consent of the person that reaches the receiver (names it, or
 * "all partners" while the receiver has an active agreement with the lead organisation, or case
 * management when the receiver is the lead). Toward an immigration office, the confidential
 * categories only by a consent naming it. `unshareable` says why each other open category is not.
 */
export async function referralSharing(
  db: Db,
  actor: Actor,
  access: PersonAccess,
  toOrganisationId: string | null,
): Promise<{ shareable: Category[]; unshareable: { category: Category; reason: UnshareableReason }[] }> {
  const openToActor = categories.filter((c) => access.open.has(c));
  if (!toOrganisationId) {
    return {
      shareable: [],
      unshareable: openToActor.map((category) => ({ category, reason: "no-consent-reaches-receiver" })),
    };
  }
  const on = today();
  const [receiver] = await db
    .select({ type: organisations.type })
    .from(organisations)
    .where(
      sql`${q(organisations.tenantId)} = ${actor.tenantId}::uuid and ${q(organisations.id)} = ${toOrganisationId}::uuid`,
    );
  const rows = receiver
    ? await db
        .select({
          categories: consents.categories,
          namesReceiver: sql<boolean>`${q(consents.recipientOrganisationIds)} @> array[${toOrganisationId}::uuid]`,
        })
        .from(consents)
        .innerJoin(
          persons,
          sql`${q(persons.tenantId)} = ${q(consents.tenantId)} and ${q(persons.id)} = ${q(consents.personId)}`,
        )
        .where(
          sql`${q(consents.tenantId)} = ${actor.tenantId}::uuid and ${q(consents.personId)} = ${access.personId}::uuid
            and ${activeConsent(consents, on)} and ${consentReaches(toOrganisationId, persons, on)}`,
        )
    : [];
  const towardImmigrationOffice = receiver?.type === "immigration_office";
  const covered = new Set<Category>();
  const withheld = new Set<Category>();
  for (const c of rows) {
    for (const cat of c.categories) {
      if (towardImmigrationOffice && !c.namesReceiver && confidentialTowardImmigrationOffice.includes(cat)) {
        withheld.add(cat);
      } else covered.add(cat);
    }
  }
  const shareable = openToActor.filter((c) => covered.has(c));
  const unshareable = openToActor
    .filter((c) => !covered.has(c))
    .map((category) => ({
      category,
      reason:
        withheld.has(category) || (towardImmigrationOffice && confidentialTowardImmigrationOffice.includes(category))
          ? ("confidential" as const)
          : ("no-consent-reaches-receiver" as const),
    }));
  return { shareable, unshareable };
}

/** The categories the actor may share with the receiver (see referralSharing). */
export async function shareableCategories(
  db: Db,
  actor: Actor,
  access: PersonAccess,
  toOrganisationId: string | null,
): Promise<Category[]> {
  return (await referralSharing(db, actor, access, toOrganisationId)).shareable;
}
