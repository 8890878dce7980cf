// Sign-in, sessions, CSRF header, throttling, TOTP, password change and the audit of it all.
import { createHash, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import { sessions } from "../../platform/auth/auth.tables.js";
import { currentTotp, newTotpSecret } from "../../platform/auth/totp.js";
import { organisations, users } from "../../platform/identity/identity.tables.js";
import { expectProblem } from "../../test/case-file-factories.js";
import {
  attemptLogin,
  createTenant,
  createUser,
  login,
  randomAddress,
  testPassword,
  uniqueEmail,
} from "../../test/factories.js";
import { client, createTestApp, getTestApp, type TestApp } from "../../test/test-app.js";

const api = "/api/v1";
const newPassword = "a brand new passphrase 42";
const requestId = () => `test-${randomUUID()}`;
const sessionId = (cookie: string) =>
  createHash("sha256")
    .update(cookie.replace(/^strang_session=/, ""))
    .digest("hex");

async function auditOfRequest(app: TestApp, id: string) {
  return app.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, id));
}

async function userRow(app: TestApp, tenantId: string, id: string) {
  const [row] = await app.database.db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  if (!row) throw new Error("user not found");
  return row;
}

async function sessionsOf(app: TestApp, userId: string) {
  return app.database.db.select().from(sessions).where(eq(sessions.userId, userId));
}

/** A six-digit code that is none of the codes valid around now (the server accepts ±1 step). */
async function wrongCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const valid = new Set(
    await Promise.all([-90, -60, -30, 0, 30, 60, 90].map((d) => generate({ secret, epoch: now + d }))),
  );
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, "0");
    if (!valid.has(code)) return code;
  }
}

