// Loading referrals with the names a page shows, scoped to the actor's organisation (sender or
// receiver); the person's identity only where the access rule still shows the person.
import { and, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { visiblePersonSql } from "../../platform/access/person-access.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/http/errors.js";
import { organisations, users } from "../../platform/identity/identity.tables.js";
import { today } from "../../platform/reference/partial-date.js";
import { agreements } from "../agreements/agreements.tables.js";
import { persons } from "../persons/persons.tables.js";
import { allowed, overdueKind } from "./referral-state.js";
import { type ReferralStatus, referrals } from "./referrals.tables.js";

export type ReferralRow = typeof referrals.$inferSelect;

const fromOrg = alias(organisations, "from_org");
const toOrg = alias(organisations, "to_org");
const fromUser = alias(users, "from_user");

/** The referral is the actor organisation's: it sent or received it. */
export const partyOf = (actor: Actor): SQL =>
  sql`${referrals.tenantId} = ${actor.tenantId}::uuid and (${referrals.fromOrganisationId} = ${actor.organisationId}::uuid or ${referrals.toOrganisationId} = ${actor.organisationId}::uuid)`;

function selectReferrals(db: Db, actor: Actor) {
  return db
    .select({
      referral: referrals,
      fromName: fromOrg.name,
      toName: toOrg.name,
      fromUserName: fromUser.name,
      person: {
        id: persons.id,
        givenNames: persons.givenNames,
        familyName: persons.familyName,
        birthDate: persons.birthDate,
        registeredByOrganisationId: persons.registeredByOrganisationId,
        leadOrganisationId: persons.leadOrganisationId,
      },
      personVisible: sql<boolean>`${visiblePersonSql(actor)}`,
    })
    .from(referrals)
    .innerJoin(persons, and(eq(persons.tenantId, referrals.tenantId), eq(persons.id, referrals.personId)))
    .innerJoin(fromOrg, and(eq(fromOrg.tenantId, referrals.tenantId), eq(fromOrg.id, referrals.fromOrganisationId)))
    .innerJoin(toOrg, and(eq(toOrg.tenantId, referrals.tenantId), eq(toOrg.id, referrals.toOrganisationId)))
    .leftJoin(fromUser, and(eq(fromUser.tenantId, referrals.tenantId), eq(fromUser.id, referrals.fromUserId)));
}

export type LoadedReferral = Awaited<ReturnType<ReturnType<typeof selectReferrals>["where"]>>[number];

export function presentReferral(actor: Actor, r: LoadedReferral, on = today()) {
  const x = r.referral;
  const party = {
    isSender: x.fromOrganisationId === actor.organisationId,
    isReceiver: x.toOrganisationId === actor.organisationId,
  };
  const overdue = overdueKind(x, on);
  return {
    id: x.id,
    version: x.version,
    person: r.personVisible
      ? {
          id: r.person.id,
          givenNames: r.person.givenNames,
          familyName: r.person.familyName,
          birthDate: r.person.birthDate,
        }
      : null,
    personId: x.personId,
    fromOrganisation: { id: x.fromOrganisationId, name: r.fromName },
    fromUser: r.fromUserName ? { id: x.fromUserId, name: r.fromUserName } : null,
    toOrganisation: { id: x.toOrganisationId, name: r.toName },
    service: x.service,
    // The message is about the person: shown only while the person is visible.
    message: r.personVisible ? x.message : "",
    sharedCategories: x.sharedCategories,
    status: x.status,
    agreementId: x.agreementId,
    acknowledgeBy: x.acknowledgeBy,
    firstAppointmentBy: x.firstAppointmentBy,
    sentAt: x.sentAt,
    respondedAt: x.respondedAt,
    declineReason: x.declineReason,
    responseNote: r.personVisible ? x.responseNote : null,
    firstAppointmentOn: x.firstAppointmentOn,
    firstAppointmentAt: x.firstAppointmentAt,
    completedAt: x.completedAt,
    outcome: x.outcome,
    outcomeNote: r.personVisible ? x.outcomeNote : null,
    withdrawnAt: x.withdrawnAt,
    withdrawReason: r.personVisible ? x.withdrawReason : null,
    overdue: overdue !== null,
    overdueKind: overdue,
    goalId: x.goalId,
    abilities: {
      accept: allowed("accept", x.status, party),
      decline: allowed("decline", x.status, party),
      complete: allowed("complete", x.status, party),
      withdraw: allowed("withdraw", x.status, party),
    },
  };
}

export async function loadReferral(db: Db, actor: Actor, id: string): Promise<LoadedReferral | undefined> {
  const [row] = await selectReferrals(db, actor).where(and(partyOf(actor), eq(referrals.id, id)));
  return row;
}

/**
 * A referral the actor's organisation sent or received; 404 for any other. Not built on
 * personItemOrThrow: both parties see the referral itself even where the access rule no longer
 * shows its person (`personVisible` says whether it does, and presentReferral hides what is about them).
 */
export async function referralOrThrow(db: Db, actor: Actor, id: string): Promise<LoadedReferral> {
  const loaded = await loadReferral(db, actor, id);
  if (!loaded) throw new AppError("not-found", "Referral not found");
  return loaded;
}

/** The referral is of this person and the actor's organisation sent or received it (a plan measure may name it). */
export async function isPartyReferralOf(db: Db, actor: Actor, id: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(partyOf(actor), eq(referrals.id, id), eq(referrals.personId, personId)));
  return row !== undefined;
}

const plusDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** "Due soon": the next deadline falls within this many calendar days. */
export const dueSoonDays = 3;

export async function listReferrals(
  db: Db,
  actor: Actor,
  q: {
    direction: "incoming" | "outgoing" | "all";
    status?: ReferralStatus[] | undefined;
    due?: "soon" | "overdue" | undefined;
    personId?: string | undefined;
    limit: number;
    after?: [string, string] | undefined;
  },
) {
  const on = today();
  const soon = plusDays(on, dueSoonDays);
  // Accepted without an appointment that meets the deadline (the rule of overdueKind).
  const waitingForAppointment = sql`${referrals.status} = 'accepted' and (${referrals.firstAppointmentOn} is null or ${referrals.firstAppointmentOn} > ${referrals.firstAppointmentBy})`;
  const dueFilter =
    q.due === "overdue"
      ? sql`((${referrals.status} = 'sent' and ${referrals.acknowledgeBy} < ${on}::date) or (${waitingForAppointment} and ${referrals.firstAppointmentBy} < ${on}::date))`
      : q.due === "soon"
        ? sql`((${referrals.status} = 'sent' and ${referrals.acknowledgeBy} between ${on}::date and ${soon}::date) or (${waitingForAppointment} and ${referrals.firstAppointmentBy} between ${on}::date and ${soon}::date))`
        : undefined;
  const rows = await selectReferrals(db, actor)
    .where(
      and(
        partyOf(actor),
        q.direction === "incoming" ? eq(referrals.toOrganisationId, actor.organisationId) : undefined,
        q.direction === "outgoing" ? eq(referrals.fromOrganisationId, actor.organisationId) : undefined,
        q.status && q.status.length > 0 ? inArray(referrals.status, q.status) : undefined,
        q.personId ? eq(referrals.personId, q.personId) : undefined,
        dueFilter,
        q.after
          ? or(
              lt(referrals.sentAt, new Date(q.after[0])),
              and(eq(referrals.sentAt, new Date(q.after[0])), lt(referrals.id, q.after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(referrals.sentAt), desc(referrals.id))
    .limit(q.limit + 1);
  return rows;
}

/**
 * The agreement that binds a referral between two organisations for a service: an active agreement
 * between them in either direction whose services name it (or that lists no services, i.e. covers
 * all); one naming the service wins.
 */
export async function agreementFor(db: Db, tenantId: string, a: string, b: string, service: string) {
  const on = today();
  const rows = await db
    .select()
    .from(agreements)
    .where(
      and(
        eq(agreements.tenantId, tenantId),
        or(
          and(eq(agreements.leadOrganisationId, a), eq(agreements.partnerOrganisationId, b)),
          and(eq(agreements.leadOrganisationId, b), eq(agreements.partnerOrganisationId, a)),
        ),
        sql`${agreements.validFrom} <= ${on}::date and (${agreements.validUntil} is null or ${agreements.validUntil} >= ${on}::date)`,
        sql`(${agreements.services} @> array[${service}]::text[] or cardinality(${agreements.services}) = 0)`,
      ),
    );
  return rows.find((r) => r.services.includes(service)) ?? rows[0];
}
