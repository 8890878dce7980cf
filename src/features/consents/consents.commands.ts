// Writing consents: recording one (with its proof document) and revoking it, each with its audit
// row in the caller's transaction. Only those who manage the person's consents do either: the
// lead organisation's case management, or the registering organisation while there is no lead.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { personAccessOrThrow } from "../../platform/access/person-access.js";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/http/errors.js";
import { organisations } from "../../platform/identity/identity.tables.js";
import { isDocumentOfPerson } from "../documents/documents.queries.js";
import { consentForms } from "./consent-forms.js";
import { type ConsentRow, consentOrThrow, consentStatus, presentConsent } from "./consents.queries.js";
import type { createConsentSchema } from "./consents.schemas.js";
import { consents } from "./consents.tables.js";

export type NewConsent = z.output<typeof createConsentSchema>;

export async function recordConsent(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  body: NewConsent,
): Promise<ConsentRow> {
  const access = await personAccessOrThrow(tx, actor, personId);
  if (!access.canManageConsents)
    throw new AppError("forbidden", "Only the lead organisation's case management records consents");
  await assertRecipientsKnown(tx, actor, body.recipientOrganisationIds);
  if (body.proofDocumentId && !(await isDocumentOfPerson(tx, actor, personId, body.proofDocumentId)))
    throw new AppError("validation-error", "Unknown proof document", {
      errors: [{ path: "proofDocumentId", message: "Not a document of this person" }],
    });
  const [row] = await tx
    .insert(consents)
    .values({
      tenantId: actor.tenantId,
      personId,
      recipientOrganisationIds: [...new Set(body.recipientOrganisationIds)],
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
  await audit(tx, ctx, {
    action: "consent.recorded",
    subjectType: "consent",
    subjectId: row.id,
    personId: row.personId,
    categories: row.categories,
    purpose: row.purpose,
    details: { after: presentConsent(row) },
  });
  return row;
}

/** Every recipient must be an organisation of the tenant; errors name the entry of the request's list. */
async function assertRecipientsKnown(tx: Db, actor: Actor, ids: string[]) {
  const recipients = [...new Set(ids)];
  if (recipients.length === 0) return;
  const known = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, actor.tenantId), inArray(organisations.id, recipients)));
  // Paths index the request's list, not the de-duplicated one.
  const errors = ids
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !known.some((k) => k.id === id))
    .map(({ i }) => ({ path: `recipientOrganisationIds.${i}`, message: "No such organisation" }));
  if (errors.length > 0) throw new AppError("validation-error", "Unknown recipient organisation", { errors });
}

/**
 * Revokes a consent; it takes effect with the next request (the access rule has no cache). The
 * update is conditional on the consent being unrevoked, so of two revocations one answers 409.
 */
export async function revokeConsent(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  reason: string | undefined,
): Promise<ConsentRow> {
  const { row, access } = await consentOrThrow(tx, actor, id);
  if (!access.canManageConsents)
    throw new AppError("forbidden", "Only the lead organisation's case management revokes consents");
  const [updated] = await tx
    .update(consents)
    .set({
      revokedAt: new Date(),
      revokedBy: actor.userId,
      revocationReason: reason ?? null,
      version: sql`${consents.version} + 1`,
    })
    .where(and(eq(consents.tenantId, actor.tenantId), eq(consents.id, row.id), sql`${consents.revokedAt} is null`))
    .returning();
  if (!updated) throw new AppError("conflict", "The consent is already revoked");
  await audit(tx, ctx, {
    action: "consent.revoked",
    subjectType: "consent",
    subjectId: row.id,
    personId: row.personId,
    categories: row.categories,
    details: {
      before: { status: consentStatus(row) },
      after: { status: "revoked", reason: reason ?? null },
    },
  });
  return updated;
}