describe("POST /auth/login", () => {
  it("answers 400 for a body that is not {email, password, totp?}", async () => {
    const app = await getTestApp();
    const t = await createTenant(app.database.db);
    for (const payload of [
      { email: t.admin.email },
      { email: t.admin.email, password: 12 },
      { email: t.admin.email, password: testPassword, remember: true },
      [t.admin.email, testPassword],
    ]) {
      const res = await app.inject({
        method: "POST",
        url: `${api}/auth/login`,
        payload: payload as object,
        remoteAddress: randomAddress(),
      });
      expectProblem(res, 400, "validation-error");
      expect(res.cookies).toHaveLength(0);
    }
  });

  it("signs in with the user, the second-factor state and an HttpOnly SameSite=Lax session cookie", async () => {
    const app = await getTestApp();
    const t = await createTenant(app.database.db);
    const rid = requestId();
    // E-mail addresses are case-insensitive.
    const res = await attemptLogin(
      app,
      { email: t.admin.email.toUpperCase(), password: testPassword },
      { headers: { "x-request-id": rid } },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      user: {
        id: t.admin.id,
        email: t.admin.email,
        name: t.admin.name,
        role: "tenant_admin",
        organisationId: t.organisation.id,
        locale: "de",
      },
      secondFactor: "done",
    });

    const cookie = res.cookies.find((c) => c.name === "strang_session");
    expect(cookie).toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.path).toBe("/");
    expect(cookie?.value.length).toBeGreaterThanOrEqual(40);
    const raw = String(res.headers["set-cookie"]);
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Lax/);

    // Only the token's hash is stored; the cookie opens the session.
    const [session] = await app.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, sessionId(cookie?.value ?? "")));
    expect(session?.userId).toBe(t.admin.id);
    expect(session?.secondFactorDone).toBe(true);
    const me = await client(app, `strang_session=${cookie?.value}`).get(`${api}/auth/me`);
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(t.admin.id);
    expect((await userRow(app, t.tenant.id, t.admin.id)).lastLoginAt).not.toBeNull();

    const rows = await auditOfRequest(app, rid);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "auth.login.succeeded",
      tenantId: t.tenant.id,
      actorUserId: t.admin.id,
      subjectId: t.admin.id,
      details: { secondFactor: "done" },
    });
    expect(JSON.stringify(rows[0])).not.toContain(testPassword);
    expect(JSON.stringify(rows[0]?.details).toLowerCase()).not.toContain(t.admin.email.toLowerCase());
  });

  it("answers the same 401 for an unknown e-mail, a wrong password and an inactive user", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const inactive = await createUser(db, t.tenant.id, t.organisation.id, "caseworker");
    await db
      .update(users)
      .set({ active: false })
      .where(and(eq(users.tenantId, t.tenant.id), eq(users.id, inactive.id)));
    const unknownEmail = uniqueEmail("nobody");
    const [ridUnknown, ridWrong, ridInactive] = [requestId(), requestId(), requestId()];

    const unknown = await attemptLogin(
      app,
      { email: unknownEmail, password: testPassword },
      { headers: { "x-request-id": ridUnknown } },
    );
    const wrong = await attemptLogin(
      app,
      { email: t.admin.email, password: "wrong password 123" },
      { headers: { "x-request-id": ridWrong } },
    );
    const deactivated = await attemptLogin(
      app,
      { email: inactive.email, password: testPassword },
      { headers: { "x-request-id": ridInactive } },
    );
    for (const res of [unknown, wrong, deactivated]) {
      expectProblem(res, 401, "invalid-credentials");
      expect(res.cookies).toHaveLength(0);
    }
    expect(wrong.json()).toEqual(unknown.json());
    expect(deactivated.json()).toEqual(unknown.json());

    // Failed logins are audited without the password or the e-mail address typed.
    const [unknownRow] = await auditOfRequest(app, ridUnknown);
    expect(unknownRow).toMatchObject({ action: "auth.login.failed", tenantId: null, subjectId: null });
    const [wrongRow] = await auditOfRequest(app, ridWrong);
    expect(wrongRow).toMatchObject({
      action: "auth.login.failed",
      tenantId: t.tenant.id,
      subjectType: "user",
      subjectId: t.admin.id,
      details: { reason: "credentials" },
    });
    const [inactiveRow] = await auditOfRequest(app, ridInactive);
    expect(inactiveRow).toMatchObject({ action: "auth.login.failed", subjectId: inactive.id });
    for (const row of [unknownRow, wrongRow, inactiveRow]) {
      const text = JSON.stringify(row).toLowerCase();
      expect(text).not.toContain(testPassword);
      expect(text).not.toContain("wrong password 123");
      expect(text).not.toContain(unknownEmail.toLowerCase());
      expect(text).not.toContain(t.admin.email.toLowerCase());
      expect(text).not.toContain(inactive.email.toLowerCase());
    }
  });
});

