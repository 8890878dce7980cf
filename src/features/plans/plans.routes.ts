// The integration plan of a person: goals per life domain, measures (optionally carried out by a
// referral), case conferences whose decisions become measures. A goal's domain is a data
// category: an organisation sees the goals (and their measures) of the categories it may see.
// The lead organisation's case managers shape the plan; a responsible organisation updates the
// status of its own measures.
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import {
  type PersonAccess,
  personAccessOrThrow,
  personDataRoles,
  uniqueGrounds,
} from "../../platform/access/person-access.js";
import { type AuditContext, audit, changeSet } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import type { Category } from "../../platform/domain-categories.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import { organisations, users } from "../../platform/identity/identity.tables.js";
import { referrals } from "../referrals/referrals.tables.js";
import { visibleConferences, visibleGoals, visibleMeasures } from "./plans.queries.js";
import {
  conferenceSchema,
  createConferenceSchema,
  createGoalSchema,
  createMeasureSchema,
  goalSchema,
  measureSchema,
  planSchema,
  updateGoalSchema,
  updateMeasureSchema,
} from "./plans.schemas.js";
import { caseConferences, planGoals, planMeasures } from "./plans.tables.js";

const tags = ["integration plan"];
const personPolicy = policy.roles(...personDataRoles);
const field = (path: string, message: string) =>
  new AppError("validation-error", message, { errors: [{ path, message }] });

function assertManages(access: PersonAccess) {
  if (!access.canManageCase)
    throw new AppError("forbidden", "Only the lead organisation's case managers shape the integration plan");
}

async function checkResponsible(
  db: Db,
  actor: Actor,
  body: { responsibleOrganisationId?: string | undefined; responsibleUserId?: string | null | undefined },
  prefix = "",
) {
  if (body.responsibleOrganisationId) {
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.tenantId, actor.tenantId), eq(organisations.id, body.responsibleOrganisationId)));
    if (!org) throw field(`${prefix}responsibleOrganisationId`, "No such organisation");
  }
  if (body.responsibleUserId) {
    const [user] = await db
      .select({ organisationId: users.organisationId })
      .from(users)
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, body.responsibleUserId)));
    if (!user || (body.responsibleOrganisationId && user.organisationId !== body.responsibleOrganisationId))
      throw field(`${prefix}responsibleUserId`, "Not a user of the responsible organisation");
  }
}

/** A goal the actor may see, with the actor's access to its person; 404 otherwise. */
async function goalOrThrow(db: Db, actor: Actor, id: string, notFound = "Goal not found") {
  const [ref] = await db
    .select({ personId: planGoals.personId })
    .from(planGoals)
    .where(and(eq(planGoals.tenantId, actor.tenantId), eq(planGoals.id, id)));
  if (!ref) throw new AppError("not-found", notFound);
  const access = await personAccessOrThrow(db, actor, ref.personId);
  const [goal] = await visibleGoals(db, actor.tenantId, access, eq(planGoals.id, id));
  if (!goal) throw new AppError("not-found", notFound);
  return { goal, access };
}

const measuresOf = (db: Db, actor: Actor, access: PersonAccess, where: SQL) =>
  visibleMeasures(db, actor.tenantId, access, where);

