// Reads of the tenant's legal bases.
import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { organisations } from "../../platform/identity/identity.tables.js";
import { today } from "../../platform/reference/partial-date.js";
import { legalBases } from "./legal-bases.tables.js";

export type LegalBasisRow = typeof legalBases.$inferSelect;

export function presentLegalBasis(b: LegalBasisRow) {
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
}

export async function listLegalBases(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(legalBases)
    .where(eq(legalBases.tenantId, actor.tenantId))
    .orderBy(asc(legalBases.createdAt));
  return { items: rows.map(presentLegalBasis), nextCursor: null };
}

export async function legalBasisOrThrow(db: Db, actor: Actor, id: string): Promise<LegalBasisRow> {
  const [row] = await db
    .select()
    .from(legalBases)
    .where(and(eq(legalBases.tenantId, actor.tenantId), eq(legalBases.id, id)));
  if (!row) throw notFound("Legal basis");
  return row;
}

export async function assertOrganisationKnown(db: Db, actor: Actor, organisationId: string) {
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, actor.tenantId), eq(organisations.id, organisationId)));
  if (!org)
    throw new AppError("validation-error", "Unknown organisation", {
      errors: [{ path: "organisationId", message: "No such organisation" }],
    });
}
