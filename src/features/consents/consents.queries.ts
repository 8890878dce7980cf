// Reading consents: what they present as, the scoped loader and the audited reads. The lead
// organisation (and whoever manages the person's consents) sees every consent of the person,
// another organisation only those that reach it.
import { and, desc, eq, inArray } from "drizzle-orm";
import { type PersonAccess, personAccessOrThrow, personItemOrThrow } from "../../platform/access/person-access.js";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/http/errors.js";
import { today } from "../../platform/reference/partial-date.js";
import { consents } from "./consents.tables.js";

export type ConsentRow = typeof consents.$inferSelect;

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

const canSeeConsent = (access: PersonAccess, id: string) => access.canReadAllConsents || access.consentIds.includes(id);

/** A consent the actor may see, with the person's access; 404 for one it may not see, as for none. */
export async function consentOrThrow(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ row: ConsentRow; access: PersonAccess }> {
  const [found] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.tenantId, actor.tenantId), eq(consents.id, id)));
  const { row, access } = await personItemOrThrow(db, actor, found, "Consent not found");
  if (!canSeeConsent(access, row.id)) throw new AppError("not-found", "Consent not found");
  return { row, access };
}

/** The person's consents the actor may see, newest first; one `consent.read` row each. */
export async function readConsents(db: Db, ctx: AuditContext, actor: Actor, personId: string): Promise<ConsentRow[]> {
  const access = await personAccessOrThrow(db, actor, personId);
  if (!access.canReadAllConsents && access.consentIds.length === 0) return [];
  const rows = await db
    .select()
    .from(consents)
    .where(
      and(
        eq(consents.tenantId, actor.tenantId),
        eq(consents.personId, personId),
        access.canReadAllConsents ? undefined : inArray(consents.id, access.consentIds),
      ),
    )
    .orderBy(desc(consents.createdAt));
  await audit(
    db,
    ctx,
    ...rows.map((c) => ({
      action: "consent.read" as const,
      subjectType: "consent",
      subjectId: c.id,
      personId: c.personId,
      categories: c.categories,
    })),
  );
  return rows;
}

/** GET /consents/{id}: one consent, its read audited. */
export async function readConsent(db: Db, ctx: AuditContext, actor: Actor, id: string): Promise<ConsentRow> {
  const { row } = await consentOrThrow(db, actor, id);
  await audit(db, ctx, {
    action: "consent.read",
    subjectType: "consent",
    subjectId: row.id,
    personId: row.personId,
    categories: row.categories,
  });
  return row;
}
