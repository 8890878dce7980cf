// Consents of a person: record (with the proof attached), list, read, revoke; the consent form texts.
import { z } from "zod";
import { personDataRoles } from "../../platform/access/person-access.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { consentFormLanguages, consentForms } from "./consent-forms.js";
import { recordConsent, revokeConsent } from "./consents.commands.js";
import { presentConsent, readConsent, readConsents } from "./consents.queries.js";
import { consentSchema, createConsentSchema, revokeConsentSchema } from "./consents.schemas.js";

const tags = ["consents"];
const personPolicy = policy.roles(...personDataRoles);

export async function consentsRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.get(
    "/persons/:id/consents",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "The person's consents (all for the lead organisation; otherwise those that reach your organisation)",
        params: uuidParam,
        response: { 200: listResponse(consentSchema) },
      },
    },
    async function listConsents(req) {
      const rows = await readConsents(db(), auditContext(req), actorOf(req), req.params.id);
      return { items: rows.map(presentConsent), nextCursor: null };
    },
  );

  app.post(
    "/persons/:id/consents",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary:
          "Record a consent (lead organisation's case managers, or the registering organisation while there is no lead)",
        params: uuidParam,
        body: createConsentSchema,
        response: { 201: consentSchema },
      },
    },
    async function addConsent(req, reply) {
      const created = await db().transaction((tx) =>
        recordConsent(tx, auditContext(req), actorOf(req), req.params.id, req.body),
      );
      return reply.code(201).send(presentConsent(created));
    },
  );

  app.get(
    "/consents/:id",
    {
      config: { policy: personPolicy },
      schema: { tags, summary: "Read a consent", params: uuidParam, response: { 200: consentSchema } },
    },
    async function getConsent(req) {
      return presentConsent(await readConsent(db(), auditContext(req), actorOf(req), req.params.id));
    },
  );

  app.post(
    "/consents/:id/revoke",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Revoke a consent; takes effect with the next request",
        params: uuidParam,
        body: revokeConsentSchema,
        response: { 200: consentSchema },
      },
    },
    async function revoke(req) {
      const revoked = await db().transaction((tx) =>
        revokeConsent(tx, auditContext(req), actorOf(req), req.params.id, req.body.reason),
      );
      return presentConsent(revoked);
    },
  );

  app.get(
    "/consent-forms/:language",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "The consent form text in a language (versioned; drafts that need legal review)",
        params: z.strictObject({ language: z.enum(consentFormLanguages) }),
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (req) => consentForms[req.params.language],
  );
}
