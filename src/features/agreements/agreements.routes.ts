// Cooperation agreements between the lead organisation and its partners.
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { audit, changeSet } from "../../platform/audit/audit.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam, versionNumber } from "../../platform/http/schemas.js";
import { organisations } from "../../platform/identity/identity.tables.js";
import { fullDate, today } from "../../platform/reference/partial-date.js";
import { assertServicesKnown } from "../organisations/organisations.queries.js";
import { agreements } from "./agreements.tables.js";

const tags = ["agreements"];
type Row = typeof agreements.$inferSelect;

/** Codes of the code list `service`; empty: every service of the partner. */
const services = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{1,60}$/, "Must be a code of the code list service"),
  )
  .max(30)
  .refine((a) => new Set(a).size === a.length, "Each service only once");

const createSchema = z
  .strictObject({
    /** Defaults to the tenant admin's own organisation. */
    leadOrganisationId: z.uuid().optional(),
    partnerOrganisationId: z.uuid(),
    services: services.default([]),
    acknowledgeWithinDays: z.number().int().min(0).max(60),
    firstAppointmentWithinDays: z.number().int().min(0).max(120),
    validFrom: fullDate.optional(),
    validUntil: fullDate.nullish(),
  })
  .refine((a) => !a.validUntil || !a.validFrom || a.validUntil >= a.validFrom, {
    message: "Must not lie before validFrom",
    path: ["validUntil"],
  });

const agreementSchema = z
  .object({
    id: z.uuid(),
    leadOrganisationId: z.uuid(),
    partnerOrganisationId: z.uuid(),
    services: z.array(z.string()),
    acknowledgeWithinDays: z.number().int(),
    firstAppointmentWithinDays: z.number().int(),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: "Agreement" });

const updateSchema = z
  .strictObject({
    services: services.optional(),
    acknowledgeWithinDays: z.number().int().min(0).max(60).optional(),
    firstAppointmentWithinDays: z.number().int().min(0).max(120).optional(),
    /** null: open-ended. */
    validUntil: fullDate.nullish(),
    version: versionNumber.optional(),
  })
  .meta({ id: "AgreementUpdate" });

const present = (a: Row) => {
  const on = today();
  return {
    id: a.id,
    leadOrganisationId: a.leadOrganisationId,
    partnerOrganisationId: a.partnerOrganisationId,
    services: a.services,
    acknowledgeWithinDays: a.acknowledgeWithinDays,
    firstAppointmentWithinDays: a.firstAppointmentWithinDays,
    validFrom: a.validFrom,
    validUntil: a.validUntil,
    active: a.validFrom <= on && (!a.validUntil || a.validUntil >= on),
    version: a.version,
    createdAt: a.createdAt,
  };
};

export async function agreementsRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.get(
    "/agreements",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "Cooperation agreements (all for the tenant admin; otherwise those of your organisation)",
        response: { 200: listResponse(agreementSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const mine = or(
        eq(agreements.leadOrganisationId, actor.organisationId),
        eq(agreements.partnerOrganisationId, actor.organisationId),
      );
      const rows = await db()
        .select()
        .from(agreements)
        .where(and(eq(agreements.tenantId, actor.tenantId), actor.role === "tenant_admin" ? undefined : mine))
        .orderBy(asc(agreements.createdAt));
      return { items: rows.map(present), nextCursor: null };
    },
  );

  app.post(
    "/agreements",
    {
      config: { policy: policy.roles("tenant_admin") },
      schema: {
        tags,
        summary: "Conclude a cooperation agreement with a partner organisation",
        body: createSchema,
        response: { 201: agreementSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const lead = req.body.leadOrganisationId ?? actor.organisationId;
      const { partnerOrganisationId } = req.body;
      const validFrom = req.body.validFrom ?? today();
      // Checked here too: validFrom defaults to today, after the schema's check.
      if (req.body.validUntil && req.body.validUntil < validFrom) {
        throw new AppError("validation-error", "The agreement would end before it starts", {
          errors: [{ path: "validUntil", message: `Must not lie before validFrom (${validFrom})` }],
        });
      }
      if (lead === partnerOrganisationId) {
        throw new AppError("validation-error", "The partner must be another organisation", {
          errors: [{ path: "partnerOrganisationId", message: "Must differ from the lead organisation" }],
        });
      }
      const row = await db().transaction(async (tx) => {
        await assertServicesKnown(tx, req.body.services);
        const known = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(
            and(eq(organisations.tenantId, actor.tenantId), inArray(organisations.id, [lead, partnerOrganisationId])),
          );
        const errors = [
          ...(known.some((k) => k.id === lead)
            ? []
            : [{ path: "leadOrganisationId", message: "No such organisation" }]),
          ...(known.some((k) => k.id === partnerOrganisationId)
            ? []
            : [{ path: "partnerOrganisationId", message: "No such organisation" }]),
        ];
        if (errors.length > 0) throw new AppError("validation-error", "Unknown organisation", { errors });
        const [inserted] = await tx
          .insert(agreements)
          .values({
            tenantId: actor.tenantId,
            leadOrganisationId: lead,
            partnerOrganisationId,
            services: req.body.services,
            acknowledgeWithinDays: req.body.acknowledgeWithinDays,
            firstAppointmentWithinDays: req.body.firstAppointmentWithinDays,
            validFrom,
            validUntil: req.body.validUntil ?? null,
            createdBy: actor.userId,
          })
          .returning();
        if (!inserted) throw new AppError("internal");
        await audit(tx, auditContext(req), {
          action: "agreement.created",
          subjectType: "agreement",
          subjectId: inserted.id,
          details: { after: present(inserted) },
        });
        return inserted;
      });
      return reply.code(201).send(present(row));
    },
  );
  app.patch(
    "/agreements/:id",
    {
      config: { policy: policy.roles("tenant_admin") },
      schema: {
        tags,
        summary:
          "Change an agreement's services, deadlines or end of validity (If-Match or version for optimistic concurrency)",
        params: uuidParam,
        body: updateSchema,
        response: { 200: agreementSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { version, ...changes } = req.body;
      const expected = expectedVersion(req.headers["if-match"], version);
      const row = await db().transaction(async (tx) => {
        const where = and(eq(agreements.tenantId, actor.tenantId), eq(agreements.id, req.params.id));
        const [before] = await tx.select().from(agreements).where(where);
        if (!before) throw new AppError("not-found", "No such agreement");
        if (changes.validUntil && changes.validUntil < before.validFrom) {
          throw new AppError("validation-error", "The agreement would end before it starts", {
            errors: [{ path: "validUntil", message: `Must not lie before validFrom (${before.validFrom})` }],
          });
        }
        await assertServicesKnown(tx, changes.services);
        const [updated] = await tx
          .update(agreements)
          .set({ ...changes, version: sql`${agreements.version} + 1`, updatedAt: new Date() })
          .where(and(where, expected === undefined ? undefined : eq(agreements.version, expected)))
          .returning();
        if (!updated)
          throw new AppError("version-conflict", `Agreement is at version ${before.version}`, {
            currentVersion: before.version,
          });
        await audit(tx, auditContext(req), {
          action: "agreement.updated",
          subjectType: "agreement",
          subjectId: updated.id,
          details: changeSet(before, changes),
        });
        return updated;
      });
      return present(row);
    },
  );
}
