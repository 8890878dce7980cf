// Defining and revoking legal bases (the tenant admin), each with its audit row.
import { and, eq, sql } from "drizzle-orm";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import type { Category } from "../../platform/domain-categories.js";
import { AppError } from "../../platform/http/errors.js";
import {
  assertOrganisationKnown,
  type LegalBasisRow,
  legalBasisOrThrow,
  presentLegalBasis,
} from "./legal-bases.queries.js";
import { legalBases } from "./legal-bases.tables.js";

export async function createLegalBasis(
  tx: Db,
  actor: Actor,
  ctx: AuditContext,
  values: {
    organisationId: string;
    categories: Category[];
    citation: string;
    description?: string | null | undefined;
    validFrom: string;
    validUntil?: string | null | undefined;
  },
): Promise<LegalBasisRow> {
  await assertOrganisationKnown(tx, actor, values.organisationId);
  const [inserted] = await tx
    .insert(legalBases)
    .values({
      tenantId: actor.tenantId,
      ...values,
      categories: [...new Set(values.categories)],
      description: values.description ?? null,
      validUntil: values.validUntil ?? null,
      createdBy: actor.userId,
    })
    .returning();
  if (!inserted) throw new AppError("internal");
  await audit(tx, ctx, {
    action: "legal_basis.created",
    subjectType: "legal_basis",
    subjectId: inserted.id,
    categories: inserted.categories,
    details: { after: presentLegalBasis(inserted) },
  });
  return inserted;
}

/** Ends a legal basis at once; a second revocation is a 409. */
export async function revokeLegalBasis(tx: Db, actor: Actor, ctx: AuditContext, id: string): Promise<LegalBasisRow> {
  const existing = await legalBasisOrThrow(tx, actor, id);
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
  await audit(tx, ctx, {
    action: "legal_basis.revoked",
    subjectType: "legal_basis",
    subjectId: existing.id,
    categories: existing.categories,
  });
  return updated;
}
