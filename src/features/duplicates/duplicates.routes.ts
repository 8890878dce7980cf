// Duplicates: the check before registering, the review list of candidate pairs, dismissal, merge
// and undo. Every person shown is audited as listed; merges and undos write before/after.
import { z } from "zod";
import { assertPersonDataRole, identityGroundsOf, personDataRoles } from "../../platform/access/person-access.js";
import { audit } from "../../platform/audit/audit.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import { dismissDuplicatePair, systemDuplicateScan } from "./duplicates.commands.js";
import { duplicateCheck, listDuplicates } from "./duplicates.queries.js";
import {
  duplicateCheckResponse,
  duplicateCheckSchema,
  duplicatePairSchema,
  listDuplicatesQuery,
  mergeResultSchema,
  mergeSchema,
  undoResultSchema,
} from "./duplicates.schemas.js";
import { mergePersons, undoMerge } from "./merge.commands.js";

const tags = ["duplicates"];
const personPolicy = policy.roles(...personDataRoles);
const mergePolicy = policy.roles("case_manager", "caseworker");

export async function duplicatesRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.post(
    "/persons/duplicate-check",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Persons the organisation may see that may be the person about to be registered",
        body: duplicateCheckSchema,
        response: { 200: duplicateCheckResponse },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      assertPersonDataRole(actor);
      const items = await duplicateCheck(db(), actor, req.body);
      const grounds = await identityGroundsOf(db(), actor, items);
      await audit(
        db(),
        auditContext(req),
        ...items.map((p) => ({
          action: "person.listed" as const,
          subjectType: "person",
          subjectId: p.id,
          personId: p.id,
          categories: ["identity"],
          grounds: grounds.get(p.id) ?? [],
          purpose: "duplicate-check",
        })),
      );
      return { items };
    },
  );

  app.get(
    "/duplicates",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Open duplicate candidate pairs whose both persons the organisation may see, best first",
        querystring: listDuplicatesQuery,
        response: { 200: listResponse(duplicatePairSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      assertPersonDataRole(actor);
      const { items, people, nextCursor } = await listDuplicates(db(), actor, req.query);
      const grounds = await identityGroundsOf(db(), actor, people);
      await audit(
        db(),
        auditContext(req),
        ...people.map((p) => ({
          action: "person.listed" as const,
          subjectType: "person",
          subjectId: p.id,
          personId: p.id,
          categories: ["identity"],
          grounds: grounds.get(p.id) ?? [],
          purpose: "duplicates",
        })),
      );
      return { items, nextCursor };
    },
  );

  app.post(
    "/duplicates/scan",
    {
      config: { policy: policy.roles("case_manager") },
      schema: {
        tags,
        summary: "Look for duplicates in the tenant now (also run after seeding and by `strang duplicates scan`)",
        body: z.strictObject({}).optional(),
        response: {
          200: z.object({ persons: z.number().int(), pairs: z.number().int(), removed: z.number().int() }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      // The case manager starts the tenant's scan; only counts come back.
      const r = await systemDuplicateScan(db(), actor.tenantId);
      await audit(db(), auditContext(req), {
        action: "duplicates.scanned",
        details: { persons: r.persons, pairs: r.pairs },
      });
      return { persons: r.persons, pairs: r.pairs, removed: r.removed };
    },
  );

  app.post(
    "/duplicates/:id/dismiss",
    {
      config: { policy: mergePolicy },
      schema: {
        tags,
        summary: "Dismiss a candidate pair: the two persons are not the same",
        params: uuidParam,
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ id: z.uuid(), status: z.literal("dismissed") }) },
      },
    },
    async (req) => db().transaction((tx) => dismissDuplicatePair(tx, actorOf(req), auditContext(req), req.params.id)),
  );

  app.post(
    "/persons/:id/merge",
    {
      config: { policy: mergePolicy },
      schema: {
        tags,
        summary:
          "Merge another person into this one: chosen field values, every row of the other moves here; the other is hidden (undo with /merges/{id}/undo)",
        params: uuidParam,
        body: mergeSchema,
        response: { 200: mergeResultSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const version = expectedVersion(req.headers["if-match"], req.body.version);
      return mergePersons(db(), actor, auditContext(req), {
        survivorId: req.params.id,
        otherId: req.body.otherPersonId,
        fields: req.body.fields,
        ...(version === undefined ? {} : { version }),
        ...(req.body.otherVersion === undefined ? {} : { otherVersion: req.body.otherVersion }),
      });
    },
  );

  app.post(
    "/merges/:id/undo",
    {
      config: { policy: mergePolicy },
      schema: {
        tags,
        summary: "Undo a merge: both persons as they were before, every moved row back",
        params: uuidParam,
        body: z.strictObject({}).optional(),
        response: { 200: undoResultSchema },
      },
    },
    async (req) => undoMerge(db(), actorOf(req), auditContext(req), req.params.id),
  );
}
