// Writes of persons: registration, the identity correction and the case transitions. Each runs in
// the caller's transaction and writes its case event, search index entry and audit row there, so
// the change and its traces commit together or not at all.
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import {
  decidePersonAccess,
  type PersonAccess,
  personAccessOrThrow,
  personWithAccessOrThrow,
} from "../../platform/access/person-access.js";
import { type AuditContext, audit, changeSet } from "../../platform/audit/audit.js";
import type { AuditAction } from "../../platform/audit/audit-events.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { updateVersioned } from "../../platform/db/versioned.js";
import { AppError } from "../../platform/http/errors.js";
import { today } from "../../platform/reference/partial-date.js";
import { addMember } from "../households/households.commands.js";
import { indexPersons } from "../search/search-index.js";
import { activeCaseManagerOf, type PersonRow } from "./persons.queries.js";
import type { createPersonSchema, updatePersonSchema } from "./persons.schemas.js";
import { type CaseStatus, caseEvents, persons } from "./persons.tables.js";

export type Registration = z.output<typeof createPersonSchema>;
export type IdentityCorrection = Omit<z.output<typeof updatePersonSchema>, "version">;
export type CaseActionInput = { reason?: string | undefined; leadCaseManagerId?: string | undefined };
export type CaseAction = "open" | "pause" | "resume" | "close" | "reopen";

/** A person written by a command, with the access the actor has to it afterwards. */
export type PersonWritten = { person: PersonRow; access: PersonAccess };

type CaseEvent = "opened" | "paused" | "resumed" | "closed" | "reopened";
const transitions: Record<CaseAction, { from: CaseStatus[]; to: CaseStatus; audit: AuditAction; event: CaseEvent }> = {
  open: { from: ["intake"], to: "active", audit: "case.opened", event: "opened" },
  pause: { from: ["active"], to: "paused", audit: "case.paused", event: "paused" },
  resume: { from: ["paused"], to: "active", audit: "case.resumed", event: "resumed" },
  close: { from: ["intake", "active", "paused"], to: "closed", audit: "case.closed", event: "closed" },
  reopen: { from: ["closed"], to: "active", audit: "case.reopened", event: "reopened" },
};
export const caseActions = Object.keys(transitions) as CaseAction[];

/**
 * Registers a person: the registering organisation owns the identity; a case manager's
 * organisation also becomes the lead and the case manager the lead case manager.
 */
export async function registerPerson(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  registration: Registration,
): Promise<PersonWritten> {
  const { householdId, householdRelation, ...identity } = registration;
  const isCaseManager = actor.role === "case_manager";
  const [person] = await tx
    .insert(persons)
    .values({
      tenantId: actor.tenantId,
      ...identity,
      birthDate: identity.birthDate ?? null,
      registeredByOrganisationId: actor.organisationId,
      leadOrganisationId: isCaseManager ? actor.organisationId : null,
      leadCaseManagerId: isCaseManager ? actor.userId : null,
      createdBy: actor.userId,
    })
    .returning();
  if (!person) throw new AppError("internal");
  await indexPersons(tx, [person], { fresh: true });
  await tx.insert(caseEvents).values({
    tenantId: actor.tenantId,
    personId: person.id,
    action: "registered",
    toStatus: person.caseStatus,
    organisationId: actor.organisationId,
    userId: actor.userId,
  });
  if (householdId) {
    await addMember(tx, actor, householdId, person.id, householdRelation ?? "other", { personJustCreated: true });
  }
  await audit(tx, ctx, {
    action: "person.created",
    subjectType: "person",
    subjectId: person.id,
    personId: person.id,
    categories: ["identity"],
    grounds: [{ type: "ownership" }],
  });
  // A new person has no consents, legal bases or referrals: ownership (and the lead) is all there is.
  const access = decidePersonAccess(actor, { ...person, consents: [], legalBases: [], referrals: [] });
  if (!access) throw new AppError("internal");
  return { person, access };
}

