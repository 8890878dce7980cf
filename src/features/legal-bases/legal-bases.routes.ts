// Legal bases: the tenant admin lets an organisation see categories without consent, citing the law.
import { z } from "zod";
import { categories } from "../../platform/domain-categories.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { fullDate } from "../../platform/reference/partial-date.js";
import { createLegalBasis, revokeLegalBasis } from "./legal-bases.commands.js";
import { listLegalBases, presentLegalBasis } from "./legal-bases.queries.js";

const tags = ["legal bases"];

const createSchema = z
  .strictObject({
    organisationId: z.uuid(),
    categories: z.array(z.enum(categories)).min(1),
    citation: z.string().trim().min(3).max(300),
    description: z.string().trim().max(2000).nullish(),
    validFrom: fullDate,
    validUntil: fullDate.nullish(),
  })
  .refine((b) => !b.validUntil || b.validUntil >= b.validFrom, {
    message: "Must not lie before validFrom",
    path: ["validUntil"],
  });

const legalBasisSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    categories: z.array(z.enum(categories)),
    citation: z.string(),
    description: z.string().nullable(),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    active: z.boolean(),
    revokedAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: "LegalBasis" });

export async function legalBasesRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.get(
    "/legal-bases",
    {
      config: { policy: policy.roles("tenant_admin", "dpo") },
      schema: { tags, summary: "The tenant's legal bases", response: { 200: listResponse(legalBasisSchema) } },
    },
    async (req) => listLegalBases(db(), actorOf(req)),
  );

  app.post(
    "/legal-bases",
    {
      config: { policy: policy.roles("tenant_admin") },
      schema: {
        tags,
        summary: "Define a legal basis (organisation, categories, citation, validity)",
        body: createSchema,
        response: { 201: legalBasisSchema },
      },
    },
    async (req, reply) => {
      const row = await db().transaction((tx) => createLegalBasis(tx, actorOf(req), auditContext(req), req.body));
      return reply.code(201).send(presentLegalBasis(row));
    },
  );

  app.post(
    "/legal-bases/:id/revoke",
    {
      config: { policy: policy.roles("tenant_admin") },
      schema: {
        tags,
        summary: "End a legal basis at once",
        params: uuidParam,
        body: z.strictObject({}).optional(),
        response: { 200: legalBasisSchema },
      },
    },
    async (req) =>
      presentLegalBasis(
        await db().transaction((tx) => revokeLegalBasis(tx, actorOf(req), auditContext(req), req.params.id)),
      ),
  );
}
