// Legal bases: the tenant admin lets an organisation see categories without consent, citing the law.
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../platform/audit/audit.js";
import { categories } from "../../platform/domain-categories.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { organisations } from "../../platform/identity/identity.tables.js";
import { fullDate, today } from "../../platform/reference/partial-date.js";
import { legalBases } from "./legal-bases.tables.js";

const tags = ["legal bases"];
type Row = typeof legalBases.$inferSelect;

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

const present = (b: Row) => {
  const on = today();
  return {
    id: b.id,
    organisationId: b.organisationId,
    categories: b.categories,
    citation: b.citation,
    description: b.description,
    validFrom: b.validFrom,
    validUntil: b.validUntil,
    active: !b.revokedAt && b.validFrom <= on && (!b.validUntil || b.validUntil >= on),
    revokedAt: b.revokedAt,
    createdAt: b.createdAt,
  };
};

export async function legalBasesRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.get(
    "/legal-bases",
    {
      config: { policy: policy.roles("tenant_admin", "dpo") },
      schema: { tags, summary: "The tenant's legal bases", response: { 200: listResponse(legalBasisSchema) } },
    },
    async (req) => {
      const actor = actorOf(req);
      const rows = await db()
        .select()
        .from(legalBases)
        .where(eq(legalBases.tenantId, actor.tenantId))
        .orderBy(asc(legalBases.createdAt));
      return { items: rows.map(present), nextCursor: null };
    },
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
      const actor = actorOf(req);
      const row = await db().transaction(async (tx) => {
        const [org] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(eq(organisations.tenantId, actor.tenantId), eq(organisations.id, req.body.organisationId)));
        if (!org)
          throw new AppError("validation-error", "Unknown organisation", {
            errors: [{ path: "organisationId", message: "No such organisation" }],
          });
        const [inserted] = await tx
          .insert(legalBases)
          .values({
            tenantId: actor.tenantId,
            ...req.body,
            categories: [...new Set(req.body.categories)],
            description: req.body.description ?? null,
            validUntil: req.body.validUntil ?? null,
            createdBy: actor.userId,
          })
          .returning();
        if (!inserted) throw new AppError("internal");
        await audit(tx, auditContext(req), {
          action: "legal_basis.created",
          subjectType: "legal_basis",
          subjectId: inserted.id,
          categories: inserted.categories,
          details: { after: present(inserted) },
        });
        return inserted;
      });
      return reply.code(201).send(present(row));
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
    async (req) => {
      const actor = actorOf(req);
      return db().transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(legalBases)
          .where(and(eq(legalBases.tenantId, actor.tenantId), eq(legalBases.id, req.params.id)));
        if (!existing) throw new AppError("not-found", "Legal basis not found");
        const [updated] = await tx
          .update(legalBases)
          .set({ revokedAt: new Date(), version: sql`${legalBases.version} + 1` })
          .where(
            and(
              eq(legalBases.tenantId, actor.tenantId),
              eq(legalBases.id, existing.id),
              sql`${legalBases.revokedAt} is null`,
            ),
          )
          .returning();
        if (!updated) throw new AppError("conflict", "The legal basis is already revoked");
        await audit(tx, auditContext(req), {
          action: "legal_basis.revoked",
          subjectType: "legal_basis",
          subjectId: existing.id,
          categories: existing.categories,
        });
        return present(updated);
      });
    },
  );
}