describe("sessions", () => {
  it("answers 401 without a session, with an unknown token and with a malformed cookie", async () => {
    const app = await getTestApp();
    expectProblem(await app.inject({ url: `${api}/auth/me` }), 401, "unauthenticated");
    expectProblem(await client(app, "strang_session=not-a-session").get(`${api}/auth/me`), 401, "unauthenticated");
    expectProblem(await client(app, `strang_session=${"x".repeat(500)}`).get(`${api}/auth/me`), 401, "unauthenticated");
    expectProblem(await client(app, "strang_session=not-a-session").post(`${api}/auth/logout`), 401, "unauthenticated");
  });

  it("logout needs the X-Strang-CSRF header, then ends the session on the server", async () => {
    const app = await getTestApp();
    const t = await createTenant(app.database.db);
    const c = await login(app, t.admin.email);
    const cookie = c.cookie as string;

    const noHeader = await app.inject({ method: "POST", url: `${api}/auth/logout`, headers: { cookie } });
    expectProblem(noHeader, 403, "csrf-header-missing");
    expect((await c.get(`${api}/auth/me`)).statusCode).toBe(200);

    const rid = requestId();
    const res = await c.request({ method: "POST", url: `${api}/auth/logout`, headers: { "x-request-id": rid } });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((k) => k.name === "strang_session");
    expect(cleared?.value).toBe("");
    expect(
      await app.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sessionId(cookie))),
    ).toHaveLength(0);
    // The old cookie is worthless even if the browser kept it.
    expectProblem(await client(app, cookie).get(`${api}/auth/me`), 401, "unauthenticated");

    const [row] = await auditOfRequest(app, rid);
    expect(row).toMatchObject({ action: "auth.logout", actorUserId: t.admin.id, tenantId: t.tenant.id });
    expect(JSON.stringify(row?.details)).not.toContain(t.admin.email);
  });

  it("logout takes no body: a stray one is refused and the session lives on; {} is fine", async () => {
    const app = await getTestApp();
    const t = await createTenant(app.database.db);
    const c = await login(app, t.admin.email);
    for (const payload of [[1, 2], { everywhere: true }, "text"]) {
      const res = await c.request({
        method: "POST",
        url: `${api}/auth/logout`,
        payload: JSON.stringify(payload),
        headers: { "content-type": "application/json" },
      });
      expectProblem(res, 400, "validation-error", ["body"]);
    }
    expect((await c.get(`${api}/auth/me`)).statusCode).toBe(200);
    const cookie = c.cookie as string;
    expect((await c.post(`${api}/auth/logout`, {})).statusCode).toBe(204);
    expectProblem(await client(app, cookie).get(`${api}/auth/me`), 401, "unauthenticated");
  });

  it("refuses state-changing requests with a cookie but without the CSRF header, and changes nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const c = await login(app, t.admin.email);
    const cookie = c.cookie as string;
    const countOrgs = async () =>
      (await db.select().from(organisations).where(eq(organisations.tenantId, t.tenant.id))).length;
    const before = await countOrgs();
    const attempts = [
      { method: "POST" as const, url: `${api}/organisations`, payload: { name: "Forged", type: "other" } },
      { method: "PATCH" as const, url: `${api}/organisations/${t.organisation.id}`, payload: { name: "Forged" } },
      { method: "PATCH" as const, url: `${api}/auth/me`, payload: { locale: "en" } },
      {
        method: "POST" as const,
        url: `${api}/auth/password`,
        payload: { currentPassword: testPassword, newPassword },
      },
    ];
    for (const a of attempts) {
      for (const headers of [{ cookie }, { cookie, "x-strang-csrf": "0" }]) {
        expectProblem(await app.inject({ ...a, headers }), 403, "csrf-header-missing");
      }
    }
    expect(await countOrgs()).toBe(before);
    const admin = await userRow(app, t.tenant.id, t.admin.id);
    expect(admin.locale).toBe("de");
    expect(admin.version).toBe(1);
    expect((await c.get(`${api}/organisations/${t.organisation.id}`)).json().name).toBe(t.organisation.name);
    // Reads need no header.
    expect((await app.inject({ url: `${api}/auth/me`, headers: { cookie } })).statusCode).toBe(200);
  });

  it("ends a session idle for longer than the idle timeout, and keeps one used recently", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const c = await login(app, t.admin.email);
    const id = sessionId(c.cookie as string);
    const idleMs = app.config.sessionIdleMs;

    // Seen just within the idle window: still valid, and touched.
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - idleMs + 60_000) })
      .where(eq(sessions.id, id));
    expect((await c.get(`${api}/auth/me`)).statusCode).toBe(200);
    const [touched] = await db.select().from(sessions).where(eq(sessions.id, id));
    expect(Date.now() - (touched?.lastSeenAt.getTime() ?? 0)).toBeLessThan(10_000);

    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - idleMs - 1000) })
      .where(eq(sessions.id, id));
    expectProblem(await c.get(`${api}/auth/me`), 401, "unauthenticated");
    expect(await db.select().from(sessions).where(eq(sessions.id, id))).toHaveLength(0);
  });

  it("ends a session past its absolute lifetime even when it is in use", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const c = await login(app, t.admin.email);
    const id = sessionId(c.cookie as string);
    const [s] = await db.select().from(sessions).where(eq(sessions.id, id));
    // The lifetime is the configured absolute timeout from the login.
    expect(
      Math.abs((s?.expiresAt.getTime() ?? 0) - (s?.createdAt.getTime() ?? 0) - app.config.sessionAbsoluteMs),
    ).toBeLessThan(5_000);
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() })
      .where(eq(sessions.id, id));
    expectProblem(await c.get(`${api}/auth/me`), 401, "unauthenticated");
    expect(await db.select().from(sessions).where(eq(sessions.id, id))).toHaveLength(0);
  });
});

