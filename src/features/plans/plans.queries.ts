// Loading the integration plan with the actor's visibility decided in SQL. Plan items follow the
// records they concern: a goal is an item of its domain, a measure an item of its goal's domain, a
// case conference an item of `notes`. An item is of protected provenance when an organisation of
// a protected type created it, is responsible for it, or sends or receives its linked referral
// (a referral to the migration counselling, or a Kita's outcome note, is the counselling's or the
// Kita's data) — so an immigration office without an explicit ground never sees it.
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { alias } from "drizzle-orm/pg-core";
import {
  type PersonAccess,
  personAccessOrThrow,
  personItemOrThrow,
  uniqueGrounds,
  visibleItemSql,
} from "../../platform/access/person-access.js";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { protectedProvenanceTypes } from "../../platform/domain.js";
import type { Category } from "../../platform/domain-categories.js";
import { AppError } from "../../platform/http/errors.js";
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

/** A goal the actor may see, with the actor's access to its person; 404 otherwise (also for its person). */
export async function goalOrThrow(db: Db, actor: Actor, id: string, notFound = "Goal not found") {
  const [ref] = await db
    .select({ personId: planGoals.personId })
    .from(planGoals)
    .where(and(eq(planGoals.tenantId, actor.tenantId), eq(planGoals.id, id)));
  const { access } = await personItemOrThrow(db, actor, ref, notFound);
  const [goal] = await visibleGoals(db, actor.tenantId, access, eq(planGoals.id, id));
  if (!goal) throw new AppError("not-found", notFound);
  return { row: goal, access };
}

/** A measure the actor may see (its goal visible too), with its goal and the access; 404 otherwise. */
export async function measureOrThrow(db: Db, actor: Actor, id: string) {
  const notFound = "Measure not found";
  const [ref] = await db
    .select({ personId: planMeasures.personId })
    .from(planMeasures)
    .where(and(eq(planMeasures.tenantId, actor.tenantId), eq(planMeasures.id, id)));
  const { access } = await personItemOrThrow(db, actor, ref, notFound);
  const [visible] = await db
    .select({ measure: planMeasures, goal: planGoals })
    .from(planMeasures)
    .innerJoin(planGoals, and(eq(planGoals.tenantId, planMeasures.tenantId), eq(planGoals.id, planMeasures.goalId)))
    .where(
      and(
        eq(planMeasures.tenantId, actor.tenantId),
        eq(planMeasures.id, id),
        eq(planMeasures.personId, access.personId),
        visibleMeasureSql(access),
      ),
    );
  if (!visible) throw new AppError("not-found", notFound);
  return { row: visible.measure, goal: visible.goal, access };
}

/** One measure as the API presents it, read after a write (the caller already checked it is visible). */
export async function presentedMeasure(db: Db, tenantId: string, access: PersonAccess, id: string) {
  const [measure] = await visibleMeasures(db, tenantId, access, eq(planMeasures.id, id));
  if (!measure) throw new AppError("internal");
  return measure;
}

/** A goal as the API presents it: with the measures of it the actor may see. */
export async function presentedGoal(db: Db, tenantId: string, access: PersonAccess, goal: PlanGoal) {
  return {
    ...presentGoal(goal),
    measures: await visibleMeasures(db, tenantId, access, eq(planMeasures.goalId, goal.id)),
  };
}

type PlanGoal = typeof planGoals.$inferSelect;

const presentGoal = (g: PlanGoal) => ({
  id: g.id,
  version: g.version,
  domain: g.domain,
  title: g.title,
  targetDate: g.targetDate,
  status: g.status,
});

/**
 * GET /persons/{id}/plan: the goals, measures and conferences the actor may see, and one audit row
 * naming the categories read (a goal's domain; `notes` for conferences) with their grounds.
 */
export async function readPlan(db: Db, ctx: AuditContext, actor: Actor, personId: string) {
  const access = await personAccessOrThrow(db, actor, personId);
  const [goals, measures, conferences] = await Promise.all([
    visibleGoals(db, actor.tenantId, access, sql`true`),
    visibleMeasures(db, actor.tenantId, access, sql`true`),
    visibleConferences(db, actor.tenantId, access),
  ]);
  const seen = [
    ...new Set<Category>([...goals.map((g) => g.domain), ...(conferences.length > 0 ? ["notes" as const] : [])]),
  ];
  if (seen.length > 0) {
    await audit(db, ctx, {
      action: "plan.read",
      subjectType: "person",
      subjectId: personId,
      personId,
      categories: seen,
      grounds: uniqueGrounds(seen.map((c) => access.open.get(c) ?? [])),
    });
  }
  return {
    personId,
    goals: goals.map((g) => ({ ...presentGoal(g), measures: measures.filter((m) => m.goalId === g.id) })),
    conferences: conferences.map((c) => ({
      id: c.id,
      version: c.version,
      heldOn: c.heldOn,
      participants: c.participants,
      notes: c.notes,
      decisions: c.decisions,
    })),
    abilities: { manage: access.canManageCase, domains: access.canManageCase ? [...access.writable] : [] },
  };
}

/**
 * A goal of the person a referral may serve: one in a domain open to the actor, or the actor's
 * organisation's own (the referral's check; it does not look at protected provenance as
 * visibleGoals does).
 */
export async function referableGoal(db: Db, actor: Actor, access: PersonAccess, goalId: string) {
  const [goal] = await db
    .select({ id: planGoals.id, domain: planGoals.domain, owner: planGoals.ownerOrganisationId })
    .from(planGoals)
    .where(
      and(eq(planGoals.tenantId, actor.tenantId), eq(planGoals.id, goalId), eq(planGoals.personId, access.personId)),
    );
  return goal && (access.open.has(goal.domain) || goal.owner === actor.organisationId) ? goal : undefined;
}

/** The organisation exists in the tenant (a measure's responsible organisation, a participant's). */
export async function organisationExists(db: Db, tenantId: string, id: string): Promise<boolean> {
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.id, id)));
  return org !== undefined;
}

/** The organisation of a user of the tenant; undefined for no such user. */
export async function organisationOfUser(db: Db, tenantId: string, userId: string): Promise<string | undefined> {
  const [user] = await db
    .select({ organisationId: users.organisationId })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  return user?.organisationId;
}
