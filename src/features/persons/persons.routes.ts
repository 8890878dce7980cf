// Persons and the state of their case file. Each handler is a recipe: the schema parsed; the
// command or query loads with the actor's scope and decides through the access module; a change
// writes its audit row in its transaction; the person is presented.
import type { z } from "zod";
import { assertPersonDataRole, identityGroundsOf, personDataRoles } from "../../platform/access/person-access.js";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import { readCaseFile } from "./case-file-read.js";
import {
  type CaseAction,
  type CaseActionInput,
  caseActions,
  changeCaseState,
  correctIdentity,
  type IdentityCorrection,
  type PersonWritten,
  type Registration,
  registerPerson,
} from "./persons.commands.js";
import { findPersons, householdOf, presentPerson } from "./persons.queries.js";
import {
  caseActionSchema,
  createPersonSchema,
  listPersonsQuery,
  personReadQuery,
  personSchema,
  personSummarySchema,
  updatePersonSchema,
} from "./persons.schemas.js";

const tags = ["persons"];
const personPolicy = policy.roles(...personDataRoles);

export async function personsRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.post(
    "/persons",
    {
      config: { policy: policy.roles("case_manager", "caseworker") },
      schema: {
        tags,
        summary: "Register a person (the registering organisation owns the identity)",
        body: createPersonSchema,
        response: { 201: personSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await register(db(), auditContext(req), actorOf(req), req.body)),
  );

  app.get(
    "/persons",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Persons the organisation may see (access decided in SQL)",
        querystring: listPersonsQuery,
        response: { 200: listResponse(personSummarySchema) },
      },
    },
    async (req) => listPersons(db(), auditContext(req), actorOf(req), req.query),
  );

  app.get(
    "/persons/:id",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Read a person's case file header (and, with include=records, every visible record)",
        params: uuidParam,
        querystring: personReadQuery,
        response: { 200: personSchema },
      },
    },
    async (req) => readCaseFile(db(), auditContext(req), actorOf(req), req.params.id, req.query.include),
  );

  app.patch(
    "/persons/:id",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Correct identity data (registering organisation, or the lead organisation's case managers)",
        params: uuidParam,
        body: updatePersonSchema,
        response: { 200: personSchema },
      },
    },
    async (req) => {
      const { version, ...changes } = req.body;
      const expected = expectedVersion(req.headers["if-match"], version);
      return correct(db(), auditContext(req), actorOf(req), req.params.id, changes, expected);
    },
  );

  for (const action of caseActions) {
    app.post(
      `/persons/:id/case/${action}`,
      {
        config: { policy: policy.roles("case_manager") },
        schema: {
          tags,
          summary: `Case file: ${action}${action === "close" ? " (reason required)" : ""}`,
          params: uuidParam,
          body: caseActionSchema,
          response: { 200: personSchema },
        },
      },
      async (req) => {
        const { version, ...input } = req.body;
        const expected = expectedVersion(req.headers["if-match"], version);
        return moveCase(db(), auditContext(req), actorOf(req), req.params.id, action, input, expected);
      },
    );
  }
}

async function register(db: Db, ctx: AuditContext, actor: Actor, registration: Registration) {
  const written = await db.transaction((tx) => registerPerson(tx, ctx, actor, registration));
  return presentWithHousehold(db, actor, written);
}

/** The list or the search, with a `person.listed` row for every person shown. */
async function listPersons(db: Db, ctx: AuditContext, actor: Actor, query: z.output<typeof listPersonsQuery>) {
  assertPersonDataRole(actor);
  const result = await findPersons(db, actor, query);
  const grounds = await identityGroundsOf(db, actor, result.items);
  await audit(
    db,
    ctx,
    ...result.items.map((p) => ({
      action: "person.listed" as const,
      subjectType: "person",
      subjectId: p.id,
      personId: p.id,
      categories: ["identity"],
      grounds: grounds.get(p.id) ?? [],
      purpose: query.q ? "search" : "list",
    })),
  );
  return result;
}

async function correct(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  changes: IdentityCorrection,
  expected: number | undefined,
) {
  return db.transaction(async (tx) =>
    presentWithHousehold(tx, actor, await correctIdentity(tx, ctx, actor, personId, changes, expected)),
  );
}

async function moveCase(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  action: CaseAction,
  input: CaseActionInput,
  expected: number | undefined,
) {
  return db.transaction(async (tx) =>
    presentWithHousehold(tx, actor, await changeCaseState(tx, ctx, actor, personId, action, input, expected)),
  );
}

async function presentWithHousehold(db: Db, actor: Actor, { person, access }: PersonWritten) {
  return { ...presentPerson(person, access), household: await householdOf(db, actor.tenantId, person.id) };
}
