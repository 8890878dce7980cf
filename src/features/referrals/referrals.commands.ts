// Sending a referral and moving it through its states, inside one transaction each: the referral,
// the linked plan measure, the notifications and the audit row commit together or not at all.
import { and, eq, inArray, sql } from "drizzle-orm";
import { referralReportRoles } from "../../platform/access/access.js";
import {
  type PersonAccess,
  personDataRoles,
  personWithAccessOrThrow,
  shareableCategories,
  uniqueGrounds,
} from "../../platform/access/person-access.js";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { updateVersioned } from "../../platform/db/versioned.js";
import type { Category } from "../../platform/domain-categories.js";
import { AppError, type FieldErrorCode } from "../../platform/http/errors.js";
import { organisations } from "../../platform/identity/identity.tables.js";
import { today } from "../../platform/reference/partial-date.js";
import { addWorkingDays } from "../../platform/reference/working-days.js";
import { codeListEntries } from "../code-lists/code-lists.tables.js";
import {
  markSubjectRead,
  notify,
  type Recipient,
  usersOfOrganisation,
} from "../notifications/notifications.commands.js";
import type { NotificationKind, NotificationTarget } from "../notifications/notifications.tables.js";
import { createReferralMeasure, followReferralStatus } from "../plans/plans.commands.js";
import { referableGoal } from "../plans/plans.queries.js";
import { getTenantSettings } from "../settings/settings.queries.js";
import { type ReferralAction, transitions } from "./referral-state.js";
import { agreementFor, referralOrThrow } from "./referrals.queries.js";
import { referrals } from "./referrals.tables.js";

export async function serviceLabel(db: Db, code: string): Promise<{ de: string; en: string } | undefined> {
  const on = today();
  const [row] = await db
    .select({ de: codeListEntries.labelDe, en: codeListEntries.labelEn })
    .from(codeListEntries)
    .where(
      and(
        eq(codeListEntries.list, "service"),
        eq(codeListEntries.code, code),
        sql`${codeListEntries.validFrom} <= ${on}::date and (${codeListEntries.validUntil} is null or ${codeListEntries.validUntil} >= ${on}::date)`,
      ),
    );
  return row;
}

/**
 * Where a notification about a referral leads its recipient: the referral for the person-data
 * roles of its two organisations (GET /referrals/{id} answers them), else the deadline figures for
 * those who read them (a tenant admin among the escalated admins), else nowhere.
 */
export const referralTarget =
  (r: { fromOrganisationId: string; toOrganisationId: string }) =>
  (u: Recipient): NotificationTarget =>
    personDataRoles.includes(u.role) &&
    (u.organisationId === r.fromOrganisationId || u.organisationId === r.toOrganisationId)
      ? "subject"
      : referralReportRoles.includes(u.role)
        ? "referral_sla"
        : "none";

const field = (path: string, message: string, code: FieldErrorCode = "invalid") =>
  new AppError("validation-error", message, { errors: [{ path, message, code }] });

export type SendReferral = {
  personId: string;
  toOrganisationId: string;
  service: string;
  message: string;
  sharedCategories: Category[];
  goalId?: string | null | undefined;
};

