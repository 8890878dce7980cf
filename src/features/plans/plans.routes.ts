// The integration plan of a person: goals per life domain, measures (optionally carried out by a
// referral), case conferences whose decisions become measures. A goal's domain is a data
// category: an organisation sees the goals (and their measures) of the categories it may see.
// The lead organisation's case managers shape the plan; a responsible organisation updates the
// status of its own measures.
import type { z } from "zod";
import { personAccessOrThrow, personDataRoles } from "../../platform/access/person-access.js";
import type { AuditContext } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import {
  assertManagesPlan,
  assertMayChangeMeasure,
  createGoal,
  createMeasure,
  recordConference,
  updateGoal,
  updateMeasure,
} from "./plans.commands.js";
import { goalOrThrow, measureOrThrow, presentedGoal, presentedMeasure, readPlan } from "./plans.queries.js";
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

const tags = ["integration plan"];
const personPolicy = policy.roles(...personDataRoles);

async function addGoal(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  body: z.infer<typeof createGoalSchema>,
) {
  return db.transaction(async (tx) => {
    const access = await personAccessOrThrow(tx, actor, personId);
    assertManagesPlan(access);
    const goal = await createGoal(tx, ctx, actor, access, body);
    return { ...goal, measures: [] };
  });
}

async function changeGoal(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  expected: number | undefined,
  body: z.infer<typeof updateGoalSchema>,
) {
  return db.transaction(async (tx) => {
    const { row: before, access } = await goalOrThrow(tx, actor, id);
    assertManagesPlan(access);
    const changes = { title: body.title, targetDate: body.targetDate, status: body.status };
    const after = await updateGoal(tx, ctx, actor, before, expected, changes);
    return presentedGoal(tx, actor.tenantId, access, after);
  });
}

async function addMeasure(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  goalId: string,
  body: z.infer<typeof createMeasureSchema>,
) {
  return db.transaction(async (tx) => {
    const { row: goal, access } = await goalOrThrow(tx, actor, goalId);
    assertManagesPlan(access);
    const measure = await createMeasure(tx, ctx, actor, access, goal, body);
    return presentedMeasure(tx, actor.tenantId, access, measure.id);
  });
}

async function changeMeasure(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  expected: number | undefined,
  body: z.infer<typeof updateMeasureSchema>,
) {
  const { version: _version, ...changes } = body;
  return db.transaction(async (tx) => {
    const { row: before, goal, access } = await measureOrThrow(tx, actor, id);
    assertMayChangeMeasure(actor, access, before, changes);
    await updateMeasure(tx, ctx, actor, before, goal, expected, changes);
    return presentedMeasure(tx, actor.tenantId, access, id);
  });
}

async function addConference(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  body: z.infer<typeof createConferenceSchema>,
) {
  return db.transaction(async (tx) => {
    const access = await personAccessOrThrow(tx, actor, personId);
    assertManagesPlan(access);
    return recordConference(tx, ctx, actor, access, body);
  });
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
    async (req) => readPlan(db(), auditContext(req), actorOf(req), req.params.id),
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
    async (req, reply) =>
      reply.code(201).send(await addGoal(db(), auditContext(req), actorOf(req), req.params.id, req.body)),
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
    async (req) =>
      changeGoal(
        db(),
        auditContext(req),
        actorOf(req),
        req.params.id,
        expectedVersion(req.headers["if-match"], req.body.version),
        req.body,
      ),
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
    async (req, reply) =>
      reply.code(201).send(await addMeasure(db(), auditContext(req), actorOf(req), req.params.id, req.body)),
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
    async (req) =>
      changeMeasure(
        db(),
        auditContext(req),
        actorOf(req),
        req.params.id,
        expectedVersion(req.headers["if-match"], req.body.version),
        req.body,
      ),
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
    async (req, reply) =>
      reply.code(201).send(await addConference(db(), auditContext(req), actorOf(req), req.params.id, req.body)),
  );
}
