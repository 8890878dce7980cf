// Persons and the state of their case file.
import { and, eq, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import {
  assertPersonDataRole,
  decidePersonAccess,
  identityGroundsOf,
  personAccessOrThrow,
  personDataRoles,
} from "../../platform/access/person-access.js";
import { audit, changeSet } from "../../platform/audit/audit.js";
import type { AuditAction } from "../../platform/audit/audit-events.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import { users } from "../../platform/identity/identity.tables.js";
import { today } from "../../platform/reference/partial-date.js";
import { addMember } from "../households/households.queries.js";
import { presentHit, searchPersons } from "../search/search.queries.js";
import { indexPersons } from "../search/search-index.js";
import { readCaseFile } from "./case-file-read.js";
import { assertNotMerged, getPersonRow, householdOf, listVisiblePersons, presentPerson } from "./persons.queries.js";
import {
  caseActionSchema,
  createPersonSchema,
  listPersonsQuery,
  personReadQuery,
  personSchema,
  personSummarySchema,
  updatePersonSchema,
} from "./persons.schemas.js";
import { type CaseStatus, caseEvents, persons } from "./persons.tables.js";

const tags = ["persons"];
const personPolicy = policy.roles(...personDataRoles);

type CaseAction = "open" | "pause" | "resume" | "close" | "reopen";
const transitions: Record<
  CaseAction,
  {
    from: CaseStatus[];
    to: CaseStatus;
    audit: AuditAction;
    event: "opened" | "paused" | "resumed" | "closed" | "reopened";
  }
> = {
  open: { from: ["intake"], to: "active", audit: "case.opened", event: "opened" },
  pause: { from: ["active"], to: "paused", audit: "case.paused", event: "paused" },
  resume: { from: ["paused"], to: "active", audit: "case.resumed", event: "resumed" },
  close: { from: ["intake", "active", "paused"], to: "closed", audit: "case.closed", event: "closed" },
  reopen: { from: ["closed"], to: "active", audit: "case.reopened", event: "reopened" },
};

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
    async (req, reply) => {
      const actor = actorOf(req);
      const { householdId, householdRelation, ...identity } = req.body;
      const isCaseManager = actor.role === "case_manager";
      const created = await db().transaction(async (tx) => {
        const [row] = await tx
          .insert(persons)
          .values({
            tenantId: actor.tenantId,
            ...identity,
            birthDate: identity.birthDate ?? null,
            registeredByOrganisationId: actor.organisationId,
            leadOrganisationId: isCaseManager ? actor.organisationId : null,
            leadCaseManagerId: isCaseManager ? actor.userId : null,
            createdBy: actor.userId,
          })
          .returning();
        if (!row) throw new AppError("internal");
        await indexPersons(tx, [row], { fresh: true });
        await tx.insert(caseEvents).values({
          tenantId: actor.tenantId,
          personId: row.id,
          action: "registered",
          toStatus: row.caseStatus,
          organisationId: actor.organisationId,
          userId: actor.userId,
        });
        if (householdId) {
          await addMember(tx, actor, householdId, row.id, householdRelation ?? "other", { personJustCreated: true });
        }
        await audit(tx, auditContext(req), {
          action: "person.created",
          subjectType: "person",
          subjectId: row.id,
          personId: row.id,
          categories: ["identity"],
          grounds: [{ type: "ownership" }],
        });
        return row;
      });
      const access = decidePersonAccess(actor, { ...created, consents: [], legalBases: [], referrals: [] });
      if (!access) throw new AppError("internal");
      return reply
        .code(201)
        .send({ ...presentPerson(created, access), household: await householdOf(db(), actor.tenantId, created.id) });
    },
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
    async (req) => {
      const actor = actorOf(req);
      assertPersonDataRole(actor);
      const { q, ...rest } = req.query;
      const result = q
        ? {
            items: (await searchPersons(db(), actor, { q, status: rest.status, limit: rest.limit })).map(presentHit),
            nextCursor: null,
          }
        : await listVisiblePersons(db(), actor, rest);
      const grounds = await identityGroundsOf(db(), actor, result.items);
      await audit(
        db(),
        auditContext(req),
        ...result.items.map((p) => ({
          action: "person.listed" as const,
          subjectType: "person",
          subjectId: p.id,
          personId: p.id,
          categories: ["identity"],
          grounds: grounds.get(p.id) ?? [],
          purpose: req.query.q ? "search" : "list",
        })),
      );
      return result;
    },
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
      const actor = actorOf(req);
      const { version, ...changes } = req.body;
      const expected = expectedVersion(req.headers["if-match"], version);
      return db().transaction(async (tx) => {
        const access = await personAccessOrThrow(tx, actor, req.params.id);
        if (!access.canEditIdentity)
          throw new AppError(
            "forbidden",
            "Only the registering organisation or the lead case management corrects identity data",
          );
        const before = await getPersonRow(tx, actor.tenantId, req.params.id);
        await assertNotMerged(tx, actor, before);
        const [updated] = await tx
          .update(persons)
          .set({ ...changes, version: sql`${persons.version} + 1`, updatedAt: new Date() })
          .where(
            and(
              eq(persons.tenantId, actor.tenantId),
              eq(persons.id, before.id),
              expected === undefined ? undefined : eq(persons.version, expected),
            ),
          )
          .returning();
        if (!updated)
          throw new AppError("version-conflict", `The person is at version ${before.version}`, {
            currentVersion: before.version,
          });
        if (
          changes.givenNames !== undefined ||
          changes.familyName !== undefined ||
          changes.alternativeNames !== undefined
        )
          await indexPersons(tx, [updated]);
        await audit(tx, auditContext(req), {
          action: "person.updated",
          subjectType: "person",
          subjectId: before.id,
          personId: before.id,
          categories: ["identity"],
          grounds: access.open.get("identity") ?? [],
          details: changeSet(before, changes),
        });
        return { ...presentPerson(updated, access), household: await householdOf(tx, actor.tenantId, before.id) };
      });
    },
  );

  for (const action of Object.keys(transitions) as CaseAction[]) {
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
      async (req) => changeCaseState(req, action, req.params.id, req.body),
    );
  }

  async function changeCaseState(
    req: FastifyRequest,
    action: CaseAction,
    personId: string,
    body: { reason?: string | undefined; leadCaseManagerId?: string | undefined; version?: number | undefined },
  ) {
    const actor = actorOf(req);
    const t = transitions[action];
    if (action === "close" && !body.reason) {
      throw new AppError("validation-error", "A closing reason is required", {
        errors: [{ path: "reason", message: "Required when closing a case" }],
      });
    }
    const expected = expectedVersion(req.headers["if-match"], body.version);
    return db().transaction(async (tx) => {
      const access = await personAccessOrThrow(tx, actor, personId);
      if (!access.canManageCase)
        throw new AppError("forbidden", "Only the lead organisation's case managers change the case state");
      const before = await getPersonRow(tx, actor.tenantId, personId);
      await assertNotMerged(tx, actor, before);
      if (!t.from.includes(before.caseStatus)) {
        throw new AppError("conflict", `A case in status ${before.caseStatus} cannot be ${t.event}`, {
          caseStatus: before.caseStatus,
        });
      }
      let leadCaseManagerId = before.leadCaseManagerId ?? actor.userId;
      if (body.leadCaseManagerId) {
        const [cm] = await tx
          .select({ id: users.id })
          .from(users)
          .where(
            and(
              eq(users.tenantId, actor.tenantId),
              eq(users.id, body.leadCaseManagerId),
              eq(users.organisationId, actor.organisationId),
              eq(users.role, "case_manager"),
              eq(users.active, true),
            ),
          );
        if (!cm)
          throw new AppError("validation-error", "Not a case manager of your organisation", {
            errors: [{ path: "leadCaseManagerId", message: "Not an active case manager of your organisation" }],
          });
        leadCaseManagerId = cm.id;
      }
      const changes = {
        caseStatus: t.to,
        leadOrganisationId: before.leadOrganisationId ?? actor.organisationId,
        leadCaseManagerId,
        ...(action === "open" || action === "reopen"
          ? { caseOpenedOn: today(), caseClosedOn: null, closingReason: null }
          : {}),
        ...(action === "close" ? { caseClosedOn: today(), closingReason: body.reason ?? null } : {}),
      };
      const [updated] = await tx
        .update(persons)
        .set({ ...changes, version: sql`${persons.version} + 1`, updatedAt: new Date() })
        .where(
          and(
            eq(persons.tenantId, actor.tenantId),
            eq(persons.id, personId),
            eq(persons.caseStatus, before.caseStatus),
            expected === undefined ? undefined : eq(persons.version, expected),
          ),
        )
        .returning();
      if (!updated)
        throw new AppError("version-conflict", `The person is at version ${before.version}`, {
          currentVersion: before.version,
        });
      await tx.insert(caseEvents).values({
        tenantId: actor.tenantId,
        personId,
        action: t.event,
        fromStatus: before.caseStatus,
        toStatus: t.to,
        reason: body.reason ?? null,
        organisationId: actor.organisationId,
        userId: actor.userId,
      });
      await audit(tx, auditContext(req), {
        action: t.audit,
        subjectType: "person",
        subjectId: personId,
        personId,
        categories: ["identity"],
        details: changeSet(before as unknown as Record<string, unknown>, changes),
      });
      const newAccess = await personAccessOrThrow(tx, actor, personId);
      return { ...presentPerson(updated, newAccess), household: await householdOf(tx, actor.tenantId, personId) };
    });
  }
}
