// The access module: the one place that decides what an actor may see and do.
// Person data (the access rule of ARCHITECTURE.md) joins this module with the case file; for now it
// decides the administration of organisations and users and the audit log.
import { and, eq, type SQL } from "drizzle-orm";
import type { Actor } from "../auth/actor.js";
import type { Role } from "../domain.js";
import { AppError } from "../http/errors.js";
import { organisations, users } from "../identity/identity.tables.js";
import { personDataRoles } from "./person-access.js";

export type Abilities = {
  manageOrganisations: boolean;
  /** Organisation ids whose directory entry the actor edits; "all" for the tenant admin. */
  editDirectoryEntriesOf: "all" | string[];
  manageUsers: boolean;
  /** Organisation ids whose users the actor manages; "all" for the tenant admin. */
  manageUsersOf: "all" | string[];
  viewAudit: boolean;
  assignableRoles: Role[];
  /** Works with person data (person list, case files). */
  workWithPersons: boolean;
  /** Registers persons (becomes the owner of their identity). */
  registerPersons: boolean;
  /** Data-protection officer's tools: access reports, Art. 15 exports, legal bases (read). */
  dataProtection: boolean;
  /** Legal bases and cooperation agreements. */
  manageLegalBases: boolean;
  manageAgreements: boolean;
  /** The referral deadline figures per organisation (steering reports). */
  viewReferralReports: boolean;
  /** The tenant's settings: federal state (holidays), default referral deadlines. */
  manageSettings: boolean;
};

const allRoles: Role[] = [
  "tenant_admin",
  "org_admin",
  "case_manager",
  "caseworker",
  "volunteer_coordinator",
  "volunteer",
  "steering",
  "dpo",
];

/** Roles that read the referral deadline figures (GET /referrals/sla). */
export const referralReportRoles: readonly Role[] = ["steering", "tenant_admin", "org_admin"];

/** Roles that reach across the whole tenant; only the tenant admin assigns them. */
export const tenantWideRoles: readonly Role[] = ["tenant_admin", "dpo", "steering"];

export function abilitiesOf(actor: Actor): Abilities {
  const tenantAdmin = actor.role === "tenant_admin";
  const orgAdmin = actor.role === "org_admin";
  return {
    manageOrganisations: tenantAdmin,
    editDirectoryEntriesOf: tenantAdmin ? "all" : orgAdmin ? [actor.organisationId] : [],
    manageUsers: tenantAdmin || orgAdmin,
    manageUsersOf: tenantAdmin ? "all" : orgAdmin ? [actor.organisationId] : [],
    viewAudit: tenantAdmin || actor.role === "dpo",
    assignableRoles: tenantAdmin ? allRoles : orgAdmin ? allRoles.filter((r) => !tenantWideRoles.includes(r)) : [],
    workWithPersons: personDataRoles.includes(actor.role),
    registerPersons: actor.role === "case_manager" || actor.role === "caseworker",
    dataProtection: actor.role === "dpo",
    manageLegalBases: tenantAdmin,
    manageAgreements: tenantAdmin,
    viewReferralReports: referralReportRoles.includes(actor.role),
    manageSettings: tenantAdmin,
  };
}

/** Organisations visible to the actor: the whole tenant's directory. */
export function organisationScope(actor: Actor): SQL {
  return eq(organisations.tenantId, actor.tenantId) as SQL;
}

/** Users the actor may list and read: all of the tenant for its admin, its own organisation's for an org admin. */
export function userScope(actor: Actor): SQL {
  const tenant = eq(users.tenantId, actor.tenantId);
  if (actor.role === "tenant_admin") return tenant as SQL;
  if (actor.role === "org_admin") return and(tenant, eq(users.organisationId, actor.organisationId)) as SQL;
  // Everybody else sees only themselves.
  return and(tenant, eq(users.id, actor.userId)) as SQL;
}

export function assertCanManageOrganisations(actor: Actor): void {
  if (!abilitiesOf(actor).manageOrganisations)
    throw new AppError("forbidden", "Only the tenant admin manages organisations");
}

/** May the actor give a user this organisation and role? */
export function assertCanAssign(actor: Actor, target: { organisationId: string; role: Role }): void {
  const a = abilitiesOf(actor);
  if (a.manageUsersOf !== "all" && !a.manageUsersOf.includes(target.organisationId)) {
    throw new AppError("forbidden", "You manage only the users of your own organisation");
  }
  if (!a.assignableRoles.includes(target.role)) {
    throw new AppError("forbidden", `You may not assign the role ${target.role}`);
  }
}

export function assertCanViewAudit(actor: Actor): void {
  if (!abilitiesOf(actor).viewAudit) throw new AppError("forbidden");
}
