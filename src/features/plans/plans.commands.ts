// Writes to the integration plan, each with its audit row in the caller's transaction: goals,
// measures, case conferences whose decisions become measures, and the measure a referral carries
// (the referrals feature writes plan tables only through the two commands at the end).
import { and, eq, sql } from "drizzle-orm";
import type { PersonAccess } from "../../platform/access/person-access.js";
import { type AuditContext, audit, changeSet } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { updateVersioned } from "../../platform/db/versioned.js";
import type { Category } from "../../platform/domain-categories.js";
import { AppError } from "../../platform/http/errors.js";
import { isPartyReferralOf } from "../referrals/referrals.queries.js";
import type { ReferralStatus } from "../referrals/referrals.tables.js";
import { organisationExists, organisationOfUser, visibleGoals } from "./plans.queries.js";
import {
  type ConferenceParticipant,
  caseConferences,
  type GoalStatus,
  type MeasureStatus,
  planGoals,
  planMeasures,
} from "./plans.tables.js";

type Goal = typeof planGoals.$inferSelect;
type Measure = typeof planMeasures.$inferSelect;

const field = (path: string, message: string) =>
  new AppError("validation-error", message, { errors: [{ path, message }] });

/** The lead organisation's case managers shape the plan. */
export function assertManagesPlan(access: PersonAccess) {
  if (!access.canManageCase)
    throw new AppError("forbidden", "Only the lead organisation's case managers shape the integration plan");
}

export type MeasureChanges = {
  title?: string | undefined;
  responsibleOrganisationId?: string | undefined;
  responsibleUserId?: string | null | undefined;
  dueDate?: string | null | undefined;
  status?: MeasureStatus | undefined;
};

/** The lead case management changes a measure; the responsible organisation only its status. */
export function assertMayChangeMeasure(actor: Actor, access: PersonAccess, measure: Measure, changes: MeasureChanges) {
  const onlyStatus = Object.entries(changes).every(([k, v]) => k === "status" || v === undefined);
  const responsible = measure.responsibleOrganisationId === actor.organisationId;
  if (!access.canManageCase && !(responsible && onlyStatus))
    throw new AppError(
      "forbidden",
      "Only the lead case management changes a measure; the responsible organisation its status",
    );
}

/** The responsible organisation exists, and the responsible user belongs to it. */
async function checkResponsible(
  db: Db,
  actor: Actor,
  body: { responsibleOrganisationId?: string | undefined; responsibleUserId?: string | null | undefined },
  prefix = "",
) {
  if (body.responsibleOrganisationId && !(await organisationExists(db, actor.tenantId, body.responsibleOrganisationId)))
    throw field(`${prefix}responsibleOrganisationId`, "No such organisation");
  if (body.responsibleUserId) {
    const organisationId = await organisationOfUser(db, actor.tenantId, body.responsibleUserId);
    if (!organisationId || (body.responsibleOrganisationId && organisationId !== body.responsibleOrganisationId))
      throw field(`${prefix}responsibleUserId`, "Not a user of the responsible organisation");
  }
}

export type NewGoal = { domain: Category; title: string; targetDate?: string | null | undefined; status: GoalStatus };

export async function createGoal(tx: Db, ctx: AuditContext, actor: Actor, access: PersonAccess, body: NewGoal) {
  if (!access.writable.has(body.domain)) throw field("domain", "Your organisation may not plan in this domain");
  const [goal] = await tx
    .insert(planGoals)
    .values({
      tenantId: actor.tenantId,
      personId: access.personId,
      domain: body.domain,
      title: body.title,
      targetDate: body.targetDate ?? null,
      status: body.status,
      ownerOrganisationId: actor.organisationId,
      createdBy: actor.userId,
    })
    .returning();
  if (!goal) throw new AppError("internal");
  await audit(tx, ctx, {
    action: "plan.goal_created",
    subjectType: "plan_goal",
    subjectId: goal.id,
    personId: goal.personId,
    categories: [goal.domain],
    details: { after: { domain: goal.domain, title: goal.title, targetDate: goal.targetDate, status: goal.status } },
  });
  return goal;
}

export type GoalChanges = {
  title?: string | undefined;
  targetDate?: string | null | undefined;
  status?: GoalStatus | undefined;
};

export async function updateGoal(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  before: Goal,
  expected: number | undefined,
  changes: GoalChanges,
) {
  const after = await updateVersioned(tx, planGoals, {
    where: and(eq(planGoals.tenantId, actor.tenantId), eq(planGoals.id, before.id)),
    expected,
    current: before.version,
    set: { ...changes, updatedAt: sql`now()` },
    what: "goal",
  });
  await audit(tx, ctx, {
    action: "plan.goal_updated",
    subjectType: "plan_goal",
    subjectId: after.id,
    personId: after.personId,
    categories: [after.domain],
    details: changeSet(before, changes),
  });
  return after;
}

export type NewMeasure = {
  title: string;
  responsibleOrganisationId: string;
  responsibleUserId?: string | null | undefined;
  dueDate?: string | null | undefined;
  referralId?: string | null | undefined;
};

/**
 * A measure of a goal, by the lead case management directly or as a conference's decision
 * (`conferenceId`; `prefix` is where the decision's fields sit in the request, for its errors).
 */