// The limits are the product's promise (5 per account, 30 per address), not read from the code.
const perAccount = 5;
const perAddress = 30;

describe("login throttling", () => {
  it("locks an account after 5 failures: the 6th attempt answers 429 even with the right password", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const u = await createUser(db, t.tenant.id, t.organisation.id, "caseworker");
    const address = randomAddress();
    for (let i = 0; i < perAccount; i++) {
      const res = await attemptLogin(app, { email: u.email, password: "wrong password!" }, { remoteAddress: address });
      expectProblem(res, 401, "invalid-credentials");
    }
    const locked = await attemptLogin(app, { email: u.email, password: testPassword }, { remoteAddress: address });
    const problem = expectProblem(locked, 429, "too-many-attempts");
    const retryAfter = Number(locked.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(problem.retryAfterSeconds).toBe(retryAfter);
    expect(locked.cookies).toHaveLength(0);
    // The lock is on the account, from any address; other accounts on the address still sign in.
    expectProblem(await attemptLogin(app, { email: u.email, password: testPassword }), 429, "too-many-attempts");
    const other = await attemptLogin(app, { email: t.admin.email, password: testPassword }, { remoteAddress: address });
    expect(other.statusCode).toBe(200);
    expect(await sessionsOf(app, u.id)).toHaveLength(0);

    // An unknown e-mail address is locked in exactly the same way: no account enumeration.
    const nobody = uniqueEmail("nobody");
    const address2 = randomAddress();
    for (let i = 0; i < perAccount; i++) {
      const res = await attemptLogin(app, { email: nobody, password: "wrong password!" }, { remoteAddress: address2 });
      expectProblem(res, 401, "invalid-credentials");
    }
    const lockedUnknown = await attemptLogin(
      app,
      { email: nobody, password: testPassword },
      { remoteAddress: address2 },
    );
    expectProblem(lockedUnknown, 429, "too-many-attempts");
    expect(Number(lockedUnknown.headers["retry-after"])).toBeGreaterThan(0);
    const { retryAfterSeconds: _a, ...known } = locked.json();
    const { retryAfterSeconds: _b, ...unknown } = lockedUnknown.json();
    expect(unknown).toEqual(known);
  });

  it("a successful login resets the account's failure count", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const u = await createUser(db, t.tenant.id, t.organisation.id, "caseworker");
    const fail = async () =>
      expectProblem(
        await attemptLogin(app, { email: u.email, password: "wrong password!" }),
        401,
        "invalid-credentials",
      );
    for (let i = 0; i < perAccount - 1; i++) await fail();
    expect((await attemptLogin(app, { email: u.email, password: testPassword })).statusCode).toBe(200);
    for (let i = 0; i < perAccount - 1; i++) await fail();
    expect((await attemptLogin(app, { email: u.email, password: testPassword })).statusCode).toBe(200);
  });

  it("locks a client address after 30 failures, whichever accounts they were for", async () => {
    const app = await getTestApp();
    const t = await createTenant(app.database.db);
    const address = randomAddress();
    const batch = 5;
    for (let i = 0; i < perAddress; i += batch) {
      const results = await Promise.all(
        Array.from({ length: batch }, () =>
          attemptLogin(app, { email: uniqueEmail("guess"), password: "guessing 1234" }, { remoteAddress: address }),
        ),
      );
      for (const res of results) expectProblem(res, 401, "invalid-credentials");
    }
    const locked = await attemptLogin(
      app,
      { email: t.admin.email, password: testPassword },
      { remoteAddress: address },
    );
    expectProblem(locked, 429, "too-many-attempts");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    // The account itself is not locked: from another address it signs in.
    expect((await attemptLogin(app, { email: t.admin.email, password: testPassword })).statusCode).toBe(200);
  });

  /** 49 wrong passwords and the right one, in random order, all at once from one address. */
  async function burst(app: TestApp, email: string) {
    const passwords = [...Array.from({ length: 49 }, (_, i) => `wrong password ${i}`), testPassword];
    for (let i = passwords.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [passwords[i], passwords[j]] = [passwords[j] as string, passwords[i] as string];
    }
    const address = randomAddress();
    const answers = await Promise.all(
      passwords.map((password) => attemptLogin(app, { email, password }, { remoteAddress: address })),
    );
    const byStatus = (status: number) => answers.filter((a) => a.statusCode === status);
    const correct = answers[passwords.indexOf(testPassword)];
    return { answers, correct, ok: byStatus(200), wrong: byStatus(401), locked: byStatus(429) };
  }

  it("counts parallel attempts before evaluating them: of 50 at once at most 5 passwords are checked", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const u = await createUser(db, t.tenant.id, t.organisation.id, "caseworker");
    const b = await burst(app, u.email);
    expect(b.ok.length + b.wrong.length + b.locked.length).toBe(50);
    for (const res of b.locked) expectProblem(res, 429, "too-many-attempts");
    for (const res of b.wrong) expectProblem(res, 401, "invalid-credentials");
    // Wrong passwords evaluated, as the audit saw them: never more than the limit.
    const failed = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.login.failed"), eq(auditEvents.subjectId, u.id)));
    expect(failed.length).toBe(b.wrong.length);
    expect(b.wrong.length).toBeLessThanOrEqual(perAccount);
    if (b.correct?.statusCode === 200) {
      // The right password came within the first five: that sign-in is legitimate.
      expect(b.ok).toHaveLength(1);
    } else {
      // Otherwise the limit was reached by wrong ones and the right one was refused unheard.
      expect(b.ok).toHaveLength(0);
      expect(b.wrong).toHaveLength(perAccount);
      expect(b.locked).toHaveLength(50 - perAccount);
      expectProblem(b.correct as never, 429, "too-many-attempts");
      expect(await sessionsOf(app, u.id)).toHaveLength(0);
      expectProblem(await attemptLogin(app, { email: u.email, password: testPassword }), 429, "too-many-attempts");
    }
  });

  it("refuses the right password unheard once parallel wrong ones reached the limit", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const u = await createUser(db, t.tenant.id, t.organisation.id, "caseworker");
    const address = randomAddress();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        attemptLogin(app, { email: u.email, password: `wrong password ${i}` }, { remoteAddress: address }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(perAccount);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(50 - perAccount);
    // From any address, with the right password: still locked.
    expectProblem(await attemptLogin(app, { email: u.email, password: testPassword }), 429, "too-many-attempts");
    expect(await sessionsOf(app, u.id)).toHaveLength(0);
  });

  it("answers a parallel burst for an unknown e-mail address exactly like one for an account", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const u = await createUser(db, t.tenant.id, t.organisation.id, "caseworker");
    const address = randomAddress();
    const wrongBurst = (email: string) =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          attemptLogin(app, { email, password: `wrong password ${i}` }, { remoteAddress: address }),
        ),
      );
    const known = await wrongBurst(u.email);
    const unknown = await wrongBurst(uniqueEmail("nobody"));
    const statuses = (answers: typeof known) => answers.map((a) => a.statusCode).sort();
    expect(statuses(unknown)).toEqual(statuses(known));
    const body = (answers: typeof known, status: number) => {
      const { retryAfterSeconds: _r, ...rest } = answers.find((a) => a.statusCode === status)?.json() ?? {};
      return rest;
    };
    expect(body(unknown, 429)).toEqual(body(known, 429));
    expect(body(unknown, 401)).toEqual(body(known, 401));
  });

  it("after a few wrong passwords the right one signs in and resets the count; a pending TOTP step does not count", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const u = await createUser(db, t.tenant.id, t.organisation.id, "caseworker");
    const wrong = () =>
      Promise.all(
        Array.from({ length: perAccount - 1 }, () =>
          attemptLogin(app, { email: u.email, password: "wrong password!" }),
        ),
      );
    for (const res of await wrong()) expectProblem(res, 401, "invalid-credentials");
    expect((await attemptLogin(app, { email: u.email, password: testPassword })).statusCode).toBe(200);
    for (const res of await wrong()) expectProblem(res, 401, "invalid-credentials");
    expect((await attemptLogin(app, { email: u.email, password: testPassword })).statusCode).toBe(200);

    // An enrolled user's first step (right password, no code yet) gives its attempt back.
    const secret = newTotpSecret();
    await db
      .update(users)
      .set({ totpSecret: secret, totpEnabledAt: new Date() })
      .where(and(eq(users.tenantId, t.tenant.id), eq(users.id, u.id)));
    for (const res of await wrong()) expectProblem(res, 401, "invalid-credentials");
    for (let i = 0; i < 3; i++) {
      expectProblem(await attemptLogin(app, { email: u.email, password: testPassword }), 401, "totp-required");
    }
    const signedIn = await attemptLogin(app, {
      email: u.email,
      password: testPassword,
      totp: await currentTotp(secret),
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
  });
});

