// Reads of cooperation agreements: the tenant admin sees all, everybody else those of its organisation.
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/http/errors.js";
import { organisations } from "../../platform/identity/identity.tables.js";
import { today } from "../../platform/reference/partial-date.js";
import { agreements } from "./agreements.tables.js";

export type AgreementRow = typeof agreements.$inferSelect;

export function presentAgreement(a: AgreementRow) {
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
}

/** The agreements the actor may see: all for the tenant admin, otherwise those its organisation is party to. */
const agreementScope = (actor: Actor) =>
  and(
    eq(agreements.tenantId, actor.tenantId),
    actor.role === "tenant_admin"
      ? undefined
      : or(
          eq(agreements.leadOrganisationId, actor.organisationId),
          eq(agreements.partnerOrganisationId, actor.organisationId),
        ),
  );

export async function listAgreements(db: Db, actor: Actor) {
  const rows = await db.select().from(agreements).where(agreementScope(actor)).orderBy(asc(agreements.createdAt));
  return { items: rows.map(presentAgreement), nextCursor: null };
}

export async function agreementOrThrow(db: Db, actor: Actor, id: string): Promise<AgreementRow> {
  const [row] = await db
    .select()
    .from(agreements)
    .where(and(agreementScope(actor), eq(agreements.id, id)));
  if (!row) throw new AppError("not-found", "No such agreement");
  return row;
}

/** Both parties are organisations of the tenant; a 400 names each unknown one by its field. */
export async function assertPartiesKnown(db: Db, actor: Actor, lead: string, partner: string) {
  const known = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, actor.tenantId), inArray(organisations.id, [lead, partner])));
  const errors = [
    ...(known.some((k) => k.id === lead) ? [] : [{ path: "leadOrganisationId", message: "No such organisation" }]),
    ...(known.some((k) => k.id === partner)
      ? []
      : [{ path: "partnerOrganisationId", message: "No such organisation" }]),
  ];
  if (errors.length > 0) throw new AppError("validation-error", "Unknown organisation", { errors });
}
