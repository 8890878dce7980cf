// Cooperation agreements between the lead organisation and its partners.
import { z } from "zod";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam, versionNumber } from "../../platform/http/schemas.js";
import { fullDate, today } from "../../platform/reference/partial-date.js";
import { createAgreement, updateAgreement } from "./agreements.commands.js";
import { listAgreements, presentAgreement } from "./agreements.queries.js";

const tags = ["agreements"];

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
    async (req) => listAgreements(db(), actorOf(req)),
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
      const row = await db().transaction((tx) =>
        createAgreement(tx, actor, auditContext(req), {
          leadOrganisationId: lead,
          partnerOrganisationId,
          services: req.body.services,
          acknowledgeWithinDays: req.body.acknowledgeWithinDays,
          firstAppointmentWithinDays: req.body.firstAppointmentWithinDays,
          validFrom,
          validUntil: req.body.validUntil ?? null,
        }),
      );
      return reply.code(201).send(presentAgreement(row));
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
      const row = await db().transaction((tx) =>
        updateAgreement(tx, actor, auditContext(req), req.params.id, expected, changes),
      );
      return presentAgreement(row);
    },
  );
}
