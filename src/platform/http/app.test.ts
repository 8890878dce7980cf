import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { features } from "../../features/index.js";
import { expectProblem } from "../../test/case-file-factories.js";
import { attemptLogin, createTenant, login, randomAddress, testPassword, uniqueEmail } from "../../test/factories.js";
import { createTestApp, getTestApp, type TestApp, testConfig } from "../../test/test-app.js";
import { loginThrottle } from "../auth/auth.tables.js";
import { throttleKeys } from "../auth/throttle.js";
import { type Config, ConfigError, loadConfig } from "../config.js";
import { buildApp } from "./app.js";
import type { App } from "./context.js";
import { policy } from "./policy.js";

// The shared app migrates its database: in a hook, whose timeout allows for that.
beforeAll(() => getTestApp());

describe("app smoke", () => {
  it("answers health and signs in the tenant admin", async () => {
    const app = await getTestApp();
    expect((await app.inject({ url: "/health" })).json()).toEqual({ status: "ok" });
    const t = await createTenant(app.database.db);
    const c = await login(app, t.admin.email);
    const me = await c.get("/api/v1/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().user.role).toBe("tenant_admin");
  });
});

describe("STRANG_TRUST_PROXY", () => {
  const trustOf = (value: string | undefined) => loadConfig({ STRANG_TRUST_PROXY: value }).trustProxy;

  it("is a hop count or a list of proxy addresses and ranges; unset, 0 and false trust nobody", () => {
    expect(trustOf(undefined)).toBe(false);
    expect(trustOf("0")).toBe(false);
    expect(trustOf("false")).toBe(false);
    expect(trustOf("1")).toBe(1);
    expect(trustOf("true")).toBe(1);
    expect(trustOf("2")).toBe(2);
    expect(trustOf("10.0.0.1, 10.1.0.0/16,::1,fd00::/8,loopback")).toEqual([
      "10.0.0.1",
      "10.1.0.0/16",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
    for (const bad of ["yes", "10.0.0.1/33", "10.0.0.300", "10.0.0.1,", "-1"]) {
      expect(() => trustOf(bad), bad).toThrow(ConfigError);
    }
  });

  /** The failed-login counter of a client address (the throttle's bucket), if any. */
  async function bucketOf(app: TestApp, address: string) {
    const [row] = await app.database.db
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.key, throttleKeys("", address).address));
    return row?.failures ?? 0;
  }

  const failFrom = (app: TestApp, remoteAddress: string, forwardedFor?: string) =>
    attemptLogin(
      app,
      { email: uniqueEmail("guess"), password: "guessing 1234" },
      { remoteAddress, ...(forwardedFor ? { headers: { "x-forwarded-for": forwardedFor } } : {}) },
    );

  describe("one hop", () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await createTestApp({ trustProxy: loadConfig({ STRANG_TRUST_PROXY: "1" }).trustProxy });
    });

    it("takes the address the proxy saw: a client cannot rotate its bucket with left-most X-Forwarded-For values", async () => {
      const t = await createTenant(app.database.db);
      const proxy = randomAddress();
      const client = randomAddress();
      // The proxy appends the address it saw to whatever the client sent.
      const through = () => failFrom(app, proxy, `${randomAddress()}, ${client}`);
      for (let i = 0; i < 30; i += 5) {
        for (const res of await Promise.all(Array.from({ length: 5 }, through))) {
          expectProblem(res, 401, "invalid-credentials");
        }
      }
      expect(await bucketOf(app, client)).toBe(30);
      expect(await bucketOf(app, proxy)).toBe(0);
      const locked = await attemptLogin(
        app,
        { email: t.admin.email, password: testPassword },
        { remoteAddress: proxy, headers: { "x-forwarded-for": `${randomAddress()}, ${client}` } },
      );
      expectProblem(locked, 429, "too-many-attempts");
      // Another client behind the same proxy has a bucket of its own.
      const other = await attemptLogin(
        app,
        { email: t.admin.email, password: testPassword },
        { remoteAddress: proxy, headers: { "x-forwarded-for": randomAddress() } },
      );
      expect(other.statusCode, other.body).toBe(200);
    });
  });

  describe("a list of proxies", () => {
    const proxy = randomAddress();
    const range = `192.0.2.0/24`;
    let app: TestApp;
    beforeAll(async () => {
      app = await createTestApp({
        trustProxy: loadConfig({ STRANG_TRUST_PROXY: `${proxy}, ${range}` }).trustProxy,
      });
    });

    it("believes X-Forwarded-* only from a listed proxy, and only as far as the chain is listed", async () => {
      const client = randomAddress();
      expectProblem(await failFrom(app, proxy, client), 401, "invalid-credentials");
      expect(await bucketOf(app, client)).toBe(1);
      expect(await bucketOf(app, proxy)).toBe(0);

      // A forged left-most entry is not believed: the listed proxy saw `client2`.
      const client2 = randomAddress();
      const forged = randomAddress();
      expectProblem(await failFrom(app, proxy, `${forged}, ${client2}`), 401, "invalid-credentials");
      expect(await bucketOf(app, client2)).toBe(1);
      expect(await bucketOf(app, forged)).toBe(0);

      // Through a listed range too.
      const client3 = randomAddress();
      const inRange = `192.0.2.${Math.floor(Math.random() * 254) + 1}`;
      expectProblem(await failFrom(app, inRange, client3), 401, "invalid-credentials");
      expect(await bucketOf(app, client3)).toBe(1);

      // Anyone else speaking directly is its own address, whatever it claims.
      const direct = randomAddress();
      const claimed = randomAddress();
      expectProblem(await failFrom(app, direct, claimed), 401, "invalid-credentials");
      expect(await bucketOf(app, direct)).toBe(1);
      expect(await bucketOf(app, claimed)).toBe(0);
    });

    it("takes HTTPS from X-Forwarded-Proto only from a listed proxy (the session cookie is then Secure)", async () => {
      const t = await createTenant(app.database.db);
      const signIn = (remoteAddress: string) =>
        attemptLogin(
          app,
          { email: t.admin.email, password: testPassword },
          { remoteAddress, headers: { "x-forwarded-proto": "https", "x-forwarded-for": randomAddress() } },
        );
      const viaProxy = await signIn(proxy);
      expect(viaProxy.statusCode, viaProxy.body).toBe(200);
      expect(viaProxy.cookies[0]?.secure).toBe(true);
      const direct = await signIn(randomAddress());
      expect(direct.statusCode, direct.body).toBe(200);
      expect(direct.cookies[0]?.secure).toBeFalsy();
    });
  });
});

