// Throttling of failed logins, per account (e-mail as typed) and per client address.
// Keys are hashed: the table holds no e-mail addresses or IPs.
import { createHash } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { AppError } from "../http/errors.js";
import { loginThrottle } from "./auth.tables.js";

export const throttleLimits = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  perAccount: 5,
  perAddress: 30,
};

const key = (kind: string, value: string) =>
  `${kind}:${createHash("sha256").update(value.trim().toLowerCase()).digest("hex")}`;

export const throttleKeys = (email: string, address: string) => ({
  account: key("account", email),
  address: key("address", address),
});

/** Throws 429 when the account or the address is locked. Same answer whether the account exists. */
export async function assertNotThrottled(db: Db, keys: { account: string; address: string }) {
  const rows = await db
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, [keys.account, keys.address]));
  const now = Date.now();
  const lockedUntil = rows.map((r) => r.lockedUntil?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  if (lockedUntil > now) {
    const retryAfter = Math.ceil((lockedUntil - now) / 1000);
    throw new AppError(
      "too-many-attempts",
      "Too many failed logins. Try again later.",
      { retryAfterSeconds: retryAfter },
      { "retry-after": String(retryAfter) },
    );
  }
}

export async function recordFailure(db: Db, keys: { account: string; address: string }) {
  for (const [k, limit] of [
    [keys.account, throttleLimits.perAccount],
    [keys.address, throttleLimits.perAddress],
  ] as const) {
    const windowSecs = throttleLimits.windowMs / 1000;
    const lockSecs = throttleLimits.lockMs / 1000;
    // One upsert: a stale window restarts at 1, reaching the limit sets the lock.
    await db.execute(sql`
      insert into login_throttle (key, failures, window_started_at)
      values (${k}, 1, now())
      on conflict (key) do update set
        failures = case when login_throttle.window_started_at < now() - make_interval(secs => ${windowSecs})
                        then 1 else login_throttle.failures + 1 end,
        window_started_at = case when login_throttle.window_started_at < now() - make_interval(secs => ${windowSecs})
                        then now() else login_throttle.window_started_at end,
        locked_until = case when login_throttle.window_started_at >= now() - make_interval(secs => ${windowSecs})
                             and login_throttle.failures + 1 >= ${limit}
                        then now() + make_interval(secs => ${lockSecs}) else login_throttle.locked_until end`);
  }
}

export async function clearAccountFailures(db: Db, accountKey: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey));
}
