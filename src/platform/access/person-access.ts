// The access rule for person data (DESIGN.md "Access rule"). Every read and write of person data
// asks this module: which persons the actor may see (as SQL, for lists and counts), which
// categories of one person and on which ground, and what the actor may change.
//
// Grounds implemented so far: (1) ownership — the organisation registered the person (identity)
// or created the record; (2) lead organisation. Consents, referrals and legal bases join here.
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "../auth/actor.js";
import type { Db } from "../db/client.js";
import type { Role } from "../domain.js";
import { type Category, categories } from "../domain-categories.js";
import { AppError } from "../http/errors.js";

export type Ground =
  | { type: "ownership" }
  | { type: "lead_organisation" }
  | { type: "consent"; consentId: string }
  | { type: "referral"; referralId: string }
  | { type: "legal_basis"; legalBasisId: string };

/** Roles that work with person data at all; the others are narrowed out (DESIGN.md roles). */
export const personDataRoles: readonly Role[] = ["case_manager", "caseworker", "org_admin"];

export type PersonAccess = {
  personId: string;
  organisationId: string;
  /** Categories the actor sees in full, each with the grounds that open it. */
  open: Map<Category, Ground[]>;
  isRegistrar: boolean;
  isLeadOrganisation: boolean;
  /** Categories in which the actor may add records. */
  writable: Set<Category>;
  canEditIdentity: boolean;
  canManageCase: boolean;
};

/** Minimal columns of a person the decision needs. */
export type PersonAccessFacts = {
  id: string;
  registeredByOrganisationId: string;
  leadOrganisationId: string | null;
};

export function assertPersonDataRole(actor: Actor): void {
  if (!personDataRoles.includes(actor.role)) {
    throw new AppError("forbidden", "Your role does not work with person data");
  }
}

/**
 * SQL predicate: the actor may see the person at all. Used by every list, search and count, so
 * that invisible persons never reach a page, a total or an export.
 */
export function visiblePersonSql(
  actor: Actor,
  person: { tenantId: AnyPgColumn; registeredByOrganisationId: AnyPgColumn; leadOrganisationId: AnyPgColumn },
): SQL {
  if (!personDataRoles.includes(actor.role)) return sql`false`;
  return and(
    eq(person.tenantId, actor.tenantId),
    or(
      eq(person.registeredByOrganisationId, actor.organisationId),
      eq(person.leadOrganisationId, actor.organisationId),
    ),
  ) as SQL;
}

/** Decides the actor's access to one person whose facts were loaded within the tenant. */
export function decidePersonAccess(actor: Actor, person: PersonAccessFacts): PersonAccess | undefined {
  if (!personDataRoles.includes(actor.role)) return undefined;
  const isRegistrar = person.registeredByOrganisationId === actor.organisationId;
  const isLeadOrganisation = person.leadOrganisationId === actor.organisationId;
  if (!isRegistrar && !isLeadOrganisation) return undefined;
  const open = new Map<Category, Ground[]>();
  const add = (c: Category, g: Ground) => open.set(c, [...(open.get(c) ?? []), g]);
  if (isRegistrar) add("identity", { type: "ownership" });
  if (isLeadOrganisation) for (const c of categories) add(c, { type: "lead_organisation" });
  const writable = new Set<Category>(isRegistrar || isLeadOrganisation ? categories : open.keys());
  return {
    personId: person.id,
    organisationId: actor.organisationId,
    open,
    isRegistrar,
    isLeadOrganisation,
    writable,
    canEditIdentity: isRegistrar || (isLeadOrganisation && actor.role === "case_manager"),
    canManageCase: actor.role === "case_manager" && (isLeadOrganisation || person.leadOrganisationId === null),
  };
}

/**
 * SQL predicate for records (or documents) of one person the actor may see: its own, and every
 * one in a category open to it.
 */
export function visibleItemSql(
  access: PersonAccess,
  item: { ownerOrganisationId: AnyPgColumn; category: AnyPgColumn },
): SQL {
  const openCategories = [...access.open.keys()];
  const own = eq(item.ownerOrganisationId, access.organisationId);
  if (openCategories.length === 0) return own as SQL;
  return or(
    own,
    sql`${item.category} in (${sql.join(
      openCategories.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  ) as SQL;
}

export function canSeeItem(access: PersonAccess, item: { ownerOrganisationId: string; category: Category }): boolean {
  return item.ownerOrganisationId === access.organisationId || access.open.has(item.category);
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

/** Asking for a category explicitly: 403 consent-required unless open or the actor owns items in it. */
export function assertCategoryReadable(access: PersonAccess, category: Category, ownsItemsInIt: boolean): void {
  if (access.open.has(category) || ownsItemsInIt) return;
  throw new AppError(
    "consent-required",
    `No consent or legal basis lets your organisation see "${category}" of this person`,
    {
      category,
    },
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
    addRecordCategories: [...access.writable],
    openCategories: [...access.open.keys()],
  };
}

/** Loads the access facts of a person or answers 404: the person does not exist for the actor. */
export async function loadPersonAccessOrThrow(
  db: Db,
  actor: Actor,
  personId: string,
  load: (db: Db, tenantId: string, personId: string) => Promise<PersonAccessFacts | undefined>,
): Promise<PersonAccess> {
  assertPersonDataRole(actor);
  const facts = await load(db, actor.tenantId, personId);
  const access = facts ? decidePersonAccess(actor, facts) : undefined;
  if (!access) throw new AppError("not-found", "Person not found");
  return access;
}