describe("TOTP", () => {
  let app2fa: TestApp;
  beforeAll(async () => {
    app2fa = await createTestApp({ require2fa: true });
  });

  it("a user without TOTP must enrol first; the next logins need the code", async () => {
    const app = app2fa;
    const db = app.database.db;
    const t = await createTenant(db);
    const u = await createUser(db, t.tenant.id, t.organisation.id, "case_manager");
    const c = client(app);
    const res = await c.post(`${api}/auth/login`, { email: u.email, password: testPassword });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().secondFactor).toBe("enrol");
    const [session] = await db
      .select()
      .from(sessions)
      .where(eq(sessions.id, sessionId(c.cookie as string)));
    expect(session?.secondFactorDone).toBe(false);

    // Before enrolment: only me, enrolment and logout are open.
    expectProblem(await c.get(`${api}/organisations`), 403, "second-factor-required");
    expectProblem(await c.patch(`${api}/auth/me`, { locale: "en" }), 403, "second-factor-required");
    expectProblem(
      await c.post(`${api}/auth/password`, { currentPassword: testPassword, newPassword }),
      403,
      "second-factor-required",
    );
    const me = await c.get(`${api}/auth/me`);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: u.id }, secondFactor: "enrol", totpEnabled: false });

    // Anonymous enrolment is impossible.
    expectProblem(await client(app).post(`${api}/auth/totp/setup`), 401, "unauthenticated");

    const setup = await c.post(`${api}/auth/totp/setup`);
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, uri, qrSvg } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("issuer=Strang");
    expect(qrSvg).toMatch(/<svg[\s\S]*<\/svg>/);
    const pending = await userRow(app, t.tenant.id, u.id);
    expect(pending.totpSecret).toBe(secret);
    expect(pending.totpEnabledAt).toBeNull();

    expectProblem(await c.post(`${api}/auth/totp/confirm`, { code: "12ab" }), 400, "validation-error", ["code"]);
    expectProblem(
      await c.post(`${api}/auth/totp/confirm`, { code: await wrongCode(secret), extra: 1 }),
      400,
      "validation-error",
    );
    expectProblem(await c.post(`${api}/auth/totp/confirm`, { code: await wrongCode(secret) }), 401, "invalid-totp");
    expectProblem(await c.get(`${api}/organisations`), 403, "second-factor-required");
    expect((await userRow(app, t.tenant.id, u.id)).totpEnabledAt).toBeNull();

    const enrolmentCode = await currentTotp(secret);
    const confirmed = await c.post(`${api}/auth/totp/confirm`, { code: enrolmentCode });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ user: { id: u.id }, secondFactor: "done", totpEnabled: true });
    expect((await c.get(`${api}/organisations`)).statusCode).toBe(200);
    expect((await userRow(app, t.tenant.id, u.id)).totpEnabledAt).not.toBeNull();
    expectProblem(await c.post(`${api}/auth/totp/setup`), 409, "conflict");
    const enrolled = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.tenant.id), eq(auditEvents.action, "auth.totp.enrolled")));
    expect(enrolled).toHaveLength(1);
    expect(enrolled[0]?.actorUserId).toBe(u.id);
    expect(JSON.stringify(enrolled[0])).not.toContain(secret);

    // From now on the login needs the code.
    const noCode = await attemptLogin(app, { email: u.email, password: testPassword });
    expectProblem(noCode, 401, "totp-required");
    expect(noCode.cookies).toHaveLength(0);
    const rid = requestId();
    const badCode = await attemptLogin(
      app,
      { email: u.email, password: testPassword, totp: await wrongCode(secret) },
      { headers: { "x-request-id": rid } },
    );
    expectProblem(badCode, 401, "invalid-totp");
    expect(badCode.cookies).toHaveLength(0);
    expect((await auditOfRequest(app, rid))[0]).toMatchObject({ action: "auth.totp.failed", subjectId: u.id });
    // A wrong password with the right code is still just invalid credentials.
    expectProblem(
      await attemptLogin(app, { email: u.email, password: "wrong password!", totp: await currentTotp(secret) }),
      401,
      "invalid-credentials",
    );
    // The enrolment used this step's code: it is not accepted a second time (replay), the next step's is.
    const replay = await attemptLogin(app, { email: u.email, password: testPassword, totp: enrolmentCode });
    expectProblem(replay, 401, "invalid-totp");
    const ok = await attemptLogin(app, { email: u.email, password: testPassword, totp: await currentTotp(secret, 1) });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await attemptLogin(app, {
      email: u.email,
      password: testPassword,
      totp: await currentTotp(secret, 1),
    });
    expectProblem(again, 401, "invalid-totp");
    expect(ok.json().secondFactor).toBe("done");
    const full = client(app, `strang_session=${ok.cookies.find((k) => k.name === "strang_session")?.value}`);
    expect((await full.get(`${api}/organisations`)).statusCode).toBe(200);
  });

  it("does not ask the steering role to enrol", async () => {
    const app = app2fa;
    const t = await createTenant(app.database.db);
    const u = await createUser(app.database.db, t.tenant.id, t.organisation.id, "steering");
    const c = client(app);
    const res = await c.post(`${api}/auth/login`, { email: u.email, password: testPassword });
    expect(res.statusCode).toBe(200);
    expect(res.json().secondFactor).toBe("done");
    expect((await c.get(`${api}/organisations`)).statusCode).toBe(200);
  });

  it("asks for the code of an enrolled user even when 2FA is not required", async () => {
    const app = await getTestApp();
    expect(app.config.require2fa).toBe(false);
    const secret = newTotpSecret();
    const t = await createTenant(app.database.db);
    const u = await createUser(app.database.db, t.tenant.id, t.organisation.id, "caseworker", { totpSecret: secret });
    expectProblem(await attemptLogin(app, { email: u.email, password: testPassword }), 401, "totp-required");
    const ok = await attemptLogin(app, { email: u.email, password: testPassword, totp: await currentTotp(secret) });
    expect(ok.statusCode).toBe(200);
    // Nobody without TOTP is asked to enrol when it is not required.
    const plain = await attemptLogin(app, { email: t.admin.email, password: testPassword });
    expect(plain.json().secondFactor).toBe("done");
  });
});

