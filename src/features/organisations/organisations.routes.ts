import { assertCanManageOrganisations } from "../../platform/access/access.js";
import { audit, changeSet } from "../../platform/audit/audit.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import {
  getOrganisationOrThrow,
  insertOrganisation,
  listOrganisations,
  updateOrganisation,
} from "./organisations.queries.js";
import {
  createOrganisationSchema,
  listOrganisationsQuery,
  organisationSchema,
  updateOrganisationSchema,
} from "./organisations.schemas.js";

const tags = ["organisations"];

export async function organisationsRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.get(
    "/organisations",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "List the tenant's organisations",
        querystring: listOrganisationsQuery,
        response: { 200: listResponse(organisationSchema) },
      },
    },
    async (req) => listOrganisations(db(), actorOf(req), req.query),
  );

  app.post(
    "/organisations",
    {
      config: { policy: policy.roles("tenant_admin") },
      schema: {
        tags,
        summary: "Create an organisation",
        body: createOrganisationSchema,
        response: { 201: organisationSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      assertCanManageOrganisations(actor);
      const created = await db().transaction(async (tx) => {
        const row = await insertOrganisation(tx, actor.tenantId, req.body);
        await audit(tx, auditContext(req), {
          action: "organisation.created",
          subjectType: "organisation",
          subjectId: row.id,
          details: { after: { name: row.name, type: row.type } },
        });
        return row;
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    "/organisations/:id",
    {
      config: { policy: policy.authenticated() },
      schema: { tags, summary: "Read an organisation", params: uuidParam, response: { 200: organisationSchema } },
    },
    async (req) => getOrganisationOrThrow(db(), actorOf(req), req.params.id),
  );

  app.patch(
    "/organisations/:id",
    {
      config: { policy: policy.roles("tenant_admin") },
      schema: {
        tags,
        summary: "Change an organisation (If-Match or version for optimistic concurrency)",
        params: uuidParam,
        body: updateOrganisationSchema,
        response: { 200: organisationSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      assertCanManageOrganisations(actor);
      const { version, ...changes } = req.body;
      const expected = expectedVersion(req.headers["if-match"], version);
      return db().transaction(async (tx) => {
        const before = await getOrganisationOrThrow(tx, actor, req.params.id);
        const updated = await updateOrganisation(tx, actor, req.params.id, expected, changes);
        if (!updated)
          throw new AppError("version-conflict", `Organisation is at version ${before.version}`, {
            currentVersion: before.version,
          });
        await audit(tx, auditContext(req), {
          action: "organisation.updated",
          subjectType: "organisation",
          subjectId: updated.id,
          details: changeSet(before, changes),
        });
        return updated;
      });
    },
  );
}
