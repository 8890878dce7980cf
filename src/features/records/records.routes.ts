// Typed life-domain records of a person: list, residence, add, read, change, delete. Each handler
// is a recipe: a query or command loads within the actor's scope and asks the access module, a
// command writes with its audit row, the handler presents.
import { personDataRoles } from "../../platform/access/person-access.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import { recordKinds } from "./record-kinds.js";
import { createRecord, deleteRecord, updateRecord } from "./records.commands.js";
import { presentRecord, readRecord, readRecords, readResidence } from "./records.queries.js";
import {
  type CreateRecordInput,
  createRecordSchema,
  listRecordsQuery,
  recordKindsSchema,
  recordSchema,
  residenceSchema,
  updateRecordSchema,
} from "./records.schemas.js";

const tags = ["records"];
const personPolicy = policy.roles(...personDataRoles);

/** The record kinds as the web app's forms need them. */
function listRecordKinds() {
  return Object.entries(recordKinds).map(([kind, d]) => ({
    kind,
    category: d.category,
    label: d.label,
    codeLists: ("codeLists" in d ? d.codeLists : {}) as Record<string, string>,
  }));
}

export async function recordsRoutes(app: App) {
  const db = () => app.deps.database.db;

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
    async () => listRecordKinds(),
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
    async function listRecords(req) {
      const rows = await readRecords(db(), auditContext(req), actorOf(req), req.params.id, req.query);
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
    async function residenceOf(req) {
      const { current, history } = await readResidence(db(), auditContext(req), actorOf(req), req.params.id);
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
    async function addRecord(req, reply) {
      const input = req.body as CreateRecordInput;
      const created = await db().transaction((tx) =>
        createRecord(tx, auditContext(req), actorOf(req), req.params.id, input),
      );
      return reply.code(201).send(presentRecord(created));
    },
  );

  app.get(
    "/records/:id",
    {
      config: { policy: personPolicy },
      schema: { tags, summary: "Read a record", params: uuidParam, response: { 200: recordSchema } },
    },
    async function getRecord(req) {
      return presentRecord(await readRecord(db(), auditContext(req), actorOf(req), req.params.id));
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
    async function changeRecord(req) {
      const { version, ...change } = req.body;
      const expected = expectedVersion(req.headers["if-match"], version);
      const updated = await db().transaction((tx) =>
        updateRecord(tx, auditContext(req), actorOf(req), req.params.id, change, expected),
      );
      return presentRecord(updated);
    },
  );

  app.delete(
    "/records/:id",
    {
      config: { policy: personPolicy },
      schema: { tags, summary: "Delete a record your organisation owns (If-Match optional)", params: uuidParam },
    },
    async function removeRecord(req, reply) {
      const expected = expectedVersion(req.headers["if-match"], undefined);
      await db().transaction((tx) => deleteRecord(tx, auditContext(req), actorOf(req), req.params.id, expected));
      return reply.code(204).send();
    },
  );
}