describe("POST /auth/password", () => {
  it("checks 401, 400, then changes the password and ends the other sessions", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const u = await createUser(db, t.tenant.id, t.organisation.id, "caseworker");
    const url = `${api}/auth/password`;
    expectProblem(await client(app).post(url, { currentPassword: testPassword, newPassword }), 401, "unauthenticated");

    const c = await login(app, u.email);
    const other = await login(app, u.email);
    const before = await userRow(app, t.tenant.id, u.id);
    expectProblem(await c.post(url, { currentPassword: "not my password", newPassword }), 400, "validation-error", [
      "currentPassword",
    ]);
    expectProblem(await c.post(url, { currentPassword: testPassword, newPassword: "short" }), 400, "validation-error", [
      "newPassword",
    ]);
    expectProblem(
      await c.post(url, { currentPassword: testPassword, newPassword, also: "this" }),
      400,
      "validation-error",
      ["also"],
    );
    expect((await userRow(app, t.tenant.id, u.id)).passwordHash).toBe(before.passwordHash);
    expect((await other.get(`${api}/auth/me`)).statusCode).toBe(200);

    const rid = requestId();
    const res = await c.request({
      method: "POST",
      url,
      payload: { currentPassword: testPassword, newPassword },
      headers: { "x-request-id": rid },
    });
    expect(res.statusCode, res.body).toBe(204);
    // This browser keeps working with a fresh session; every other session is gone.
    expect((await c.get(`${api}/auth/me`)).statusCode).toBe(200);
    expectProblem(await other.get(`${api}/auth/me`), 401, "unauthenticated");
    expect(await sessionsOf(app, u.id)).toHaveLength(1);
    const after = await userRow(app, t.tenant.id, u.id);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.version).toBe(before.version + 1);

    expectProblem(await attemptLogin(app, { email: u.email, password: testPassword }), 401, "invalid-credentials");
    expect((await attemptLogin(app, { email: u.email, password: newPassword })).statusCode).toBe(200);

    const [row] = await auditOfRequest(app, rid);
    expect(row).toMatchObject({
      action: "user.updated",
      subjectId: u.id,
      details: { after: { passwordHash: "[secret]" } },
    });
    const text = JSON.stringify(row);
    expect(text).not.toContain(newPassword);
    expect(text).not.toContain(testPassword);
    expect(text).not.toContain("$argon2");
  });
});