/** Corrects identity data: the registering organisation, or the lead organisation's case managers. */
export async function correctIdentity(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  changes: IdentityCorrection,
  expected: number | undefined,
): Promise<PersonWritten> {
  const { person: before, access } = await personWithAccessOrThrow(tx, actor, personId);
  if (!access.canEditIdentity)
    throw new AppError(
      "forbidden",
      "Only the registering organisation or the lead case management corrects identity data",
    );
  const person = await updateVersioned(tx, persons, {
    where: and(eq(persons.tenantId, actor.tenantId), eq(persons.id, before.id)),
    expected,
    current: before.version,
    set: { ...changes, updatedAt: new Date() },
    what: "person",
  });
  if (changes.givenNames !== undefined || changes.familyName !== undefined || changes.alternativeNames !== undefined)
    await indexPersons(tx, [person]);
  await audit(tx, ctx, {
    action: "person.updated",
    subjectType: "person",
    subjectId: before.id,
    personId: before.id,
    categories: ["identity"],
    grounds: access.open.get("identity") ?? [],
    details: changeSet(before, changes),
  });
  return { person, access };
}

/**
 * Moves a case file from one state to the next (only the lead organisation's case managers, or
 * any case manager while the person has no lead): the first such move makes the actor's
 * organisation the lead. The update is conditional on the state read, so of two concurrent
 * moves one wins and the other answers 409.
 */
export async function changeCaseState(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  action: CaseAction,
  input: CaseActionInput,
  expected: number | undefined,
): Promise<PersonWritten> {
  const t = transitions[action];
  if (action === "close" && !input.reason) {
    throw new AppError("validation-error", "A closing reason is required", {
      errors: [{ path: "reason", message: "Required when closing a case" }],
    });
  }
  const { person: before, access } = await personWithAccessOrThrow(tx, actor, personId);
  if (!access.canManageCase)
    throw new AppError("forbidden", "Only the lead organisation's case managers change the case state");
  if (!t.from.includes(before.caseStatus)) {
    throw new AppError("conflict", `A case in status ${before.caseStatus} cannot be ${t.event}`, {
      caseStatus: before.caseStatus,
    });
  }
  const changes = {
    caseStatus: t.to,
    leadOrganisationId: before.leadOrganisationId ?? actor.organisationId,
    leadCaseManagerId: await leadCaseManagerAfter(tx, actor, before, input.leadCaseManagerId),
    ...(action === "open" || action === "reopen"
      ? { caseOpenedOn: today(), caseClosedOn: null, closingReason: null }
      : {}),
    ...(action === "close" ? { caseClosedOn: today(), closingReason: input.reason ?? null } : {}),
  };
  const person = await updateVersioned(tx, persons, {
    where: and(
      eq(persons.tenantId, actor.tenantId),
      eq(persons.id, personId),
      eq(persons.caseStatus, before.caseStatus),
    ),
    expected,
    current: before.version,
    set: { ...changes, updatedAt: new Date() },
    what: "person",
  });
  await tx.insert(caseEvents).values({
    tenantId: actor.tenantId,
    personId,
    action: t.event,
    fromStatus: before.caseStatus,
    toStatus: t.to,
    reason: input.reason ?? null,
    organisationId: actor.organisationId,
    userId: actor.userId,
  });
  await audit(tx, ctx, {
    action: t.audit,
    subjectType: "person",
    subjectId: personId,
    personId,
    categories: ["identity"],
    details: changeSet(before as unknown as Record<string, unknown>, changes),
  });
  // The move may have made the actor's organisation the lead: its access is decided anew.
  return { person, access: await personAccessOrThrow(tx, actor, personId) };
}

/** The named case manager (an active one of the actor's organisation), else the current one, else the actor. */
async function leadCaseManagerAfter(
  tx: Db,
  actor: Actor,
  before: PersonRow,
  named: string | undefined,
): Promise<string> {
  if (!named) return before.leadCaseManagerId ?? actor.userId;
  const id = await activeCaseManagerOf(tx, actor, named);
  if (!id)
    throw new AppError("validation-error", "Not a case manager of your organisation", {
      errors: [{ path: "leadCaseManagerId", message: "Not an active case manager of your organisation" }],
    });
  return id;
}
