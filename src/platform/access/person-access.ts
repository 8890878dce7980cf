// The access rule for person data (DESIGN.md "Access rule"). Every read and write of person data
// asks this module: which persons the actor may see (as SQL, for lists, search, counts and
// exports), which categories of one person and on which ground, and what the actor may change.
//
// A user of organisation O may read category C of person P only if, at the moment of the request:
//  1. O owns it — registered P (identity) or created the record;
//  2. O is P's lead organisation and P consented to case management (a consent with
//     caseManagement = true; the lead organisation always sees identity);
//  3. a valid, unrevoked consent of P names O, or "all partners" while O has an active
//     cooperation agreement with P's lead organisation, and C;
//  4. an active referral from or to O shares C and a consent covers it (added with referrals);
//  5. an active legal basis grants O category C.
// Protected provenance: records created by schools, youth office, health services and counselling
// organisations reach an immigration office only through a consent naming it (ground 3,
// explicitly) or a legal basis — never through "all partners" or a referral by default.
// Any ground that opens a category of P also shows P's identity (whom the data is about).
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { agreements } from "../../features/agreements/agreements.tables.js";
import { consents } from "../../features/consents/consents.tables.js";
import { legalBases } from "../../features/legal-bases/legal-bases.tables.js";
import { persons } from "../../features/persons/persons.tables.js";
import type { Actor } from "../auth/actor.js";
import { type Db, queryRows } from "../db/client.js";
import type { Role } from "../domain.js";
import { type Category, categories } from "../domain-categories.js";
import { AppError } from "../http/errors.js";
import { today } from "../reference/partial-date.js";

export type Ground =
  | { type: "ownership" }
  | { type: "lead_organisation" }
  | { type: "consent"; consentId: string }
  | { type: "referral"; referralId: string }
  | { type: "legal_basis"; legalBasisId: string };

/** Roles that work with person data at all; the others are narrowed out (DESIGN.md roles). */
export const personDataRoles: readonly Role[] = ["case_manager", "caseworker", "org_admin"];

export type ClosedReason = "no-consent" | "protected-provenance";

export type PersonAccess = {
  personId: string;
  organisationId: string;
  /** Categories the actor sees, each with the grounds that open it. */
  open: Map<Category, Ground[]>;
  /** Open categories whose protected records stay hidden (immigration office without an explicit ground). */
  protectedHidden: Set<Category>;
  isRegistrar: boolean;
  isLeadOrganisation: boolean;
  /** Categories in which the actor may add records. */
  writable: Set<Category>;
  canEditIdentity: boolean;
  canManageCase: boolean;
  /** Record and revoke the person's consents: the lead's case managers, or the registrar while there is no lead. */
  canManageConsents: boolean;
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

/** What the decision needs about one person, loaded in one query. */
export type PersonAccessFacts = {
  id: string;
  registeredByOrganisationId: string;
  leadOrganisationId: string | null;
  consents: ConsentFact[];
  legalBases: LegalBasisFact[];
};

export function assertPersonDataRole(actor: Actor): void {
  if (!personDataRoles.includes(actor.role)) {
    throw new AppError("forbidden", "Your role does not work with person data");
  }
}

const activeConsent = (c: typeof consents, on: string) =>
  sql`${c.revokedAt} is null and ${c.validFrom} <= ${on}::date and (${c.validUntil} is null or ${c.validUntil} >= ${on}::date)`;
const activeValidity = (t: { validFrom: AnyPgColumn; validUntil: AnyPgColumn }, on: string) =>
  sql`${t.validFrom} <= ${on}::date and (${t.validUntil} is null or ${t.validUntil} >= ${on}::date)`;

/** A consent of the person (alias p) reaches the actor's organisation. */
function consentReaches(
  actor: Actor,
  person: { tenantId: AnyPgColumn; leadOrganisationId: AnyPgColumn },
  on: string,
): SQL {
  return sql`(
    ${consents.recipientOrganisationIds} @> array[${actor.organisationId}::uuid]
    or (${consents.caseManagement} and ${person.leadOrganisationId} = ${actor.organisationId}::uuid)
    or (${consents.allPartners} and exists (
      select 1 from ${agreements}
      where ${agreements.tenantId} = ${person.tenantId}
        and ${agreements.leadOrganisationId} = ${person.leadOrganisationId}
        and ${agreements.partnerOrganisationId} = ${actor.organisationId}::uuid
        and ${activeValidity(agreements, on)})))`;
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
  } = persons,
): SQL {
  if (!personDataRoles.includes(actor.role)) return sql`false`;
  const on = today();
  return sql`(${person.tenantId} = ${actor.tenantId}::uuid and (
    ${person.registeredByOrganisationId} = ${actor.organisationId}::uuid
    or ${person.leadOrganisationId} = ${actor.organisationId}::uuid
    or exists (select 1 from ${consents}
      where ${consents.tenantId} = ${person.tenantId} and ${consents.personId} = ${person.id}
        and ${activeConsent(consents, on)} and ${consentReaches(actor, person, on)})
    or exists (select 1 from ${legalBases}
      where ${legalBases.tenantId} = ${actor.tenantId}::uuid and ${legalBases.organisationId} = ${actor.organisationId}::uuid
        and ${legalBases.revokedAt} is null and ${activeValidity(legalBases, on)})))`;
}

