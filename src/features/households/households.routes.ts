import { and, eq, sql } from "drizzle-orm";
import { assertPersonDataRole, personDataRoles } from "../../platform/access/person-access.js";
import { audit } from "../../platform/audit/audit.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import { personAccessOrThrow } from "../../platform/access/person-access.js";
import { addMember, assertPersonsVisible, getVisibleHouseholdOrThrow } from "./households.queries.js";
import {
  createHouseholdSchema,
  householdSchema,
  memberInput,
  memberParams,
  updateHouseholdSchema,
} from "./households.schemas.js";
import { householdMembers, households } from "./households.tables.js";

const tags = ["households"];
const personPolicy = policy.roles(...personDataRoles);

export async function householdsRoutes(app: App) {
  const db = () => app.deps.database.db;
  const present = (h: Awaited<ReturnType<typeof getVisibleHouseholdOrThrow>>) => ({
    id: h.id,
    name: h.name,
    version: h.version,
    members: h.members,
    address: h.address,
  });

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
    async (req, reply) => {
      const actor = actorOf(req);
      assertPersonDataRole(actor);
      const result = await db().transaction(async (tx) => {
        await assertPersonsVisible(
          tx,
          actor,
          req.body.members.map((m) => m.personId),
        );
        const [h] = await tx
          .insert(households)
          .values({ tenantId: actor.tenantId, name: req.body.name, createdByOrganisationId: actor.organisationId })
          .returning();
        if (!h) throw new AppError("internal");
        for (const m of req.body.members) await addMember(tx, actor, h.id, m.personId, m.relation);
        await audit(
          tx,
          auditContext(req),
          {
            action: "household.created",
            subjectType: "household",
            subjectId: h.id,
            details: { after: { name: h.name, members: req.body.members.length } },
          },
          ...req.body.members.map((m) => ({
            action: "household.updated" as const,
            subjectType: "household",
            subjectId: h.id,
            personId: m.personId,
            categories: ["family"],
            details: { added: m.relation },
          })),
        );
        return getVisibleHouseholdOrThrow(tx, actor, h.id);
      });
      return reply.code(201).send(present(result));
    },
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
    async (req) => {
      const actor = actorOf(req);
      assertPersonDataRole(actor);
      const h = await getVisibleHouseholdOrThrow(db(), actor, req.params.id);
      await audit(
        db(),
        auditContext(req),
        ...h.members.map((m) => ({
          action: "household.read" as const,
          subjectType: "household",
          subjectId: h.id,
          personId: m.personId,
          categories: ["identity", "family"],
        })),
      );
      return present(h);
    },
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
      const actor = actorOf(req);
      assertPersonDataRole(actor);
      const expected = expectedVersion(req.headers["if-match"], req.body.version);
      return db().transaction(async (tx) => {
        const before = await getVisibleHouseholdOrThrow(tx, actor, req.params.id);
        const [updated] = await tx
          .update(households)
          .set({ name: req.body.name, version: sql`${households.version} + 1`, updatedAt: new Date() })
          .where(
            and(
              eq(households.tenantId, actor.tenantId),
              eq(households.id, before.id),
              expected === undefined ? undefined : eq(households.version, expected),
            ),
          )
          .returning();
        if (!updated)
          throw new AppError("version-conflict", `The household is at version ${before.version}`, {
            currentVersion: before.version,
          });
        await audit(tx, auditContext(req), {
          action: "household.updated",
          subjectType: "household",
          subjectId: before.id,
          details: { before: { name: before.name }, after: { name: req.body.name } },
        });
        return present(await getVisibleHouseholdOrThrow(tx, actor, before.id));
      });
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
    async (req, reply) => {
      const actor = actorOf(req);
      assertPersonDataRole(actor);
      const h = await db().transaction(async (tx) => {
        await addMember(tx, actor, req.params.id, req.body.personId, req.body.relation);
        await audit(tx, auditContext(req), {
          action: "household.updated",
          subjectType: "household",
          subjectId: req.params.id,
          personId: req.body.personId,
          categories: ["family"],
          details: { added: req.body.relation },
        });
        return getVisibleHouseholdOrThrow(tx, actor, req.params.id);
      });
      return reply.code(201).send(present(h));
    },
  );

  app.delete(
    "/households/:id/members/:personId",
    {
      config: { policy: personPolicy },
      schema: { tags, summary: "Remove a person from a household", params: memberParams },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await db().transaction(async (tx) => {
        await personAccessOrThrow(tx, actor, req.params.personId);
        const removed = await tx
          .delete(householdMembers)
          .where(
            and(
              eq(householdMembers.tenantId, actor.tenantId),
              eq(householdMembers.householdId, req.params.id),
              eq(householdMembers.personId, req.params.personId),
            ),
          )
          .returning();
        if (removed.length === 0) throw new AppError("not-found", "The person is not a member of this household");
        await audit(tx, auditContext(req), {
          action: "household.updated",
          subjectType: "household",
          subjectId: req.params.id,
          personId: req.params.personId,
          categories: ["family"],
          details: { removed: removed[0]?.relation },
        });
      });
      return reply.code(204).send();
    },
  );
}
