// Writes of sign-in and of one's own account: sessions, the TOTP step, profile and password, each
// with its audit row in the same transaction.
import { and, eq, sql } from "drizzle-orm";
import { type AuditContext, audit, changeSet } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import {
  createSession,
  deleteUserSessions,
  markSecondFactorDone,
  type SessionTimeouts,
} from "../../platform/auth/sessions.js";
import type { Db } from "../../platform/db/client.js";
import { users } from "../../platform/identity/identity.tables.js";
import type { UserRow } from "./auth.queries.js";

const own = (actor: { tenantId: string; userId: string }) =>
  and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId));

/** Claims the TOTP step atomically: a code already used (replayed) counts as wrong. */
export async function claimTotpStep(db: Db, user: UserRow, step: number): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(
        own({ tenantId: user.tenantId, userId: user.id }),
        sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`,
      ),
    )
    .returning({ id: users.id });
  return claimed.length > 0;
}

/** A successful sign-in: the session, the time of the login and its audit row. */
export async function signIn(
  tx: Db,
  requestId: string,
  user: UserRow,
  secondFactor: "done" | "enrol",
  timeouts: SessionTimeouts,
): Promise<{ token: string }> {
  const session = await createSession(tx, user, secondFactor === "done", timeouts);
  await tx
    .update(users)
    .set({ lastLoginAt: new Date() })
    .where(own({ tenantId: user.tenantId, userId: user.id }));
  await audit(
    tx,
    {
      requestId,
      actor: { tenantId: user.tenantId, userId: user.id, organisationId: user.organisationId, role: user.role },
    },
    { action: "auth.login.succeeded", subjectType: "user", subjectId: user.id, details: { secondFactor } },
  );
  return session;
}

/** One's own name or language. */
export async function updateOwnProfile(
  tx: Db,
  actor: Actor,
  ctx: AuditContext,
  changes: { name?: string | undefined; locale?: "de" | "en" | undefined },
): Promise<void> {
  const [before] = await tx
    .select({ name: users.name, locale: users.locale })
    .from(users)
    .where(own(actor))
    .for("update");
  await tx
    .update(users)
    .set({ ...changes, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(own(actor));
  // Access reports name a reader as they were called at the time: they read the old name from here.
  const changed = changeSet(before ?? {}, changes);
  if (Object.keys(changed.after).length > 0)
    await audit(tx, ctx, { action: "user.updated", subjectType: "user", subjectId: actor.userId, details: changed });
}

/** A new password ends every session of the user; the caller's continues as a new one (returned). */
export async function changeOwnPassword(
  tx: Db,
  actor: Actor,
  ctx: AuditContext,
  passwordHash: string,
  timeouts: SessionTimeouts,
): Promise<{ token: string }> {
  await tx
    .update(users)
    .set({ passwordHash, updatedAt: new Date(), version: sql`${users.version} + 1` })
    .where(own(actor));
  await deleteUserSessions(tx, actor.tenantId, actor.userId);
  const session = await createSession(
    tx,
    { tenantId: actor.tenantId, id: actor.userId },
    actor.secondFactorDone,
    timeouts,
  );
  await audit(tx, ctx, {
    action: "user.updated",
    subjectType: "user",
    subjectId: actor.userId,
    details: { after: { passwordHash: "[secret]" } },
  });
  return session;
}

/** The secret of an enrolment not yet confirmed. */
export async function storeTotpSecret(db: Db, actor: Actor, secret: string): Promise<void> {
  await db.update(users).set({ totpSecret: secret }).where(own(actor));
}

/** Enrolment done: TOTP is on, the step is used, and this session has passed its second factor. */
export async function confirmTotpEnrolment(tx: Db, actor: Actor, ctx: AuditContext, step: number): Promise<void> {
  await tx
    .update(users)
    .set({ totpEnabledAt: new Date(), totpLastStep: step, version: sql`${users.version} + 1` })
    .where(own(actor));
  await markSecondFactorDone(tx, actor.sessionId);
  await audit(tx, ctx, { action: "auth.totp.enrolled", subjectType: "user", subjectId: actor.userId });
}
