// Writing records: create, change and delete, each in the caller's transaction together with its
// audit row. Only the organisation that created a record changes or deletes it.
import { and, eq } from "drizzle-orm";
import { assertCanWriteCategory, personAccessOrThrow } from "../../platform/access/person-access.js";
import { type AuditContext, audit, changeSet } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { updateVersioned } from "../../platform/db/versioned.js";
import { protectedProvenanceTypes } from "../../platform/domain.js";
import { AppError, validation } from "../../platform/http/errors.js";
import { zodFieldErrors } from "../../platform/http/validation.js";
import { orderedDates } from "../../platform/reference/partial-date.js";
import { kindDefinition } from "./record-kinds.js";
import { assertCodesKnown, assertProviderKnown, type RecordRow, recordOrThrow } from "./records.queries.js";
import type { CreateRecordInput } from "./records.schemas.js";
import { records } from "./records.tables.js";

export type RecordChange = {
  data?: Record<string, unknown> | undefined;
  validFrom?: string | null | undefined;
  validUntil?: string | null | undefined;
};

/** A new record of the actor's organisation (it owns it); protected when that organisation is of a protected type. */
export async function createRecord(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  input: CreateRecordInput,
): Promise<RecordRow> {
  const def = kindDefinition(input.kind);
  if (!def)
    throw new AppError("validation-error", "Unknown kind", {
      errors: [{ path: "kind", message: "Unknown record kind" }],
    });
  // The body's own faults answer 400 before the person is looked at.
  assertValidity(input.validFrom, input.validUntil);
  assertDataDates(input.kind, input.data);
  const access = await personAccessOrThrow(tx, actor, personId);
  assertCanWriteCategory(access, def.category);
  await assertCodesKnown(tx, input.kind, input.data);
  await assertProviderKnown(tx, actor.tenantId, input.data);
  const [row] = await tx
    .insert(records)
    .values({
      tenantId: actor.tenantId,
      personId,
      kind: input.kind,
      category: def.category,
      data: input.data,
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
      ownerOrganisationId: actor.organisationId,
      protected: protectedProvenanceTypes.includes(actor.organisationType),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning();
  if (!row) throw new AppError("internal");
  await audit(tx, ctx, {
    action: "record.created",
    subjectType: "record",
    subjectId: row.id,
    personId: row.personId,
    categories: [row.category],
    grounds: [{ type: "ownership" }],
    details: { after: { kind: row.kind, data: row.data, validFrom: row.validFrom, validUntil: row.validUntil } },
  });
  return row;
}

/** Changes data and validity of a record the actor's organisation owns, against the version the client read. */
export async function updateRecord(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  change: RecordChange,
  expected: number | undefined,
): Promise<RecordRow> {
  const { row } = await recordOrThrow(tx, actor, id);
  assertOwnedBy(actor, row, "Only the organisation that created a record changes it");
  const data = change.data === undefined ? row.data : await checkedData(tx, actor, row.kind, change.data);
  const validFrom = change.validFrom === undefined ? row.validFrom : change.validFrom;
  const validUntil = change.validUntil === undefined ? row.validUntil : change.validUntil;
  assertValidity(validFrom, validUntil);
  const updated = await updateVersioned(tx, records, {
    where: and(eq(records.tenantId, actor.tenantId), eq(records.id, row.id)),
    expected,
    current: row.version,
    set: { data, validFrom, validUntil, updatedBy: actor.userId, updatedAt: new Date() },
    what: "record",
  });
  await audit(tx, ctx, {
    action: "record.updated",
    subjectType: "record",
    subjectId: row.id,
    personId: row.personId,
    categories: [row.category],
    grounds: [{ type: "ownership" }],
    details: changeSet(row as unknown as Record<string, unknown>, { data, validFrom, validUntil }),
  });
  return updated;
}

/**
 * Deletes a record the actor's organisation owns. Like a versioned update, the delete is
 * conditional on the version the client names, else on the one read here: a change in between
 * answers 409 rather than deleting what nobody saw.
 */
export async function deleteRecord(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  expected: number | undefined,
): Promise<void> {
  const { row } = await recordOrThrow(tx, actor, id);
  assertOwnedBy(actor, row, "Only the organisation that created a record deletes it");
  const deleted = await tx
    .delete(records)
    .where(
      and(eq(records.tenantId, actor.tenantId), eq(records.id, row.id), eq(records.version, expected ?? row.version)),
    )
    .returning({ id: records.id });
  if (deleted.length === 0)
    throw new AppError(
      "version-conflict",
      expected === undefined || expected === row.version
        ? "The record was changed at the same time"
        : `The record is at version ${row.version}`,
      { currentVersion: row.version },
    );
  await audit(tx, ctx, {
    action: "record.deleted",
    subjectType: "record",
    subjectId: row.id,
    personId: row.personId,
    categories: [row.category],
    grounds: [{ type: "ownership" }],
    details: { before: { kind: row.kind, data: row.data, validFrom: row.validFrom, validUntil: row.validUntil } },
  });
}

function assertOwnedBy(actor: Actor, row: RecordRow, message: string) {
  if (row.ownerOrganisationId !== actor.organisationId) throw new AppError("forbidden", message);
}

/** New data for a record: valid for its kind (errors name `data.…`), dates in order, codes and provider known. */
async function checkedData(tx: Db, actor: Actor, kind: string, raw: Record<string, unknown>) {
  const def = kindDefinition(kind);
  if (!def) throw new AppError("internal");
  const parsed = def.schema.safeParse(raw);
  if (!parsed.success) throw validation(zodFieldErrors(parsed.error, "data"));
  const data = parsed.data as Record<string, unknown>;
  assertDataDates(kind, data);
  await assertCodesKnown(tx, kind, data);
  await assertProviderKnown(tx, actor.tenantId, data);
  return data;
}

function assertValidity(from: string | null | undefined, until: string | null | undefined) {
  if (!orderedDates(from, until)) {
    throw new AppError("validation-error", "validUntil lies before validFrom", {
      errors: [{ path: "validUntil", message: "Must not lie before validFrom" }],
    });
  }
}

/** Dates inside record data that must be in order. */
function assertDataDates(kind: string, data: Record<string, unknown>) {
  const pairs: [string, string][] =
    kind === "benefit"
      ? [["from", "to"]]
      : kind === "course_enrollment"
        ? [["startOn", "endOn"]]
        : kind === "residence_status"
          ? [["issuedOn", "validUntil"]]
          : [];
  for (const [a, b] of pairs) {
    if (!orderedDates(data[a] as string | undefined, data[b] as string | undefined)) {
      throw new AppError("validation-error", `data.${b} lies before data.${a}`, {
        errors: [{ path: `data.${b}`, message: `Must not lie before ${a}` }],
      });
    }
  }
}