export async function sendReferral(tx: Db, ctx: AuditContext, actor: Actor, body: SendReferral) {
  const { access } = await personWithAccessOrThrow(tx, actor, body.personId);
  if (body.toOrganisationId === actor.organisationId)
    throw field("toOrganisationId", "A referral goes to another organisation", "invalid_value");
  const [receiver] = await tx
    .select({ id: organisations.id, name: organisations.name, active: organisations.active })
    .from(organisations)
    .where(and(eq(organisations.tenantId, actor.tenantId), eq(organisations.id, body.toOrganisationId)));
  if (!receiver?.active) throw field("toOrganisationId", "No such organisation", "not_found");
  // Nobody there could open, accept or decline it: it would only go overdue and escalate.
  const receivers = await usersOfOrganisation(tx, actor.tenantId, receiver.id, personDataRoles);
  if (receivers.length === 0) {
    const message = `${receiver.name} has no active user who works with person data (case manager, caseworker or organisation admin), so nobody there could act on a referral`;
    throw new AppError("receiver-cannot-act", message, {
      organisationId: receiver.id,
      errors: [{ path: "toOrganisationId", message, code: "receiver_cannot_act" }],
    });
  }
  const label = await serviceLabel(tx, body.service);
  if (!label) throw field("service", "Not a service of the code list", "invalid_value");
  const shared = [...new Set(body.sharedCategories)];
  if (shared.length === 0) throw field("sharedCategories", "Choose at least one category to share", "required");
  const shareable = await shareableCategories(tx, actor, access, receiver.id);
  const uncovered = shared.filter((c) => !shareable.includes(c));
  if (uncovered.length > 0) {
    throw new AppError(
      "consent-required",
      `No consent of the person covers sharing ${uncovered.join(", ")} with this organisation`,
      {
        categories: uncovered,
        errors: uncovered.map((c) => ({
          path: `sharedCategories.${body.sharedCategories.indexOf(c)}`,
          message: "Not covered by a consent",
          code: "consent_required" as const,
        })),
      },
    );
  }
  if (body.goalId && !(await referableGoal(tx, actor, access, body.goalId)))
    throw field("goalId", "Not a goal of this person's plan", "not_found");
  const settings = await getTenantSettings(tx, actor.tenantId);
  const agreement = await agreementFor(tx, actor.tenantId, actor.organisationId, receiver.id, body.service);
  const ackDays = agreement?.acknowledgeWithinDays ?? settings.defaultAcknowledgeWithinDays;
  const apptDays = agreement?.firstAppointmentWithinDays ?? settings.defaultFirstAppointmentWithinDays;
  const on = today();
  const [row] = await tx
    .insert(referrals)
    .values({
      tenantId: actor.tenantId,
      personId: body.personId,
      fromOrganisationId: actor.organisationId,
      fromUserId: actor.userId,
      toOrganisationId: receiver.id,
      service: body.service,
      message: body.message,
      sharedCategories: shared,
      agreementId: agreement?.id ?? null,
      acknowledgeBy: addWorkingDays(on, ackDays, settings.federalState),
      firstAppointmentBy: addWorkingDays(on, apptDays, settings.federalState),
      goalId: body.goalId ?? null,
    })
    .returning();
  if (!row) throw new AppError("internal");
  if (row.goalId) await createReferralMeasure(tx, actor, { ...row, goalId: row.goalId, title: label.de });
  await notify(tx, actor.tenantId, receivers, {
    kind: "referral.received",
    subjectType: "referral",
    subjectId: row.id,
    params: { service: row.service, fromOrganisation: actor.organisationId, acknowledgeBy: row.acknowledgeBy },
    targetFor: referralTarget(row),
  });
  await audit(tx, ctx, {
    action: "referral.sent",
    subjectType: "referral",
    subjectId: row.id,
    personId: row.personId,
    categories: ["identity", ...shared.filter((c) => c !== "identity")],
    grounds: groundsOf(access, shared),
    purpose: row.service,
    details: {
      after: {
        toOrganisationId: row.toOrganisationId,
        service: row.service,
        sharedCategories: row.sharedCategories,
        acknowledgeBy: row.acknowledgeBy,
        firstAppointmentBy: row.firstAppointmentBy,
        agreementId: row.agreementId,
      },
    },
  });
  return row;
}

const groundsOf = (access: PersonAccess, cats: Category[]) => uniqueGrounds(cats.map((c) => access.open.get(c) ?? []));

const notificationOf: Record<ReferralAction, NotificationKind> = {
  accept: "referral.accepted",
  decline: "referral.declined",
  complete: "referral.completed",
  withdraw: "referral.withdrawn",
};

export type TransitionInput = {
  version?: number | undefined;
  note?: string | null | undefined;
  reason?: string | null | undefined;
  outcome?: string | undefined;
  firstAppointmentAt?: string | null | undefined;
  firstAppointmentOn?: string | null | undefined;
};

