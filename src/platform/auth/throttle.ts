// Throttling of logins, per account (e-mail as typed) and per client address.
// Keys are hashed: the table holds no e-mail addresses or IPs.
//
// An attempt is counted before its password is looked at, by one conditional upsert per key that
// refuses once the limit is reached: concurrent attempts cannot all pass a read that happens
// before any of them is counted. `failures` therefore holds the attempts of the window that have
// not been taken back — failures plus attempts still being evaluated.
import { createHash } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.js";
import { AppError } from "../http/errors.js";
import { loginThrottle } from "./auth.tables.js";

export const throttleLimits = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  perAccount: 5,
  perAddress: 30,
};

export type ThrottleKeys = { account: string; address: string };

const key = (kind: string, value: string) =>
  `${kind}:${createHash("sha256").update(value.trim().toLowerCase()).digest("hex")}`;

export const throttleKeys = (email: string, address: string): ThrottleKeys => ({
  account: key("account", email),
  address: key("address", address),
});

const windowSecs = throttleLimits.windowMs / 1000;
const lockSecs = throttleLimits.lockMs / 1000;

/** Counts one attempt against the key; false when the key is locked or its limit is reached. */
async function claim(db: Db, k: string, limit: number): Promise<boolean> {
  // A window is current while it is younger than windowMs and no lock has been served in it;
  // otherwise the count restarts at 1. Reaching the limit sets the lock in the same statement.
  const current = sql`(t.locked_until is null and t.window_started_at >= now() - make_interval(secs => ${windowSecs}))`;
  const rows = await queryRows<{ failures: number }>(
    db,
    sql`
      insert into login_throttle as t (key, failures, window_started_at)
      values (${k}, 1, now())
      on conflict (key) do update set
        failures = case when ${current} then t.failures + 1 else 1 end,
        window_started_at = case when ${current} then t.window_started_at else now() end,
        locked_until = case when (case when ${current} then t.failures + 1 else 1 end) >= ${limit}
                            then now() + make_interval(secs => ${lockSecs}) else null end
      where (t.locked_until is null or t.locked_until <= now())
        and not (${current} and t.failures >= ${limit})
      returning t.failures`,
  );
  return rows.length > 0;
}

/** Takes back one counted attempt (its password turned out right, or was never evaluated). */
async function release(db: Db, k: string, limit: number) {
  // The lock came with the count reaching the limit; one attempt fewer is below it again.
  await db.execute(sql`
    update login_throttle set
      failures = greatest(failures - 1, 0),
      locked_until = case when failures >= ${limit} then null else locked_until end
    where key = ${k}`);
}

async function tooManyAttempts(db: Db, keys: ThrottleKeys): Promise<AppError> {
  const rows = await db
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, [keys.account, keys.address]));
  const now = Date.now();
  const until = rows
    .map((r) =>
      r.lockedUntil && r.lockedUntil.getTime() > now
        ? r.lockedUntil.getTime()
        : r.windowStartedAt.getTime() + throttleLimits.windowMs,
    )
    .reduce((a, b) => Math.max(a, b), now + 1000);
  const retryAfter = Math.ceil((until - now) / 1000);
  return new AppError(
    "too-many-attempts",
    "Too many failed logins. Try again later.",
    { retryAfterSeconds: retryAfter },
    { "retry-after": String(retryAfter) },
  );
}

/**
 * Counts a login attempt against the address and the account before anything is checked; throws
 * 429 when either is locked. Keyed by the e-mail as typed: the same answer whether the account
 * exists. A refused attempt counts against neither.
 */
export async function claimLoginAttempt(db: Db, keys: ThrottleKeys) {
  if (!(await claim(db, keys.address, throttleLimits.perAddress))) throw await tooManyAttempts(db, keys);
  if (!(await claim(db, keys.account, throttleLimits.perAccount))) {
    await release(db, keys.address, throttleLimits.perAddress);
    throw await tooManyAttempts(db, keys);
  }
}

/** The attempt evaluated no secret (the second factor is still to be sent): it does not count. */
export async function releaseLoginAttempt(db: Db, keys: ThrottleKeys) {
  await release(db, keys.account, throttleLimits.perAccount);
  await release(db, keys.address, throttleLimits.perAddress);
}

/**
 * A successful login resets the account. The address only gets its attempt back: the failures
 * of other accounts from the same address still count.
 */
export async function loginSucceeded(db: Db, keys: ThrottleKeys) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, keys.account));
  await release(db, keys.address, throttleLimits.perAddress);
}
