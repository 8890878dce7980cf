import { abilitiesOf, assertCanManageOrganisations } from "../../platform/access/access.js";
import { audit, changeSet } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import {
  assertServicesKnown,
  getOrganisationOrThrow,
  insertOrganisation,
  listOrganisations,
  normaliseContacts,
  receivesReferrals,
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
        summary:
          "The tenant's organisation directory (every user of the tenant); filter by service, language, type or text",
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
        await assertServicesKnown(tx, req.body.services);
        const row = await insertOrganisation(tx, actor.tenantId, req.body);
        await audit(tx, auditContext(req), {
          action: "organisation.created",
          subjectType: "organisation",
          subjectId: row.id,
          details: { after: { name: row.name, type: row.type } },
        });
        return row;
      });
      // A new organisation has no users yet, so nobody there could act on a referral.
      return reply.code(201).send({ ...created, receivesReferrals: false });
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
      config: { policy: policy.roles("tenant_admin", "org_admin") },
      schema: {
        tags,
        summary:
          "Change an organisation (If-Match or version for optimistic concurrency). The tenant admin changes every organisation; an organisation's admin only its own directory entry (not name, type or active)",
        params: uuidParam,
        body: updateOrganisationSchema,
        response: { 200: organisationSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { version, contacts, ...rest } = req.body;
      const changes = { ...rest, ...(contacts ? { contacts: normaliseContacts(contacts) } : {}) };
      const expected = expectedVersion(req.headers["if-match"], version);
      return db().transaction(async (tx) => {
        const before = await getOrganisationOrThrow(tx, actor, req.params.id);
        assertCanEditEntry(actor, before.id, changes);
        await assertServicesKnown(tx, changes.services);
        const updated = await updateOrganisation(tx, actor, before, expected, changes);
        await audit(tx, auditContext(req), {
          action: "organisation.updated",
          subjectType: "organisation",
          subjectId: updated.id,
          details: changeSet(before, changes),
        });
        return { ...updated, receivesReferrals: await receivesReferrals(tx, actor, updated.id) };
      });
    },
  );
}

/** The tenant admin changes every organisation; an organisation's admin only its own directory entry. */
function assertCanEditEntry(actor: Actor, organisationId: string, changes: Record<string, unknown>) {
  const { editDirectoryEntriesOf } = abilitiesOf(actor);
  if (editDirectoryEntriesOf !== "all" && !editDirectoryEntriesOf.includes(organisationId))
    throw new AppError("forbidden", "You may change only your own organisation's directory entry");
  const administrative = ["name", "type", "active"].filter((k) => changes[k] !== undefined);
  if (administrative.length > 0 && !abilitiesOf(actor).manageOrganisations)
    throw new AppError("forbidden", `Only the tenant admin changes ${administrative.join(", ")}`);
}
