// Loading the integration plan with the actor's visibility decided in SQL. Plan items follow the
// records they concern: a goal is an item of its domain, a measure an item of its goal's domain, a
// case conference an item of `notes`. An item is of protected provenance when an organisation of
// a protected type created it, is responsible for it, or sends or receives its linked referral
// (a referral to the migration counselling, or a Kita's outcome note, is the counselling's or the
// Kita's data) — so an immigration office without an explicit ground never sees it.
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { alias } from "drizzle-orm/pg-core";
import { type PersonAccess, visibleItemSql } from "../../platform/access/person-access.js";
import type { Db } from "../../platform/db/client.js";
import { protectedProvenanceTypes } from "../../platform/domain.js";
import { organisations, users } from "../../platform/identity/identity.tables.js";
import { referrals } from "../referrals/referrals.tables.js";
import { caseConferences, planGoals, planMeasures } from "./plans.tables.js";

const protectedTypes = sql.raw(protectedProvenanceTypes.map((t) => `'${t}'`).join(", "));

/** The organisation (by id column, same tenant as the row) is of a protected-provenance type. */
function protectedOrganisation(tenantId: AnyPgColumn, organisationId: AnyPgColumn): SQL {
  return sql`exists (select 1 from ${organisations} po where po.tenant_id = ${tenantId}
    and po.id = ${organisationId} and po.type in (${protectedTypes}))`;
}

const goalProtected = protectedOrganisation(planGoals.tenantId, planGoals.ownerOrganisationId);

const measureProtected = sql`(${protectedOrganisation(planMeasures.tenantId, planMeasures.ownerOrganisationId)}
  or ${protectedOrganisation(planMeasures.tenantId, planMeasures.responsibleOrganisationId)}
  or exists (select 1 from ${referrals} pr where pr.tenant_id = ${planMeasures.tenantId} and pr.id = ${planMeasures.referralId}
    and exists (select 1 from ${organisations} po where po.tenant_id = pr.tenant_id
      and po.id in (pr.from_organisation_id, pr.to_organisation_id) and po.type in (${protectedTypes}))))`;

const conferenceProtected = protectedOrganisation(caseConferences.tenantId, caseConferences.ownerOrganisationId);

/** Goals of the person the actor may see. */
export const visibleGoalSql = (access: PersonAccess): SQL =>
  visibleItemSql(access, {
    ownerOrganisationId: planGoals.ownerOrganisationId,
    category: planGoals.domain,
    protected: goalProtected,
  });

/** Measures (joined with their goal) the actor may see: the goal is visible, and so is the measure in its domain. */
export const visibleMeasureSql = (access: PersonAccess): SQL =>
  sql`(${visibleGoalSql(access)} and ${visibleItemSql(access, {
    ownerOrganisationId: planMeasures.ownerOrganisationId,
    category: planGoals.domain,
    protected: measureProtected,
  })})`;

export const visibleConferenceSql = (access: PersonAccess): SQL =>
  visibleItemSql(access, {
    ownerOrganisationId: caseConferences.ownerOrganisationId,
    category: sql`'notes'`,
    protected: conferenceProtected,
  });

export async function visibleGoals(db: Db, tenantId: string, access: PersonAccess, where: SQL) {
  return db
    .select()
    .from(planGoals)
    .where(
      and(eq(planGoals.tenantId, tenantId), eq(planGoals.personId, access.personId), where, visibleGoalSql(access)),
    )
    .orderBy(asc(planGoals.domain), asc(planGoals.createdAt));
}

export async function visibleConferences(db: Db, tenantId: string, access: PersonAccess) {
  return db
    .select()
    .from(caseConferences)
    .where(
      and(
        eq(caseConferences.tenantId, tenantId),
        eq(caseConferences.personId, access.personId),
        visibleConferenceSql(access),
      ),
    )
    .orderBy(desc(caseConferences.heldOn));
}

const respOrg = alias(organisations, "resp_org");
const respUser = alias(users, "resp_user");
const refOrg = alias(organisations, "ref_org");

/** Measures the actor may see, with the names a page shows and the linked referral's state. */
export async function visibleMeasures(db: Db, tenantId: string, access: PersonAccess, where: SQL) {
  const rows = await db
    .select({
      m: planMeasures,
      orgName: respOrg.name,
      userName: respUser.name,
      referral: {
        id: referrals.id,
        status: referrals.status,
        outcome: referrals.outcome,
        outcomeNote: referrals.outcomeNote,
        service: referrals.service,
      },
      refOrgName: refOrg.name,
    })
    .from(planMeasures)
    .innerJoin(planGoals, and(eq(planGoals.tenantId, planMeasures.tenantId), eq(planGoals.id, planMeasures.goalId)))
    .innerJoin(
      respOrg,
      and(eq(respOrg.tenantId, planMeasures.tenantId), eq(respOrg.id, planMeasures.responsibleOrganisationId)),
    )
    .leftJoin(
      respUser,
      and(eq(respUser.tenantId, planMeasures.tenantId), eq(respUser.id, planMeasures.responsibleUserId)),
    )
    .leftJoin(referrals, and(eq(referrals.tenantId, planMeasures.tenantId), eq(referrals.id, planMeasures.referralId)))
    .leftJoin(refOrg, and(eq(refOrg.tenantId, referrals.tenantId), eq(refOrg.id, referrals.toOrganisationId)))
    .where(
      and(
        eq(planMeasures.tenantId, tenantId),
        eq(planMeasures.personId, access.personId),
        where,
        visibleMeasureSql(access),
      ),
    )
    .orderBy(asc(planMeasures.dueDate), asc(planMeasures.createdAt));
  return rows.map((r) => ({
    id: r.m.id,
    version: r.m.version,
    goalId: r.m.goalId,
    title: r.m.title,
    responsibleOrganisation: { id: r.m.responsibleOrganisationId, name: r.orgName },
    responsibleUser: r.m.responsibleUserId && r.userName ? { id: r.m.responsibleUserId, name: r.userName } : null,
    dueDate: r.m.dueDate,
    status: r.m.status,
    referral:
      r.referral?.id && r.refOrgName
        ? {
            id: r.referral.id,
            status: r.referral.status,
            outcome: r.referral.outcome,
            outcomeNote: r.referral.outcomeNote,
            service: r.referral.service,
            toOrganisationName: r.refOrgName,
          }
        : null,
    conferenceId: r.m.conferenceId,
  }));
}