export async function createMeasure(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  access: PersonAccess,
  goal: Goal,
  body: NewMeasure,
  conferenceId: string | null = null,
  prefix = "",
) {
  await checkResponsible(tx, actor, body, prefix);
  if (body.referralId && !(await isPartyReferralOf(tx, actor, body.referralId, goal.personId)))
    throw field(`${prefix}referralId`, "Not a referral of this person");
  const [row] = await tx
    .insert(planMeasures)
    .values({
      tenantId: actor.tenantId,
      personId: goal.personId,
      goalId: goal.id,
      title: body.title,
      responsibleOrganisationId: body.responsibleOrganisationId,
      responsibleUserId: body.responsibleUserId ?? null,
      dueDate: body.dueDate ?? null,
      referralId: body.referralId ?? null,
      conferenceId,
      ownerOrganisationId: actor.organisationId,
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new AppError("internal");
  await audit(tx, ctx, {
    action: "plan.measure_created",
    subjectType: "plan_measure",
    subjectId: row.id,
    personId: goal.personId,
    categories: [goal.domain],
    grounds: access.open.get(goal.domain) ?? [],
    details: {
      after: { title: row.title, responsibleOrganisationId: row.responsibleOrganisationId, dueDate: row.dueDate },
    },
  });
  return row;
}

export async function updateMeasure(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  before: Measure,
  goal: Goal,
  expected: number | undefined,
  changes: MeasureChanges,
) {
  await checkResponsible(tx, actor, {
    responsibleOrganisationId: changes.responsibleOrganisationId ?? before.responsibleOrganisationId,
    responsibleUserId: changes.responsibleUserId,
  });
  const after = await updateVersioned(tx, planMeasures, {
    where: and(eq(planMeasures.tenantId, actor.tenantId), eq(planMeasures.id, before.id)),
    expected,
    current: before.version,
    set: { ...changes, updatedAt: sql`now()` },
    what: "measure",
  });
  await audit(tx, ctx, {
    action: "plan.measure_updated",
    subjectType: "plan_measure",
    subjectId: after.id,
    personId: after.personId,
    categories: [goal.domain],
    details: changeSet(before, changes),
  });
  return after;
}

export type NewConference = {
  heldOn: string;
  participants: ConferenceParticipant[];
  notes: string;
  decisions: { text: string; measure?: (NewMeasure & { goalId: string }) | null | undefined }[];
};

/** A case conference; each decision with a measure becomes a measure of a goal of the plan the actor sees. */
export async function recordConference(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  access: PersonAccess,
  body: NewConference,
) {
  for (const [i, p] of body.participants.entries()) {
    if (p.organisationId && !(await organisationExists(tx, actor.tenantId, p.organisationId)))
      throw field(`participants.${i}.organisationId`, "No such organisation");
  }
  const [conference] = await tx
    .insert(caseConferences)
    .values({
      tenantId: actor.tenantId,
      personId: access.personId,
      heldOn: body.heldOn,
      participants: body.participants,
      notes: body.notes,
      decisions: [],
      ownerOrganisationId: actor.organisationId,
      createdBy: actor.userId,
    })
    .returning();
  if (!conference) throw new AppError("internal");
  const decisions = [];
  for (const [i, d] of body.decisions.entries()) {
    let measureId: string | null = null;
    if (d.measure) {
      const [goal] = await visibleGoals(tx, actor.tenantId, access, eq(planGoals.id, d.measure.goalId));
      if (!goal) throw field(`decisions.${i}.measure.goalId`, "Not a goal of this person's plan");
      const prefix = `decisions.${i}.measure.`;
      measureId = (await createMeasure(tx, ctx, actor, access, goal, d.measure, conference.id, prefix)).id;
    }
    decisions.push({ text: d.text, measureId });
  }
  const [saved] = await tx
    .update(caseConferences)
    .set({ decisions })
    .where(and(eq(caseConferences.tenantId, actor.tenantId), eq(caseConferences.id, conference.id)))
    .returning();
  await audit(tx, ctx, {
    action: "plan.conference_recorded",
    subjectType: "case_conference",
    subjectId: conference.id,
    personId: access.personId,
    categories: ["notes"],
    details: {
      after: { heldOn: conference.heldOn, participants: conference.participants.length, decisions: decisions.length },
    },
  });
  return saved ?? conference;
}

/**
 * The measure a referral sent for a goal carries out: the receiver is responsible, due by the
 * first appointment. Its audit row is the referral's (`referral.sent`, same transaction).
 */
export async function createReferralMeasure(
  tx: Db,
  actor: Actor,
  referral: {
    id: string;
    personId: string;
    goalId: string;
    title: string;
    toOrganisationId: string;
    firstAppointmentBy: string;
  },
) {
  await tx.insert(planMeasures).values({
    tenantId: actor.tenantId,
    personId: referral.personId,
    goalId: referral.goalId,
    title: referral.title,
    responsibleOrganisationId: referral.toOrganisationId,
    dueDate: referral.firstAppointmentBy,
    referralId: referral.id,
    ownerOrganisationId: actor.organisationId,
    createdBy: actor.userId,
  });
}

const measureStatusAfter: Partial<Record<ReferralStatus, MeasureStatus>> = {
  accepted: "in_progress",
  completed: "done",
  declined: "cancelled",
  withdrawn: "cancelled",
};

/**
 * The measures a referral carries out follow its state (accepted: in progress, completed: done,
 * declined or withdrawn: cancelled). Audited by the referral's transition row.
 */
export async function followReferralStatus(tx: Db, actor: Actor, referral: { id: string; status: ReferralStatus }) {
  const status = measureStatusAfter[referral.status];
  if (!status) return;
  await tx
    .update(planMeasures)
    .set({ status, version: sql`${planMeasures.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(planMeasures.tenantId, actor.tenantId), eq(planMeasures.referralId, referral.id)));
}
