// Households: persons living together. The actor sees a household through the members it may see
// (or because its organisation created it); every change writes its audit rows in its transaction.
import { assertPersonDataRole, personDataRoles } from "../../platform/access/person-access.js";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import {
  addHouseholdMember,
  createHousehold,
  type Member,
  removeHouseholdMember,
  renameHousehold,
} from "./households.commands.js";
import { getVisibleHouseholdOrThrow, type VisibleHousehold } from "./households.queries.js";
import {
  createHouseholdSchema,
  householdSchema,
  memberInput,
  memberParams,
  updateHouseholdSchema,
} from "./households.schemas.js";

const tags = ["households"];
const personPolicy = policy.roles(...personDataRoles);

export async function householdsRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.post(
    "/households",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Create a household of persons living together",
        body: createHouseholdSchema,
        response: { 201: householdSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await create(db(), auditContext(req), actorOf(req), req.body)),
  );

  app.get(
    "/households/:id",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "A household with the members your organisation may see",
        params: uuidParam,
        response: { 200: householdSchema },
      },
    },
    async (req) => read(db(), auditContext(req), actorOf(req), req.params.id),
  );

  app.patch(
    "/households/:id",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Rename a household",
        params: uuidParam,
        body: updateHouseholdSchema,
        response: { 200: householdSchema },
      },
    },
    async (req) => {
      const expected = expectedVersion(req.headers["if-match"], req.body.version);
      return rename(db(), auditContext(req), actorOf(req), req.params.id, req.body.name, expected);
    },
  );

  app.post(
    "/households/:id/members",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Add a person to a household",
        params: uuidParam,
        body: memberInput,
        response: { 201: householdSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addMember(db(), auditContext(req), actorOf(req), req.params.id, req.body)),
  );

  app.delete(
    "/households/:id/members/:personId",
    {
      config: { policy: personPolicy },
      schema: { tags, summary: "Remove a person from a household", params: memberParams },
    },
    async (req, reply) => {
      const { id, personId } = req.params;
      await db().transaction((tx) => removeHouseholdMember(tx, auditContext(req), actorOf(req), id, personId));
      return reply.code(204).send();
    },
  );
}

async function create(db: Db, ctx: AuditContext, actor: Actor, input: { name: string; members: Member[] }) {
  assertPersonDataRole(actor);
  return db.transaction(async (tx) => {
    const id = await createHousehold(tx, ctx, actor, input);
    return present(await getVisibleHouseholdOrThrow(tx, actor, id));
  });
}

/** The household with a `household.read` row for every member shown. */
async function read(db: Db, ctx: AuditContext, actor: Actor, householdId: string) {
  assertPersonDataRole(actor);
  const h = await getVisibleHouseholdOrThrow(db, actor, householdId);
  await audit(
    db,
    ctx,
    ...h.members.map((m) => ({
      action: "household.read" as const,
      subjectType: "household",
      subjectId: h.id,
      personId: m.personId,
      categories: ["identity", "family"],
    })),
  );
  return present(h);
}

async function rename(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  householdId: string,
  name: string,
  expected: number | undefined,
) {
  assertPersonDataRole(actor);
  return db.transaction(async (tx) => {
    await renameHousehold(tx, ctx, actor, householdId, name, expected);
    return present(await getVisibleHouseholdOrThrow(tx, actor, householdId));
  });
}

async function addMember(db: Db, ctx: AuditContext, actor: Actor, householdId: string, member: Member) {
  assertPersonDataRole(actor);
  return db.transaction(async (tx) => {
    await addHouseholdMember(tx, ctx, actor, householdId, member);
    return present(await getVisibleHouseholdOrThrow(tx, actor, householdId));
  });
}

function present(h: VisibleHousehold) {
  return { id: h.id, name: h.name, version: h.version, members: h.members, address: h.address };
}