/** The appointment as stored: the instant and its date in Germany, or the date alone (deprecated input). */
function firstAppointment(input: TransitionInput): {
  firstAppointmentAt: Date | null;
  firstAppointmentOn: string | null;
} {
  if (input.firstAppointmentAt) {
    const at = new Date(input.firstAppointmentAt);
    return { firstAppointmentAt: at, firstAppointmentOn: today(at) };
  }
  return { firstAppointmentAt: null, firstAppointmentOn: input.firstAppointmentOn ?? null };
}

export async function transitionReferral(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  id: string,
  action: ReferralAction,
  input: TransitionInput,
) {
  const before = (await referralOrThrow(tx, actor, id)).referral;
  const t = transitions[action];
  const isReceiver = before.toOrganisationId === actor.organisationId;
  const isSender = before.fromOrganisationId === actor.organisationId;
  if ((t.by === "receiver" && !isReceiver) || (t.by === "sender" && !isSender)) {
    throw new AppError(
      "forbidden",
      t.by === "receiver"
        ? `Only the receiving organisation may ${action} a referral`
        : "Only the sending organisation may withdraw a referral",
    );
  }
  if (!t.from.includes(before.status)) {
    throw new AppError("conflict", `A referral in status ${before.status} cannot be ${t.to}`, {
      status: before.status,
      action,
    });
  }
  const now = sql`now()`;
  const changes =
    action === "accept"
      ? {
          respondedAt: now,
          respondedBy: actor.userId,
          responseNote: input.note ?? null,
          ...firstAppointment(input),
          // The acknowledgement deadline is met; a missed first appointment is a new overdue notice.
          overdueNotifiedAt: null,
        }
      : action === "decline"
        ? {
            respondedAt: now,
            respondedBy: actor.userId,
            declineReason: input.reason ?? null,
            responseNote: input.note ?? null,
          }
        : action === "complete"
          ? {
              completedAt: now,
              completedBy: actor.userId,
              outcome: input.outcome ?? null,
              outcomeNote: input.note ?? null,
            }
          : { withdrawnAt: now, withdrawnBy: actor.userId, withdrawReason: input.reason ?? null };
  // Conditional on the state and the version read above: of two clerks accepting at once, one
  // wins; the other's update finds the version moved on (409 version-conflict).
  const row = await updateVersioned(tx, referrals, {
    where: and(eq(referrals.tenantId, actor.tenantId), eq(referrals.id, id), inArray(referrals.status, [...t.from])),
    expected: input.version,
    current: before.version,
    set: { ...changes, status: t.to, updatedAt: now },
    what: "referral",
  });
  await followReferralStatus(tx, actor, row);
  const recipients =
    action === "withdraw"
      ? await usersOfOrganisation(tx, actor.tenantId, row.toOrganisationId, personDataRoles)
      : [row.fromUserId];
  await notify(tx, actor.tenantId, recipients, {
    kind: notificationOf[action],
    subjectType: "referral",
    subjectId: row.id,
    params: { service: row.service, status: row.status },
    targetFor: referralTarget(row),
  });
  await markSubjectRead(tx, actor, "referral", row.id);
  await audit(tx, ctx, {
    action: `referral.${row.status as "accepted" | "declined" | "completed" | "withdrawn"}`,
    subjectType: "referral",
    subjectId: row.id,
    personId: row.personId,
    categories: ["identity"],
    details: {
      before: { status: before.status, version: before.version },
      after: {
        status: row.status,
        version: row.version,
        ...(row.declineReason ? { declineReason: row.declineReason } : {}),
        ...(row.outcome ? { outcome: row.outcome } : {}),
        ...(row.firstAppointmentOn ? { firstAppointmentOn: row.firstAppointmentOn } : {}),
        ...(row.firstAppointmentAt ? { firstAppointmentAt: row.firstAppointmentAt.toISOString() } : {}),
      },
    },
  });
  return row;
}
