// Server-side sessions: random token in an HttpOnly cookie, its SHA-256 in the database.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import type { Role } from "../domain.js";
import { organisations, users } from "../identity/identity.tables.js";
import type { Actor } from "./actor.js";
import { sessions } from "./auth.tables.js";

export const sessionCookieName = "strang_session";

export type SessionTimeouts = { idleMs: number; absoluteMs: number };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(
  db: Db,
  user: { tenantId: string; id: string },
  secondFactorDone: boolean,
  timeouts: SessionTimeouts,
): Promise<{ token: string; id: string }> {
  const token = randomBytes(32).toString("base64url");
  const id = hashToken(token);
  await db.insert(sessions).values({
    id,
    tenantId: user.tenantId,
    userId: user.id,
    secondFactorDone,
    expiresAt: new Date(Date.now() + timeouts.absoluteMs),
  });
  return { token, id };
}

// Every request resolves its session: the statement is built once per database handle.
function prepareSessionLookup(db: Db) {
  return db
    .select({
      sessionId: sessions.id,
      secondFactorDone: sessions.secondFactorDone,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      tenantId: users.tenantId,
      userId: users.id,
      organisationId: users.organisationId,
      organisationType: organisations.type,
      organisationActive: organisations.active,
      role: users.role,
      name: users.name,
      email: users.email,
      locale: users.locale,
      active: users.active,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .innerJoin(
      organisations,
      and(eq(organisations.tenantId, users.tenantId), eq(organisations.id, users.organisationId)),
    )
    .where(eq(sessions.id, sql.placeholder("id")))
    .limit(1)
    .prepare("strang_session_actor");
}
const preparedSessionLookup = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

/** Resolves a cookie token to its actor, or undefined when unknown, expired or idle too long. */
export async function actorFromSessionToken(
  db: Db,
  token: string,
  timeouts: SessionTimeouts,
): Promise<Actor | undefined> {
  if (!token || token.length > 100) return undefined;
  const id = hashToken(token);
  let statement = preparedSessionLookup.get(db);
  if (!statement) {
    statement = prepareSessionLookup(db);
    preparedSessionLookup.set(db, statement);
  }
  const rows = await statement.execute({ id });
  const row = rows[0];
  if (!row) return undefined;
  const now = Date.now();
  if (
    !row.active ||
    !row.organisationActive ||
    row.expiresAt.getTime() <= now ||
    row.lastSeenAt.getTime() + timeouts.idleMs <= now
  ) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return undefined;
  }
  // Touch at most once a minute: the idle timeout does not need more precision than that.
  if (now - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return {
    tenantId: row.tenantId,
    userId: row.userId,
    organisationId: row.organisationId,
    organisationType: row.organisationType,
    role: row.role as Role,
    name: row.name,
    email: row.email,
    locale: row.locale === "en" ? "en" : "de",
    sessionId: row.sessionId,
    secondFactorDone: row.secondFactorDone,
    totpEnabled: row.totpEnabledAt !== null,
  };
}

export async function markSecondFactorDone(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ secondFactorDone: true }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: Db, tenantId: string, userId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId)));
}

export async function purgeExpiredSessions(db: Db, idleMs: number): Promise<void> {
  await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, sql`now()`),
        lt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${idleMs / 1000})`),
      ),
    );
}