async function insertMeasure(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  access: PersonAccess,
  goal: typeof planGoals.$inferSelect,
  body: {
    title: string;
    responsibleOrganisationId: string;
    responsibleUserId?: string | null | undefined;
    dueDate?: string | null | undefined;
    referralId?: string | null | undefined;
  },
  conferenceId: string | null,
  prefix = "",
) {
  await checkResponsible(tx, actor, body, prefix);
  if (body.referralId) {
    const [ref] = await tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(
        and(
          eq(referrals.tenantId, actor.tenantId),
          eq(referrals.id, body.referralId),
          eq(referrals.personId, goal.personId),
          or(
            eq(referrals.fromOrganisationId, actor.organisationId),
            eq(referrals.toOrganisationId, actor.organisationId),
          ),
        ),
      );
    if (!ref) throw field(`${prefix}referralId`, "Not a referral of this person");
  }
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

export async function plansRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.get(
    "/persons/:id/plan",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "The person's integration plan (goals of the domains you may see)",
        params: uuidParam,
        response: { 200: planSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const access = await personAccessOrThrow(db(), actor, req.params.id);
      const [goals, measures, conferences] = await Promise.all([
        visibleGoals(db(), actor.tenantId, access, sql`true`),
        measuresOf(db(), actor, access, sql`true`),
        visibleConferences(db(), actor.tenantId, access),
      ]);
      const seen = [
        ...new Set<Category>([...goals.map((g) => g.domain), ...(conferences.length > 0 ? ["notes" as const] : [])]),
      ];
      if (seen.length > 0) {
        await audit(db(), auditContext(req), {
          action: "plan.read",
          subjectType: "person",
          subjectId: req.params.id,
          personId: req.params.id,
          categories: seen,
          grounds: uniqueGrounds(seen.map((c) => access.open.get(c) ?? [])),
        });
      }
      return {
        personId: req.params.id,
        goals: goals.map((g) => ({
          id: g.id,
          version: g.version,
          domain: g.domain,
          title: g.title,
          targetDate: g.targetDate,
          status: g.status,
          measures: measures.filter((m) => m.goalId === g.id),
        })),
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
    },
  );

  app.post(
    "/persons/:id/plan/goals",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Add a goal (lead case management)",
        params: uuidParam,
        body: createGoalSchema,
        response: { 201: goalSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await db().transaction(async (tx) => {
        const access = await personAccessOrThrow(tx, actor, req.params.id);
        assertManages(access);
        if (!access.writable.has(req.body.domain))
          throw field("domain", "Your organisation may not plan in this domain");
        const [goal] = await tx
          .insert(planGoals)
          .values({
            tenantId: actor.tenantId,
            personId: req.params.id,
            domain: req.body.domain,
            title: req.body.title,
            targetDate: req.body.targetDate ?? null,
            status: req.body.status,
            ownerOrganisationId: actor.organisationId,
            createdBy: actor.userId,
          })
          .returning();
        if (!goal) throw new AppError("internal");
        await audit(tx, auditContext(req), {
          action: "plan.goal_created",
          subjectType: "plan_goal",
          subjectId: goal.id,
          personId: goal.personId,
          categories: [goal.domain],
          details: {
            after: { domain: goal.domain, title: goal.title, targetDate: goal.targetDate, status: goal.status },
          },
        });
        return goal;
      });
      return reply.code(201).send({ ...row, measures: [] });
    },
  );

  app.patch(
    "/plan/goals/:id",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Change a goal (lead case management)",
        params: uuidParam,
        body: updateGoalSchema,
        response: { 200: goalSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const version = expectedVersion(req.headers["if-match"], req.body.version);
      const goal = await db().transaction(async (tx) => {
        const { goal: before, access } = await goalOrThrow(tx, actor, req.params.id);
        assertManages(access);
        if (version !== undefined && version !== before.version)
          throw new AppError("version-conflict", `The goal is at version ${before.version}`, {
            currentVersion: before.version,
          });
        const changes = { title: req.body.title, targetDate: req.body.targetDate, status: req.body.status };
        const [after] = await tx
          .update(planGoals)
          .set({ ...changes, version: sql`${planGoals.version} + 1`, updatedAt: sql`now()` })
          .where(
            and(
              eq(planGoals.tenantId, actor.tenantId),
              eq(planGoals.id, before.id),
              eq(planGoals.version, before.version),
            ),
          )
          .returning();
        if (!after) throw new AppError("version-conflict", "The goal was changed at the same time");
        await audit(tx, auditContext(req), {
          action: "plan.goal_updated",
          subjectType: "plan_goal",
          subjectId: after.id,
          personId: after.personId,
          categories: [after.domain],
          details: changeSet(before, changes),
        });
        return after;
      });
      const access = await personAccessOrThrow(db(), actor, goal.personId);
      return { ...goal, measures: await measuresOf(db(), actor, access, eq(planMeasures.goalId, goal.id)) };
    },
  );

  app.post(
    "/plan/goals/:id/measures",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Add a measure to a goal (lead case management)",
        params: uuidParam,
        body: createMeasureSchema,
        response: { 201: measureSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id, access } = await db().transaction(async (tx) => {
        const { goal, access } = await goalOrThrow(tx, actor, req.params.id);
        assertManages(access);
        return { id: (await insertMeasure(tx, auditContext(req), actor, access, goal, req.body, null)).id, access };
      });
      const [m] = await measuresOf(db(), actor, access, eq(planMeasures.id, id));
      if (!m) throw new AppError("internal");
      return reply.code(201).send(m);
    },
  );

  app.patch(
    "/plan/measures/:id",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Change a measure (lead case management; the responsible organisation may change its status)",
        params: uuidParam,
        body: updateMeasureSchema,
        response: { 200: measureSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const version = expectedVersion(req.headers["if-match"], req.body.version);
      const access = await db().transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(planMeasures)
          .where(and(eq(planMeasures.tenantId, actor.tenantId), eq(planMeasures.id, req.params.id)));
        if (!before) throw new AppError("not-found", "Measure not found");
        const { goal, access } = await goalOrThrow(tx, actor, before.goalId, "Measure not found");
        const [visible] = await measuresOf(tx, actor, access, eq(planMeasures.id, before.id));
        if (!visible) throw new AppError("not-found", "Measure not found");
        const { version: _v, ...changes } = req.body;
        const onlyStatus = Object.entries(changes).every(([k, v]) => k === "status" || v === undefined);
        const responsible = before.responsibleOrganisationId === actor.organisationId;
        if (!access.canManageCase && !(responsible && onlyStatus))
          throw new AppError(
            "forbidden",
            "Only the lead case management changes a measure; the responsible organisation its status",
          );
        if (version !== undefined && version !== before.version)
          throw new AppError("version-conflict", `The measure is at version ${before.version}`, {
            currentVersion: before.version,
          });
        await checkResponsible(tx, actor, {
          responsibleOrganisationId: changes.responsibleOrganisationId ?? before.responsibleOrganisationId,
          responsibleUserId: changes.responsibleUserId,
        });
        const [after] = await tx
          .update(planMeasures)
          .set({ ...changes, version: sql`${planMeasures.version} + 1`, updatedAt: sql`now()` })
          .where(
            and(
              eq(planMeasures.tenantId, actor.tenantId),
              eq(planMeasures.id, before.id),
              eq(planMeasures.version, before.version),
            ),
          )
          .returning();
        if (!after) throw new AppError("version-conflict", "The measure was changed at the same time");
        await audit(tx, auditContext(req), {
          action: "plan.measure_updated",
          subjectType: "plan_measure",
          subjectId: after.id,
          personId: after.personId,
          categories: [goal.domain],
          details: changeSet(before, changes),
        });
        return access;
      });
      const [m] = await measuresOf(db(), actor, access, eq(planMeasures.id, req.params.id));
      if (!m) throw new AppError("internal");
      return m;
    },
  );

  app.post(
    "/persons/:id/plan/conferences",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Record a case conference; decisions with a measure become measures of the plan",
        params: uuidParam,
        body: createConferenceSchema,
        response: { 201: conferenceSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await db().transaction(async (tx) => {
        const access = await personAccessOrThrow(tx, actor, req.params.id);
        assertManages(access);
        for (const [i, p] of req.body.participants.entries()) {
          if (p.organisationId)
            await checkResponsible(tx, actor, { responsibleOrganisationId: p.organisationId }).catch(() => {
              throw field(`participants.${i}.organisationId`, "No such organisation");
            });
        }
        const [conference] = await tx
          .insert(caseConferences)
          .values({
            tenantId: actor.tenantId,
            personId: req.params.id,
            heldOn: req.body.heldOn,
            participants: req.body.participants,
            notes: req.body.notes,
            decisions: [],
            ownerOrganisationId: actor.organisationId,
            createdBy: actor.userId,
          })
          .returning();
        if (!conference) throw new AppError("internal");
        const decisions = [];
        for (const [i, d] of req.body.decisions.entries()) {
          let measureId: string | null = null;
          if (d.measure) {
            const [goal] = await tx
              .select()
              .from(planGoals)
              .where(
                and(
                  eq(planGoals.tenantId, actor.tenantId),
                  eq(planGoals.id, d.measure.goalId),
                  eq(planGoals.personId, req.params.id),
                ),
              );
            if (!goal) throw field(`decisions.${i}.measure.goalId`, "Not a goal of this person's plan");
            measureId = (
              await insertMeasure(
                tx,
                auditContext(req),
                actor,
                access,
                goal,
                d.measure,
                conference.id,
                `decisions.${i}.measure.`,
              )
            ).id;
          }
          decisions.push({ text: d.text, measureId });
        }
        const [saved] = await tx
          .update(caseConferences)
          .set({ decisions })
          .where(and(eq(caseConferences.tenantId, actor.tenantId), eq(caseConferences.id, conference.id)))
          .returning();
        await audit(tx, auditContext(req), {
          action: "plan.conference_recorded",
          subjectType: "case_conference",
          subjectId: conference.id,
          personId: req.params.id,
          categories: ["notes"],
          details: {
            after: {
              heldOn: conference.heldOn,
              participants: conference.participants.length,
              decisions: decisions.length,
            },
          },
        });
        return saved ?? conference;
      });
      return reply.code(201).send(row);
    },
  );
}