describe("the request log", () => {
  // Personal data a request may carry: in a query string, in a body, in a header.
  const marker = "Haddad-Amina-1984";

  /** An app on the shared test database whose log lines (pino JSON) are captured. */
  async function loggingApp(overrides: Partial<Config>) {
    const shared = await getTestApp();
    const lines: { level: number; msg?: string; reqId?: string; [key: string]: unknown }[] = [];
    const raw: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) {
          raw.push(line);
          lines.push(JSON.parse(line));
        }
        done();
      },
    });
    const failing = {
      prefix: "/api/v1",
      plugin: (app: App) => {
        app.get("/test-failure", { config: { policy: policy.public } }, async () => {
          throw new Error("something broke");
        });
      },
    };
    const app = await buildApp(
      {
        database: shared.database,
        storage: shared.deps.storage,
        config: testConfig({ logLevel: "info", ...overrides }),
      },
      [...features, failing],
      { logStream: stream },
    );
    await app.ready();
    const send = async () => {
      const answers = [
        await app.inject({ url: `/health?familyName=${marker}` }),
        await app.inject({
          method: "POST",
          url: `/api/v1/auth/login?note=${marker}`,
          payload: { email: `${marker}@example.org`, password: `${marker} password` },
          remoteAddress: randomAddress(),
          headers: { "x-note": marker, cookie: `strang_session=${marker}` },
        }),
        await app.inject({ url: `/api/v1/test-failure?q=${marker}` }),
      ];
      return answers.map((a) => a.statusCode);
    };
    return { app, lines, raw, send };
  }

  it("in demo mode logs no request at info, but still the failures", async () => {
    const { app, lines, raw, send } = await loggingApp({ demo: true });
    expect(await send()).toEqual([200, 401, 500]);
    await app.close();
    expect(lines.filter((l) => l.level === 30 && l.reqId)).toEqual([]);
    expect(lines.filter((l) => l.level === 30 && /request/.test(l.msg ?? ""))).toEqual([]);
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors.map((l) => l.msg)).toContain("request failed");
    for (const line of raw) expect(line).not.toContain(marker);
  });

  it("in demo mode with STRANG_LOG_LEVEL=debug shows the requests at debug", async () => {
    const { app, lines, raw, send } = await loggingApp({ demo: true, logLevel: "debug" });
    await send();
    await app.close();
    const completed = lines.filter((l) => l.msg === "request completed");
    expect(completed.length).toBeGreaterThanOrEqual(2);
    for (const l of completed) expect(l.level).toBe(20);
    for (const line of raw) expect(line).not.toContain(marker);
  });

  it("outside demo mode logs every request at info as JSON, without personal data", async () => {
    const { app, lines, raw, send } = await loggingApp({ demo: false });
    expect(await send()).toEqual([200, 401, 500]);
    await app.close();
    const completed = lines.filter((l) => l.level === 30 && l.msg === "request completed");
    expect(completed.map((l) => (l.res as { statusCode: number }).statusCode).sort()).toEqual([200, 401, 500]);
    for (const line of raw) expect(line).not.toContain(marker);
  });
});
