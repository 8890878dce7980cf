// Consents of a person: record (with the proof attached), list, read, revoke; the consent form texts.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { personAccessOrThrow, personDataRoles } from "../../platform/access/person-access.js";
import { audit } from "../../platform/audit/audit.js";
import type { Db } from "../../platform/db/client.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { organisations } from "../../platform/identity/identity.tables.js";
import { today } from "../../platform/reference/partial-date.js";
import { documents } from "../documents/documents.tables.js";
import { consentFormLanguages, consentForms } from "./consent-forms.js";
import { consentSchema, createConsentSchema, revokeConsentSchema } from "./consents.schemas.js";
import { consents } from "./consents.tables.js";

const tags = ["consents"];
const personPolicy = policy.roles(...personDataRoles);
type ConsentRow = typeof consents.$inferSelect;

export function consentStatus(c: ConsentRow, on = today()): "active" | "pending" | "expired" | "revoked" {
  if (c.revokedAt) return "revoked";
  if (c.validFrom > on) return "pending";
  if (c.validUntil && c.validUntil < on) return "expired";
  return "active";
}

export const presentConsent = (c: ConsentRow) => ({
  id: c.id,
  personId: c.personId,
  recipientOrganisationIds: c.recipientOrganisationIds,
  allPartners: c.allPartners,
  caseManagement: c.caseManagement,
  categories: c.categories,
  purpose: c.purpose,
  validFrom: c.validFrom,
  validUntil: c.validUntil,
  method: c.method,
  language: c.language,
  formVersion: c.formVersion,
  proofDocumentId: c.proofDocumentId,
  recordedByOrganisationId: c.recordedByOrganisationId,
  status: consentStatus(c),
  revokedAt: c.revokedAt,
  revocationReason: c.revocationReason,
  version: c.version,
  createdAt: c.createdAt,
});

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
    async (req) => {
      const actor = actorOf(req);
      const access = await personAccessOrThrow(db(), actor, req.params.id);
      if (!access.canReadAllConsents && access.consentIds.length === 0) return { items: [], nextCursor: null };
      const rows = await db()
        .select()
        .from(consents)
        .where(
          and(
            eq(consents.tenantId, actor.tenantId),
            eq(consents.personId, req.params.id),
            access.canReadAllConsents ? undefined : inArray(consents.id, access.consentIds),
          ),
        )
        .orderBy(desc(consents.createdAt));
      await audit(
        db(),
        auditContext(req),
        ...rows.map((c) => ({
          action: "consent.read" as const,
          subjectType: "consent",
          subjectId: c.id,
          personId: c.personId,
          categories: c.categories,
        })),
      );
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
    async (req, reply) => {
      const actor = actorOf(req);
      const body = req.body;
      const created = await db().transaction(async (tx) => {
        const access = await personAccessOrThrow(tx, actor, req.params.id);
        if (!access.canManageConsents)
          throw new AppError("forbidden", "Only the lead organisation's case management records consents");
        const recipients = [...new Set(body.recipientOrganisationIds)];
        if (recipients.length > 0) {
          const known = await tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(and(eq(organisations.tenantId, actor.tenantId), inArray(organisations.id, recipients)));
          // Paths index the request's list, not the de-duplicated one.
          const errors = body.recipientOrganisationIds
            .map((id, i) => ({ id, i }))
            .filter(({ id }) => !known.some((k) => k.id === id))
            .map(({ i }) => ({ path: `recipientOrganisationIds.${i}`, message: "No such organisation" }));
          if (errors.length > 0) throw new AppError("validation-error", "Unknown recipient organisation", { errors });
        }
        if (body.proofDocumentId) {
          const [doc] = await tx
            .select({ id: documents.id })
            .from(documents)
            .where(
              and(
                eq(documents.tenantId, actor.tenantId),
                eq(documents.id, body.proofDocumentId),
                eq(documents.personId, req.params.id),
              ),
            );
          if (!doc)
            throw new AppError("validation-error", "Unknown proof document", {
              errors: [{ path: "proofDocumentId", message: "Not a document of this person" }],
            });
        }
        const [row] = await tx
          .insert(consents)
          .values({
            tenantId: actor.tenantId,
            personId: req.params.id,
            recipientOrganisationIds: recipients,
            allPartners: body.allPartners,
            caseManagement: body.caseManagement,
            categories: [...new Set(body.categories)],
            purpose: body.purpose,
            validFrom: body.validFrom,
            validUntil: body.validUntil ?? null,
            method: body.method,
            language: body.language,
            formVersion: body.formVersion ?? consentForms[body.language].version,
            proofDocumentId: body.proofDocumentId ?? null,
            recordedByOrganisationId: actor.organisationId,
            recordedBy: actor.userId,
          })
          .returning();
        if (!row) throw new AppError("internal");
        await audit(tx, auditContext(req), {
          action: "consent.recorded",
          subjectType: "consent",
          subjectId: row.id,
          personId: row.personId,
          categories: row.categories,
          purpose: row.purpose,
          details: { after: presentConsent(row) },
        });
        return row;
      });
      return reply.code(201).send(presentConsent(created));
    },
  );

  const loadVisible = async (req: Parameters<typeof actorOf>[0], id: string, dbx: Db = db()) => {
    const actor = actorOf(req);
    const [row] = await dbx
      .select()
      .from(consents)
      .where(and(eq(consents.tenantId, actor.tenantId), eq(consents.id, id)));
    if (!row) throw new AppError("not-found", "Consent not found");
    const access = await personAccessOrThrow(dbx, actor, row.personId).catch(() => {
      throw new AppError("not-found", "Consent not found");
    });
    if (!access.canReadAllConsents && !access.consentIds.includes(row.id))
      throw new AppError("not-found", "Consent not found");
    return { row, access };
  };

  app.get(
    "/consents/:id",
    {
      config: { policy: personPolicy },
      schema: { tags, summary: "Read a consent", params: uuidParam, response: { 200: consentSchema } },
    },
    async (req) => {
      const { row } = await loadVisible(req, req.params.id);
      await audit(db(), auditContext(req), {
        action: "consent.read",
        subjectType: "consent",
        subjectId: row.id,
        personId: row.personId,
        categories: row.categories,
      });
      return presentConsent(row);
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
    async (req) => {
      const actor = actorOf(req);
      return db().transaction(async (tx) => {
        const { row, access } = await loadVisible(req, req.params.id, tx);
        if (!access.canManageConsents)
          throw new AppError("forbidden", "Only the lead organisation's case management revokes consents");
        const [updated] = await tx
          .update(consents)
          .set({
            revokedAt: new Date(),
            revokedBy: actor.userId,
            revocationReason: req.body.reason ?? null,
            version: sql`${consents.version} + 1`,
          })
          .where(
            and(eq(consents.tenantId, actor.tenantId), eq(consents.id, row.id), sql`${consents.revokedAt} is null`),
          )
          .returning();
        if (!updated) throw new AppError("conflict", "The consent is already revoked");
        await audit(tx, auditContext(req), {
          action: "consent.revoked",
          subjectType: "consent",
          subjectId: row.id,
          personId: row.personId,
          categories: row.categories,
          details: {
            before: { status: consentStatus(row) },
            after: { status: "revoked", reason: req.body.reason ?? null },
          },
        });
        return presentConsent(updated);
      });
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
