import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../test/case-file-factories.js";
import { attemptLogin, createTenant, login, randomAddress, testPassword, uniqueEmail } from "../../test/factories.js";
import { createTestApp, getTestApp, type TestApp } from "../../test/test-app.js";
import { loginThrottle } from "../auth/auth.tables.js";
import { throttleKeys } from "../auth/throttle.js";
import { ConfigError, loadConfig } from "../config.js";

describe("app smoke", () => {
  // The first app of the file migrates its database: in a hook, whose timeout allows for that.
  beforeAll(() => getTestApp());

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
