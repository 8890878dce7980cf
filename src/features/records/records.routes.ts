// Typed life-domain records of a person.
import { and, eq, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import {
  assertCanWriteCategory,
  assertCategoryReadable,
  canSeeItem,
  groundsForItem,
  type PersonAccess,
  personDataRoles,
  uniqueGrounds,
} from "../../platform/access/person-access.js";
import { audit, changeSet } from "../../platform/audit/audit.js";
import type { Db } from "../../platform/db/client.js";
import { protectedProvenanceTypes } from "../../platform/domain.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError, validation } from "../../platform/http/errors.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import { zodFieldErrors } from "../../platform/http/validation.js";
import { organisations } from "../../platform/identity/identity.tables.js";
import { orderedDates } from "../../platform/reference/partial-date.js";
import { personAccessOrThrow } from "../../platform/access/person-access.js";
import { kindDefinition, recordKinds } from "./record-kinds.js";
import {
  assertCodesKnown,
  getRecordRow,
  listVisibleRecords,
  ownsRecordsIn,
  presentRecord,
  type RecordRow,
  splitResidence,
} from "./records.queries.js";
import {
  type CreateRecordInput,
  createRecordSchema,
  listRecordsQuery,
  recordKindsSchema,
  recordSchema,
  residenceSchema,
  updateRecordSchema,
} from "./records.schemas.js";
import { records } from "./records.tables.js";

const tags = ["records"];
const personPolicy = policy.roles(...personDataRoles);

function assertValidity(from: string | null | undefined, until: string | null | undefined) {
  if (!orderedDates(from, until)) {
    throw new AppError("validation-error", "validUntil lies before validFrom", {
      errors: [{ path: "validUntil", message: "Must not lie before validFrom" }],
    });
  }
}

export async function recordsRoutes(app: App) {
  const db = () => app.deps.database.db;

  /** A record the actor may see, with the person's access; 404 otherwise. */
  async function visibleRecordOrThrow(
    tx: Db,
    req: FastifyRequest,
    id: string,
  ): Promise<{ row: RecordRow; access: PersonAccess }> {
    const actor = actorOf(req);
    const row = await getRecordRow(tx, actor.tenantId, id);
    if (!row) throw new AppError("not-found", "Record not found");
    const access = await personAccessOrThrow(tx, actor, row.personId).catch(() => {
      throw new AppError("not-found", "Record not found");
    });
    if (!canSeeItem(access, row)) throw new AppError("not-found", "Record not found");
    return { row, access };
  }

  app.get(
    "/record-kinds",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "The record kinds with their category, labels and code lists",
        response: { 200: recordKindsSchema },
      },
    },
    async () =>
      Object.entries(recordKinds).map(([kind, d]) => ({
        kind,
        category: d.category,
        label: d.label,
        codeLists: ("codeLists" in d ? d.codeLists : {}) as Record<string, string>,
      })),
  );

  app.get(
    "/persons/:id/records",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary:
          "Records of a person the organisation may see; asking for a closed category answers 403 consent-required",
        params: uuidParam,
        querystring: listRecordsQuery,
        response: { 200: listResponse(recordSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const access = await personAccessOrThrow(db(), actor, req.params.id);
      const category = req.query.category ?? (req.query.kind ? kindDefinition(req.query.kind)?.category : undefined);
      if (category)
        assertCategoryReadable(access, category, await ownsRecordsIn(db(), actor.tenantId, access, category));
      const rows = await listVisibleRecords(db(), actor.tenantId, access, { category, kind: req.query.kind });
      if (rows.length > 0) await auditRead(req, access, rows);
      return { items: rows.map(presentRecord), nextCursor: null };
    },
  );

  app.get(
    "/persons/:id/residence",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "The current residence status and its history",
        params: uuidParam,
        response: { 200: residenceSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const access = await personAccessOrThrow(db(), actor, req.params.id);
      assertCategoryReadable(access, "residence", await ownsRecordsIn(db(), actor.tenantId, access, "residence"));
      const rows = await listVisibleRecords(db(), actor.tenantId, access, { kind: "residence_status" });
      if (rows.length > 0) await auditRead(req, access, rows);
      const { current, history } = splitResidence(rows);
      return { current: current ? presentRecord(current) : null, history: history.map(presentRecord) };
    },
  );

  app.post(
    "/persons/:id/records",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Add a typed record (the organisation owns it)",
        params: uuidParam,
        body: createRecordSchema,
        response: { 201: recordSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const body = req.body as CreateRecordInput;
      const def = kindDefinition(body.kind);
      if (!def)
        throw new AppError("validation-error", "Unknown kind", {
          errors: [{ path: "kind", message: "Unknown record kind" }],
        });
      assertValidity(body.validFrom, body.validUntil);
      assertDataDates(body.kind, body.data);
      const created = await db().transaction(async (tx) => {
        const access = await personAccessOrThrow(tx, actor, req.params.id);
        assertCanWriteCategory(access, def.category);
        await assertCodesKnown(tx, body.kind, body.data);
        await assertProviderKnown(tx, actor.tenantId, body.data);
        const [row] = await tx
          .insert(records)
          .values({
            tenantId: actor.tenantId,
            personId: req.params.id,
            kind: body.kind,
            category: def.category,
            data: body.data,
            validFrom: body.validFrom ?? null,
            validUntil: body.validUntil ?? null,
            ownerOrganisationId: actor.organisationId,
            protected: protectedProvenanceTypes.includes(actor.organisationType),
            createdBy: actor.userId,
            updatedBy: actor.userId,
          })
          .returning();
        if (!row) throw new AppError("internal");
        await audit(tx, auditContext(req), {
          action: "record.created",
          subjectType: "record",
          subjectId: row.id,
          personId: row.personId,
          categories: [row.category],
          grounds: [{ type: "ownership" }],
          details: { after: { kind: row.kind, data: row.data, validFrom: row.validFrom, validUntil: row.validUntil } },
        });
        return row;
      });
      return reply.code(201).send(presentRecord(created));
    },
  );

  app.get(
    "/records/:id",
    {
      config: { policy: personPolicy },
      schema: { tags, summary: "Read a record", params: uuidParam, response: { 200: recordSchema } },
    },
    async (req) => {
      const { row, access } = await visibleRecordOrThrow(db(), req, req.params.id);
      await audit(db(), auditContext(req), {
        action: "record.read",
        subjectType: "record",
        subjectId: row.id,
        personId: row.personId,
        categories: [row.category],
        grounds: groundsForItem(access, row),
      });
      return presentRecord(row);
    },
  );

  app.patch(
    "/records/:id",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Change a record your organisation owns (If-Match or version)",
        params: uuidParam,
        body: updateRecordSchema,
        response: { 200: recordSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const expected = expectedVersion(req.headers["if-match"], req.body.version);
      return db().transaction(async (tx) => {
        const { row } = await visibleRecordOrThrow(tx, req, req.params.id);
        if (row.ownerOrganisationId !== actor.organisationId)
          throw new AppError("forbidden", "Only the organisation that created a record changes it");
        const def = kindDefinition(row.kind);
        if (!def) throw new AppError("internal");
        let data = row.data;
        if (req.body.data !== undefined) {
          const parsed = def.schema.safeParse(req.body.data);
          if (!parsed.success) {
            throw validation(zodFieldErrors(parsed.error, "data"));
          }
          data = parsed.data as Record<string, unknown>;
          assertDataDates(row.kind, data);
          await assertCodesKnown(tx, row.kind, data);
          await assertProviderKnown(tx, actor.tenantId, data);
        }
        const validFrom = req.body.validFrom === undefined ? row.validFrom : req.body.validFrom;
        const validUntil = req.body.validUntil === undefined ? row.validUntil : req.body.validUntil;
        assertValidity(validFrom, validUntil);
        const [updated] = await tx
          .update(records)
          .set({
            data,
            validFrom,
            validUntil,
            updatedBy: actor.userId,
            version: sql`${records.version} + 1`,
            updatedAt: new Date(),
          })
          .where(
            and(
              eq(records.tenantId, actor.tenantId),
              eq(records.id, row.id),
              expected === undefined ? undefined : eq(records.version, expected),
            ),
          )
          .returning();
        if (!updated)
          throw new AppError("version-conflict", `The record is at version ${row.version}`, {
            currentVersion: row.version,
          });
        await audit(tx, auditContext(req), {
          action: "record.updated",
          subjectType: "record",
          subjectId: row.id,
          personId: row.personId,
          categories: [row.category],
          grounds: [{ type: "ownership" }],
          details: changeSet(row as unknown as Record<string, unknown>, { data, validFrom, validUntil }),
        });
        return presentRecord(updated);
      });
    },
  );

  app.delete(
    "/records/:id",
    {
      config: { policy: personPolicy },
      schema: { tags, summary: "Delete a record your organisation owns (If-Match optional)", params: uuidParam },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const expected = expectedVersion(req.headers["if-match"], undefined);
      await db().transaction(async (tx) => {
        const { row } = await visibleRecordOrThrow(tx, req, req.params.id);
        if (row.ownerOrganisationId !== actor.organisationId)
          throw new AppError("forbidden", "Only the organisation that created a record deletes it");
        const deleted = await tx
          .delete(records)
          .where(
            and(
              eq(records.tenantId, actor.tenantId),
              eq(records.id, row.id),
              expected === undefined ? undefined : eq(records.version, expected),
            ),
          )
          .returning({ id: records.id });
        if (deleted.length === 0)
          throw new AppError("version-conflict", `The record is at version ${row.version}`, {
            currentVersion: row.version,
          });
        await audit(tx, auditContext(req), {
          action: "record.deleted",
          subjectType: "record",
          subjectId: row.id,
          personId: row.personId,
          categories: [row.category],
          grounds: [{ type: "ownership" }],
          details: { before: { kind: row.kind, data: row.data, validFrom: row.validFrom, validUntil: row.validUntil } },
        });
      });
      return reply.code(204).send();
    },
  );

  async function auditRead(req: FastifyRequest, access: PersonAccess, rows: RecordRow[]) {
    const cats = [...new Set(rows.map((r) => r.category))];
    const grounds = uniqueGrounds(rows.map((r) => groundsForItem(access, r)));
    await audit(db(), auditContext(req), {
      action: "person.read",
      subjectType: "person",
      subjectId: access.personId,
      personId: access.personId,
      categories: cats,
      grounds,
      details: { records: rows.length },
    });
  }
}

/** Dates inside record data that must be in order. */
function assertDataDates(kind: string, data: Record<string, unknown>) {
  const pairs: [string, string][] =
    kind === "benefit"
      ? [["from", "to"]]
      : kind === "course_enrollment"
        ? [["startOn", "endOn"]]
        : kind === "residence_status"
          ? [["issuedOn", "validUntil"]]
          : [];
  for (const [a, b] of pairs) {
    if (!orderedDates(data[a] as string | undefined, data[b] as string | undefined)) {
      throw new AppError("validation-error", `data.${b} lies before data.${a}`, {
        errors: [{ path: `data.${b}`, message: `Must not lie before ${a}` }],
      });
    }
  }
}

async function assertProviderKnown(db: Db, tenantId: string, data: Record<string, unknown>) {
  const id = data.providerOrganisationId;
  if (typeof id !== "string") return;
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.id, id)));
  if (!org)
    throw new AppError("validation-error", "Unknown provider organisation", {
      errors: [{ path: "data.providerOrganisationId", message: "No such organisation" }],
    });
}