/** Loads the person's facts for the actor: the consents that reach it and its legal bases. */
export async function loadAccessFacts(db: Db, actor: Actor, personId: string): Promise<PersonAccessFacts | undefined> {
  const on = today();
  const rows = await queryRows<{
    id: string;
    registered_by_organisation_id: string;
    lead_organisation_id: string | null;
    consents: ConsentFact[] | string | null;
    legal_bases: LegalBasisFact[] | string | null;
  }>(
    db,
    sql`select ${persons.id}, ${persons.registeredByOrganisationId}, ${persons.leadOrganisationId},
      (select json_agg(json_build_object(
          'id', ${consents.id}, 'categories', ${consents.categories},
          'explicit', ${consents.recipientOrganisationIds} @> array[${actor.organisationId}::uuid],
          'allPartners', ${consents.allPartners}, 'caseManagement', ${consents.caseManagement}))
        from ${consents}
        where ${consents.tenantId} = ${persons.tenantId} and ${consents.personId} = ${persons.id}
          and ${activeConsent(consents, on)} and ${consentReaches(actor, persons, on)}) as consents,
      (select json_agg(json_build_object('id', ${legalBases.id}, 'categories', ${legalBases.categories}))
        from ${legalBases}
        where ${legalBases.tenantId} = ${persons.tenantId} and ${legalBases.organisationId} = ${actor.organisationId}::uuid
          and ${legalBases.revokedAt} is null and ${activeValidity(legalBases, on)}) as legal_bases
    from ${persons}
    where ${persons.tenantId} = ${actor.tenantId}::uuid and ${persons.id} = ${personId}::uuid`,
  );
  const row = rows[0];
  if (!row) return undefined;
  const parse = <T>(v: T[] | string | null): T[] =>
    v === null ? [] : typeof v === "string" ? (JSON.parse(v) as T[]) : v;
  return {
    id: row.id,
    registeredByOrganisationId: row.registered_by_organisation_id,
    leadOrganisationId: row.lead_organisation_id,
    consents: parse(row.consents),
    legalBases: parse(row.legal_bases),
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
  for (const c of person.consents) {
    // Only a consent naming the organisation explicitly (or case management by the lead) opens protected records.
    const explicit = c.explicit || (c.caseManagement && isLeadOrganisation);
    for (const cat of c.categories) add(cat, { type: "consent", consentId: c.id }, explicit || !isImmigrationOffice);
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
    isRegistrar,
    isLeadOrganisation,
    writable,
    canEditIdentity: isRegistrar || (isLeadOrganisation && actor.role === "case_manager"),
    canManageCase: actor.role === "case_manager" && (isLeadOrganisation || person.leadOrganisationId === null),
    canManageConsents:
      (isLeadOrganisation && actor.role === "case_manager") || (isRegistrar && person.leadOrganisationId === null),
    consentIds: person.consents.map((c) => c.id),
  };
}

/** SQL predicate for records or documents of one person the actor may see. */
export function visibleItemSql(
  access: PersonAccess,
  item: { ownerOrganisationId: AnyPgColumn; category: AnyPgColumn; protected?: AnyPgColumn },
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
    ...categories.filter((c) => !access.open.has(c)).map((category) => ({ category, reason: "no-consent" as const })),
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
  assertPersonDataRole(actor);
  const facts = await loadAccessFacts(db, actor, personId);
  const access = facts ? decidePersonAccess(actor, facts) : undefined;
  if (!access) throw new AppError("not-found", "Person not found");
  return access;
}

/** Every ground in a set of grounds, once. */
export function uniqueGrounds(groups: Ground[][]): Ground[] {
  const seen = new Map<string, Ground>();
  for (const g of groups.flat()) seen.set(JSON.stringify(g), g);
  return [...seen.values()];
}
