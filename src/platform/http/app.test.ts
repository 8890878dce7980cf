import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { features } from "../../features/index.js";
import {
  api,
  caseFileTenant,
  counts,
  expectProblem,
  multipart,
  registerPerson,
  samplePdf,
  upload,
} from "../../test/case-file-factories.js";
import {
  attemptLogin,
  createTenant,
  createUser,
  login,
  randomAddress,
  testPassword,
  uniqueEmail,
} from "../../test/factories.js";
import { createTestApp, getTestApp, type TestApp, testConfig } from "../../test/test-app.js";
import { loginThrottle } from "../auth/auth.tables.js";
import { throttleKeys } from "../auth/throttle.js";
import { type Config, ConfigError, loadConfig } from "../config.js";
import { buildApp } from "./app.js";
import type { App } from "./context.js";
import { encodeCursor } from "./pagination.js";
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
// Input PostgreSQL cannot store or compare (NUL, unpaired surrogates, integers beyond int4, dates
// that do not exist) is refused by the shared layer as 400, never reaching the database as a 500.
describe("odd input", () => {
  let app: TestApp;
  let t: Awaited<ReturnType<typeof caseFileTenant>>;
  beforeAll(async () => {
    app = await getTestApp();
    t = await caseFileTenant(app);
  });
  const db = () => app.database.db;

  describe("NUL and control characters", () => {
    it("login with a NUL in the e-mail answers 400 naming the field, the same for a real and an unknown account", async () => {
      const user = await createUser(db(), t.tenantId, t.io.id, "caseworker");
      const [local, domain] = user.email.split("@");
      const known = await attemptLogin(app, { email: `${local}\u0000@${domain}`, password: testPassword });
      const unknown = await attemptLogin(app, { email: "a\u0000b@x.de", password: testPassword });
      const a = expectProblem(known, 400, "validation-error", ["email"]);
      const b = expectProblem(unknown, 400, "validation-error", ["email"]);
      expect(a).toEqual(b);
      expect(known.cookies).toEqual([]);
      // The account is not locked or touched by the refused attempts: it still signs in.
      expect((await attemptLogin(app, { email: user.email, password: testPassword })).statusCode).toBe(200);
      expectProblem(
        await attemptLogin(app, { email: user.email, password: `x\u0000${testPassword}` }),
        400,
        "validation-error",
        ["password"],
      );
    });

    it("a NUL or a control character in any body text, however deep, answers 400 naming it and writes nothing", async () => {
      const before = await counts.persons(db(), t.tenantId);
      const c = t.cm.client;
      expectProblem(
        await c.post(`${api}/persons`, { givenNames: "Am\u0000ina", familyName: "Haddad" }),
        400,
        "validation-error",
        ["givenNames"],
      );
      expectProblem(
        await c.post(`${api}/persons`, { givenNames: "Amina", familyName: "Haddad", address: { city: "Kö\u0007ln" } }),
        400,
        "validation-error",
        ["address.city"],
      );
      expectProblem(
        await c.post(`${api}/persons`, {
          givenNames: "Amina",
          languages: [{ code: "ar\u0000", interpreterNeeded: true }],
        }),
        400,
        "validation-error",
        ["languages.0.code"],
      );
      expect(await counts.persons(db(), t.tenantId)).toBe(before);

      const p = await registerPerson(c);
      const record = await c.post(`${api}/persons/${p.id}/records`, {
        kind: "note",
        data: { text: "erste\u0000Zeile" },
      });
      expectProblem(record, 400, "validation-error", ["data.text"]);
      // A NUL in a key of free-form data is named too (jsonb refuses it just the same).
      const key = await c.post(`${api}/persons/${p.id}/records`, { kind: "note", data: { "te\u0000xt": "x" } });
      expectProblem(key, 400, "validation-error", ["data.te\\u0000xt"]);
      expectProblem(await c.patch(`${api}/auth/me`, { name: "Case\u0000Manager" }), 400, "validation-error", ["name"]);
      expectProblem(await c.patch(`${api}/auth/me`, { name: "Case\u001bManager" }), 400, "validation-error", ["name"]);
      expectProblem(await c.post(`${api}/households`, { name: "Haus\u0000halt" }), 400, "validation-error", ["name"]);
    });

    it("a NUL in a query parameter answers 400 naming query.q", async () => {
      const admin = await login(app, t.admin.email);
      expectProblem(await admin.get(`${api}/organisations?q=%00`), 400, "validation-error", ["query.q"]);
      expectProblem(await admin.get(`${api}/users?q=a%00b`), 400, "validation-error", ["query.q"]);
      const dpo = await t.user(t.io.id, "dpo");
      expectProblem(await dpo.client.get(`${api}/dpo/persons?q=Ha%00ddad`), 400, "validation-error", ["query.q"]);
      expectProblem(await t.cm.client.get(`${api}/persons?q=%01Haddad`), 400, "validation-error", ["query.q"]);
    });

    it("a path that is not valid percent-encoded UTF-8, or an overlong path segment, answers a 400 problem", async () => {
      const admin = await login(app, t.admin.email);
      for (const url of [
        `${api}/organisations/%ED%A0%80`,
        `${api}/code-lists/%FF`,
        `${api}/organisations/${"a".repeat(300)}`,
      ]) {
        const res = await admin.get(url);
        expectProblem(res, 400, "validation-error", ["url"]);
      }
      // A percent-encoding in the query that is no UTF-8 stays as it was sent: text, not an error.
      expect((await admin.get(`${api}/organisations?q=%ED%A0%80`)).statusCode).toBe(200);
    });

    it("a single-line field refuses line breaks and tabs; multi-line text keeps its newlines and tabs", async () => {
      const admin = await login(app, t.admin.email);
      expectProblem(
        await admin.post(`${api}/organisations`, { name: "Amt\tfür Integration", type: "jobcenter" }),
        400,
        "validation-error",
        ["name"],
      );
      const p = await registerPerson(t.cm.client);
      const text = "Erste Zeile\r\nZweite Zeile\n\tEingerückt";
      const note = await t.cm.client.post(`${api}/persons/${p.id}/records`, { kind: "note", data: { text } });
      expect(note.statusCode, note.body).toBe(201);
      expect(note.json().data.text).toBe(text);
    });
  });

  describe("unpaired surrogates", () => {
    it("a lone surrogate in body text answers 400 naming the field", async () => {
      const c = t.cm.client;
      for (const bad of ["\ud800x", "x\udc00", "\udbff"]) {
        expectProblem(
          await c.post(`${api}/persons`, { givenNames: "Amina", familyName: bad }),
          400,
          "validation-error",
          ["familyName"],
        );
      }
      const p = await registerPerson(c);
      expectProblem(
        await c.post(`${api}/persons/${p.id}/records`, { kind: "note", data: { text: "Notiz \ud83d" } }),
        400,
        "validation-error",
        ["data.text"],
      );
    });

    it("valid astral characters, diacritics, Arabic and Cyrillic script pass and round-trip", async () => {
      const c = t.cm.client;
      const givenNames = "Zoë 😀 𝔄";
      const familyName = "Ăçčéñţ أمينة Ковалёва";
      const p = await registerPerson(c, { givenNames, familyName, birthPlace: "Kraków 🏰" });
      const read = await c.get(`${api}/persons/${p.id}`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toMatchObject({ givenNames, familyName, birthPlace: "Kraków 🏰" });
      const note = await c.post(`${api}/persons/${p.id}/records`, {
        kind: "note",
        data: { text: "Gespräch 😀\n𝔄 ok" },
      });
      expect(note.statusCode, note.body).toBe(201);
      expect(note.json().data.text).toBe("Gespräch 😀\n𝔄 ok");
      const search = await c.get(`${api}/persons?q=${encodeURIComponent("Zoë 😀")}`);
      expect(search.statusCode, search.body).toBe(200);
    });
  });

  describe("versions beyond int4", () => {
    it("a body version or an If-Match above 2147483647 answers 400 naming it", async () => {
      const c = t.cm.client;
      const p = await registerPerson(c);
      for (const version of [2147483648, 1e12, 0, -1]) {
        expectProblem(
          await c.patch(`${api}/persons/${p.id}`, { birthPlace: "Aleppo", version }),
          400,
          "validation-error",
          ["version"],
        );
      }
      for (const ifMatch of ['"2147483648"', "1000000000000", 'W/"99999999999"', '"1e3"', '"0"']) {
        expectProblem(
          await c.patch(`${api}/persons/${p.id}`, { birthPlace: "Aleppo" }, { "if-match": ifMatch }),
          400,
          "validation-error",
          ["headers.if-match"],
        );
      }
      const hh = await c.post(`${api}/households`, { name: "Familie Haddad" });
      expect(hh.statusCode, hh.body).toBe(201);
      expectProblem(
        await c.patch(`${api}/households/${hh.json().id}`, { name: "Haddad", version: 2147483648 }),
        400,
        "validation-error",
        ["version"],
      );
      const record = await c.post(`${api}/persons/${p.id}/records`, { kind: "note", data: { text: "Notiz" } });
      expect(record.statusCode, record.body).toBe(201);
      const del = await c.request({
        method: "DELETE",
        url: `${api}/records/${record.json().id}`,
        headers: { "if-match": '"2147483648"' },
      });
      expectProblem(del, 400, "validation-error", ["headers.if-match"]);
      expect((await c.get(`${api}/persons/${p.id}`)).json().version).toBe(p.version);
      // The largest int4 is a well-formed version: a conflict, not a validation error.
      const max = await c.patch(`${api}/persons/${p.id}`, { birthPlace: "Aleppo" }, { "if-match": '"2147483647"' });
      expectProblem(max, 409, "version-conflict");
      const ok = await c.patch(`${api}/persons/${p.id}`, { birthPlace: "Aleppo" }, { "if-match": `W/"${p.version}"` });
      expect(ok.statusCode, ok.body).toBe(200);
    });
  });

  describe("cursors", () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const zero = "00000000-0000-0000-0000-000000000000";
    /** Bad for every sort key. */
    const badCursors = [
      cursor(["not-a-date", "x"]),
      cursor(["a\u0000b", zero]),
      cursor(["\ud800", zero]),
      cursor(["Haddad", "Amina", "not-a-uuid"]),
      cursor([1e308, zero]),
      cursor({ at: "2026-01-01T00:00:00.000Z" }),
      Buffer.from("\u0000").toString("base64url"),
      "!!!",
    ];
    /** Bad where the key is a point in time (a name may read like anything). */
    const badInstants = [
      cursor(["not-a-date", zero]),
      cursor(["2026-13-45T99:00:00Z", zero]),
      cursor(["2026-02-30T10:00:00.000Z", zero]),
      cursor(["0000-01-01T00:00:00.000Z", zero]),
    ];

    it("a cursor whose parts are not valid for the sort key answers 400 query.cursor on every list", async () => {
      const admin = await login(app, t.admin.email);
      const dpo = await t.user(t.io.id, "dpo");
      const p = await registerPerson(t.cm.client);
      const lists = [
        [t.cm.client, `${api}/referrals`, true],
        [t.cm.client, `${api}/notifications`, true],
        [t.cm.client, `${api}/persons/${p.id}/timeline`, true],
        [admin, `${api}/organisations`, false],
        [admin, `${api}/users`, false],
        [t.cm.client, `${api}/persons`, false],
        [t.cm.client, `${api}/duplicates`, false],
        [dpo.client, `${api}/audit`, false],
      ] as const;
      for (const [c, url, byTime] of lists) {
        for (const bad of byTime ? [...badCursors, ...badInstants] : badCursors) {
          const res = await c.get(`${url}?cursor=${bad}`);
          expect(res.statusCode, `${url} ${Buffer.from(bad, "base64url").toString()}: ${res.body}`).toBe(400);
          expectProblem(res, 400, "validation-error", ["query.cursor"]);
        }
      }
    });

    it("cursors the server hands out still page through the lists", async () => {
      const admin = await login(app, t.admin.email);
      await Promise.all([t.organisation("school"), t.organisation("kita")]);
      const first = await admin.get(`${api}/organisations?limit=1`);
      expect(first.statusCode, first.body).toBe(200);
      const next = first.json().nextCursor as string;
      expect(next).toEqual(expect.any(String));
      const second = await admin.get(`${api}/organisations?limit=1&cursor=${next}`);
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json().items[0].id).not.toBe(first.json().items[0].id);
      // A real timestamp with a valid id is a well-formed cursor, even when nothing follows it.
      const at = encodeCursor([new Date().toISOString(), "00000000-0000-0000-0000-000000000000"]);
      expect((await t.cm.client.get(`${api}/notifications?cursor=${at}`)).statusCode).toBe(200);
      expect((await t.cm.client.get(`${api}/referrals?cursor=${at}`)).statusCode).toBe(200);
    });
  });

  describe("malformed multipart", () => {
    it("an upload with no boundary, an unterminated body or a NUL in the title answers a 4xx problem and stores nothing", async () => {
      const c = t.cm.client;
      const p = await registerPerson(c);
      const url = `${api}/persons/${p.id}/documents`;
      const send = (payload: string | Buffer, contentType: string) =>
        c.request({ method: "POST", url, payload, headers: { "content-type": contentType } });
      const before = await counts.documents(db(), t.tenantId);

      expectProblem(await send("--b\r\n\r\n--b--\r\n", "multipart/form-data"), 400, "validation-error", ["body"]);
      expectProblem(await send("--b\r\n\r\n--b--\r\n", "multipart/form-data; boundary="), 400, "validation-error", [
        "body",
      ]);
      expectProblem(
        await send("--b\r\n\r\n--b--\r\n", `multipart/form-data; boundary=${"b".repeat(300)}`),
        400,
        "validation-error",
        ["body"],
      );
      const unterminated = 'Content-Disposition: form-data; name="category"\r\n\r\nidentity';
      expectProblem(await send(`--b\r\n${unterminated}`, "multipart/form-data; boundary=b"), 400, "validation-error", [
        "body",
      ]);
      const file = multipart([
        { name: "category", value: "identity" },
        { name: "file", filename: "a.pdf", contentType: "application/pdf", data: samplePdf() },
      ]);
      const cut = file.payload.subarray(0, file.payload.length - 20);
      expectProblem(await send(cut, file.headers["content-type"] as string), 400, "validation-error", ["body"]);
      expectProblem(await send("--b--\r\n", "multipart/mixed; boundary=b"), 415, "unsupported-media-type");
      expectProblem(
        await upload(
          c,
          p.id,
          { filename: "a.pdf", contentType: "application/pdf", data: samplePdf() },
          {
            category: "identity",
            title: "Pass\u0000kopie",
          },
        ),
        400,
        "validation-error",
        ["title"],
      );
      expect(await counts.documents(db(), t.tenantId)).toBe(before);
      // A well-formed upload still works, with a title in any script.
      const ok = await upload(
        c,
        p.id,
        { filename: "ü.pdf", contentType: "application/pdf", data: samplePdf() },
        {
          category: "identity",
          title: "Pass 😀 جواز",
        },
      );
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().title).toBe("Pass 😀 جواز");
    });

    it("a form sent to a route that takes JSON answers 415 instead of passing for no body", async () => {
      const c = await login(app, t.admin.email);
      const form = multipart([{ name: "name", value: "Amt" }]);
      expectProblem(
        await c.request({ method: "POST", url: `${api}/auth/logout`, ...form }),
        415,
        "unsupported-media-type",
      );
      expectProblem(
        await c.request({ method: "POST", url: `${api}/organisations`, ...form }),
        415,
        "unsupported-media-type",
      );
      // Still signed in: the form did not sign the user out.
      expect((await c.get(`${api}/auth/me`)).statusCode).toBe(200);
    });
  });
});