describe("/auth/me", () => {
  it("checks 401, 403 and 400, then changes the language", async () => {
    const app = await getTestApp();
    const t = await createTenant(app.database.db);
    const url = `${api}/auth/me`;
    expectProblem(await client(app).patch(url, { locale: "en" }), 401, "unauthenticated");
    const c = await login(app, t.admin.email);
    expectProblem(
      await app.inject({ method: "PATCH", url, payload: { locale: "en" }, headers: { cookie: c.cookie as string } }),
      403,
      "csrf-header-missing",
    );
    expectProblem(await c.patch(url, { locale: "fr" }), 400, "validation-error", ["locale"]);
    expectProblem(await c.patch(url, { role: "dpo" }), 400, "validation-error", ["role"]);
    expectProblem(await c.patch(url, { name: "" }), 400, "validation-error", ["name"]);
    expect((await userRow(app, t.tenant.id, t.admin.id)).locale).toBe("de");

    const res = await c.patch(url, { locale: "en" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      user: { id: t.admin.id, locale: "en", role: "tenant_admin" },
      organisation: { id: t.organisation.id },
      tenant: { id: t.tenant.id },
      abilities: { manageOrganisations: true, viewAudit: true },
    });
    expect((await userRow(app, t.tenant.id, t.admin.id)).locale).toBe("en");
    expect((await c.get(url)).json().user.locale).toBe("en");
    const again = await attemptLogin(app, { email: t.admin.email, password: testPassword });
    expect(again.json().user.locale).toBe("en");
  });
});
