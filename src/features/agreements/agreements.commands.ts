// Concluding and changing cooperation agreements (the tenant admin), each with its audit row.
import { and, eq } from "drizzle-orm";
import { type AuditContext, audit, changeSet } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { updateVersioned } from "../../platform/db/versioned.js";
import { AppError } from "../../platform/http/errors.js";
import { assertServicesKnown } from "../organisations/organisations.queries.js";
import { type AgreementRow, agreementOrThrow, assertPartiesKnown, presentAgreement } from "./agreements.queries.js";
import { agreements } from "./agreements.tables.js";

export async function createAgreement(
  tx: Db,
  actor: Actor,
  ctx: AuditContext,
  values: {
    leadOrganisationId: string;
    partnerOrganisationId: string;
    services: string[];
    acknowledgeWithinDays: number;
    firstAppointmentWithinDays: number;
    validFrom: string;
    validUntil: string | null;
  },
): Promise<AgreementRow> {
  await assertServicesKnown(tx, values.services);
  await assertPartiesKnown(tx, actor, values.leadOrganisationId, values.partnerOrganisationId);
  const [inserted] = await tx
    .insert(agreements)
    .values({ tenantId: actor.tenantId, ...values, createdBy: actor.userId })
    .returning();
  if (!inserted) throw new AppError("internal");
  await audit(tx, ctx, {
    action: "agreement.created",
    subjectType: "agreement",
    subjectId: inserted.id,
    details: { after: presentAgreement(inserted) },
  });
  return inserted;
}

export async function updateAgreement(
  tx: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  expected: number | undefined,
  changes: {
    services?: string[] | undefined;
    acknowledgeWithinDays?: number | undefined;
    firstAppointmentWithinDays?: number | undefined;
    validUntil?: string | null | undefined;
  },
): Promise<AgreementRow> {
  const before = await agreementOrThrow(tx, actor, id);
  if (changes.validUntil && changes.validUntil < before.validFrom) {
    throw new AppError("validation-error", "The agreement would end before it starts", {
      errors: [{ path: "validUntil", message: `Must not lie before validFrom (${before.validFrom})` }],
    });
  }
  await assertServicesKnown(tx, changes.services);
  const updated = await updateVersioned(tx, agreements, {
    where: and(eq(agreements.tenantId, actor.tenantId), eq(agreements.id, before.id)),
    expected,
    current: before.version,
    set: { ...changes, updatedAt: new Date() },
    what: "agreement",
  });
  await audit(tx, ctx, {
    action: "agreement.updated",
    subjectType: "agreement",
    subjectId: updated.id,
    details: changeSet(before, changes),
  });
  return updated;
}
