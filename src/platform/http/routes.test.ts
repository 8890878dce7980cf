// Every registered route: it declares a policy, and no malformed request makes it answer 5xx or
// write anything. New routes are covered without touching this file.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { features } from "../../features/index.js";
import { expectProblem, multipart, registerPerson, samplePdf } from "../../test/case-file-factories.js";
import { tenantWithEveryRole } from "../../test/factories.js";
import { type Client, getTestApp, type TestApp } from "../../test/test-app.js";
import { type Db, queryRows } from "../db/client.js";
import type { Role } from "../domain.js";
import { buildApp, type RegisteredRoute, webRoot } from "./app.js";
import { policy } from "./policy.js";

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** The only routes anybody may call without signing in. Adding one is a decision: add it here. */
const publicRoutes = [
  "GET /api/openapi.json",
  "GET /health",
  "GET /ready",
  "POST /api/v1/auth/login",
  // The web app's entry page, when the web app is built.
  ...(webRoot ? ["GET /"] : []),
];
/** Routes whose path parameters are not ids. */
const nonIdParams = new Set(["list", "language"]);

const paramsOf = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
const fill = (url: string, value: (param: string) => string) => url.replace(/:(\w+)/g, (_, p: string) => value(p));

type Res = { statusCode: number; headers: Record<string, unknown>; body: string };

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** The input JSON schema of a route's zod schema (body or querystring). */
const inputSchema = (schema: unknown): JsonSchema | undefined =>
  schema ? (z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" }) as JsonSchema) : undefined;

/**
 * A body shaped like the schema, with every string set to `text` (and every `version` to
 * `version`), and the paths of its strings: what the shared text rule must name.
 */
function sampleBody(root: JsonSchema, text: string, version = 1): { body: unknown; strings: string[] } {
  const strings: string[] = [];
  const walk = (s: JsonSchema, path: string, depth: number): unknown => {
    if (s.$ref) return walk(root.$defs?.[s.$ref.replace("#/$defs/", "")] ?? {}, path, depth);
    const option = s.oneOf?.[0] ?? s.anyOf?.find((o) => o.type !== "null") ?? s.allOf?.[0];
    if (option) return walk(option, path, depth);
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
    if (type === "object" && depth < 5) {
      const entries = Object.entries(s.properties ?? {}).map(([k, v]) => {
        const p = path ? `${path}.${k}` : k;
        return [k, k === "version" && !path ? version : walk(v, p, depth + 1)];
      });
      return Object.fromEntries(entries);
    }
    if (type === "array" && s.items && depth < 5) return [walk(s.items, `${path}.0`, depth + 1)];
    if (type === "string") {
      strings.push(path);
      return text;
    }
    if (type === "integer" || type === "number") return 1;
    if (type === "boolean") return true;
    return null;
  };
  return { body: walk(root, "", 0), strings };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const zeroId = "00000000-0000-0000-0000-000000000000";
/** Forged cursors; `always`: bad for every sort key (a name may read like a date that does not exist). */
const badCursors = [
  { cursor: b64(["not-a-date", "x"]), always: true },
  { cursor: Buffer.from("\u0000").toString("base64url"), always: true },
  { cursor: b64(["a\u0000b", zeroId]), always: true },
  { cursor: b64(["\ud800", zeroId]), always: true },
  { cursor: b64(["2026-13-45T99:00:00Z", zeroId]), always: false },
];

function expectClientError(res: Res, what: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(String(res.headers["content-type"]), what).toContain("application/problem+json");
  expect(JSON.parse(res.body).type, what).toMatch(/^\/problems\/[a-z-]+$/);
}

/**
 * A fingerprint of everything a tenant owns, table by table (sessions aside: reading touches
 * them). Audit rows only by count, since sealing fills in their chain columns at any time.
 */
async function tenantSnapshot(db: Db, tenantId: string): Promise<Record<string, string>> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'tenant_id'
          and table_name not in ('sessions', 'audit_events')
        order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await queryRows<{ n: number; h: string }>(
      db,
      sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h
          from ${sql.identifier(table_name)} t where tenant_id = ${tenantId}::uuid`,
    );
    out[table_name] = `${row?.n}:${row?.h}`;
  }
  const [audit] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from audit_events where tenant_id = ${tenantId}::uuid`,
  );
  out.audit_events = String(audit?.n);
  return out;
}

describe("registered routes", () => {
  let app: TestApp;
  let t: Awaited<ReturnType<typeof tenantWithEveryRole>>;
  beforeAll(async () => {
    app = await getTestApp();
    t = await tenantWithEveryRole(app);
  });

  /** A client allowed past the route's role check, so that the request reaches validation. */
  const clientFor = (route: RegisteredRoute): Client => {
    const roles = route.policy.kind === "authenticated" ? route.policy.roles : undefined;
    const role: Role = !roles || roles.includes("tenant_admin") ? "tenant_admin" : (roles[0] as Role);
    return t.clients[role];
  };

  it("every route declares a policy; only the known routes are public", () => {
    expect(app.registeredRoutes.length).toBeGreaterThan(20);
    for (const r of app.registeredRoutes) {
      expect(["public", "authenticated"], `${r.method} ${r.url}`).toContain(r.policy?.kind);
    }
    const open = app.registeredRoutes.filter((r) => r.policy.kind === "public").map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([...publicRoutes].sort());
    for (const r of app.registeredRoutes) {
      if (r.url.startsWith("/api/v1/") && !publicRoutes.includes(`${r.method} ${r.url}`)) {
        expect(r.policy.kind, `${r.method} ${r.url}`).toBe("authenticated");
      }
    }
  });

  it("a route without a policy does not register: the app refuses to build", async () => {
    const sneaky = {
      prefix: "/api/v1",
      plugin: (scope: TestApp) => {
        scope.get("/sneaky", async () => ({ secret: true }));
      },
    };
    await expect(
      buildApp(app.deps, [...features, sneaky as (typeof features)[number]], { logger: false }),
    ).rejects.toThrow(/GET \/api\/v1\/sneaky declares no policy/);
    const withConfigOnly = {
      prefix: "/api/v1",
      plugin: (scope: TestApp) => {
        scope.post("/sneaky", { config: {} }, async () => ({}));
      },
    };
    await expect(
      buildApp(app.deps, [...features, withConfigOnly as (typeof features)[number]], { logger: false }),
    ).rejects.toThrow(/declares no policy/);
    // With a policy the same route registers.
    const declared = {
      prefix: "/api/v1",
      plugin: (scope: TestApp) => {
        scope.get("/declared", { config: { policy: policy.authenticated() } }, async () => ({}));
      },
    };
    const ok = await buildApp(app.deps, [...features, declared as (typeof features)[number]], { logger: false });
    try {
      expect(ok.registeredRoutes.map((r) => r.url)).toContain("/api/v1/declared");
      const res = await ok.inject({ url: "/api/v1/declared" });
      expectProblem(res, 401, "unauthenticated");
    } finally {
      await ok.close();
    }
  });

  it("malformed, wrongly shaped, unknown-field and oversize bodies answer 4xx problems and write nothing", async () => {
    const db = app.database.db;
    const before = await tenantSnapshot(db, t.tenant.id);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["organisations", "users", "persons", "audit_events"]));
    const targets = app.registeredRoutes.filter((r) => r.hasBody || stateChanging.has(r.method));
    expect(targets.length).toBeGreaterThan(10);
    const oversize = JSON.stringify({ name: "x".repeat(app.config.maxBodyBytes + 1024) });
    const badBodies = [
      { name: "a JSON array", payload: JSON.stringify([{ name: "x" }]) },
      {
        name: "unknown field, wrong types",
        payload: JSON.stringify({ unexpectedField: true, name: 42, type: [], email: {}, version: "x" }),
      },
      { name: "oversize", payload: oversize },
    ];
    for (const route of targets) {
      const c = clientFor(route);
      const url = fill(route.url, () => randomUUID());
      const send = (payload: string) =>
        c.request({ method: route.method as "POST", url, payload, headers: { "content-type": "application/json" } });
      const what = (body: string) => `${route.method} ${route.url} with ${body}`;

      // Malformed JSON is refused by the parser; a route that takes no JSON (an upload) refuses
      // any JSON body by its media type.
      const malformed = await send('{"name": "Strang", ');
      expectClientError(malformed, what("malformed JSON"));
      const takesJson = malformed.statusCode !== 415;
      if (takesJson) expectProblem(malformed, 400, "malformed-json");
      else expectProblem(malformed, 415, "unsupported-media-type");

      for (const body of badBodies) {
        const res = await send(body.payload);
        expectClientError(res, what(body.name));
        if (!takesJson) expectProblem(res, 415, "unsupported-media-type");
        else if (body.payload === oversize) expectProblem(res, 413, "payload-too-large");
        // A route with a body schema names the wrong fields; one without refuses any body.
        else expectProblem(res, 400, "validation-error", route.hasBody ? [] : ["body"]);
      }
      if (route.hasBody) {
        const res = await c.request({ method: route.method as "POST", url, payload: { unexpectedField: true } });
        expectProblem(res, 400, "validation-error");
        expect(res.json().errors.length, what("an unknown field")).toBeGreaterThan(0);
      }
    }
    // The session survived every bad request and nothing was written.
    expect((await t.clients.tenant_admin.get("/api/v1/auth/me")).statusCode).toBe(200);
    expect(await tenantSnapshot(db, t.tenant.id)).toEqual(before);
  });

  it("a path parameter that is not an id answers 400 naming it, on every route", async () => {
    const db = app.database.db;
    const before = await tenantSnapshot(db, t.tenant.id);
    const withParams = app.registeredRoutes.filter((r) => paramsOf(r.url).length > 0);
    expect(withParams.length).toBeGreaterThan(10);
    for (const route of withParams) {
      const c = clientFor(route);
      for (const param of paramsOf(route.url)) {
        const url = fill(route.url, (p) => (p === param ? "not-a-uuid" : randomUUID()));
        let res = await c.request({
          method: route.method as "POST",
          url,
          ...(stateChanging.has(route.method) ? { payload: {} } : {}),
        });
        // An upload route takes multipart only: ask again with an (empty) multipart body.
        if (res.statusCode === 415) {
          res = await c.request({
            method: route.method as "POST",
            url,
            payload: "--b--\r\n",
            headers: { "content-type": "multipart/form-data; boundary=b" },
          });
        }
        const what = `${route.method} ${route.url} with ${param}=not-a-uuid`;
        if (nonIdParams.has(param)) {
          expectClientError(res, what);
        } else {
          expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
          expectProblem(res, 400, "validation-error", [`params.${param}`]);
        }
      }
    }
    expect(await tenantSnapshot(db, t.tenant.id)).toEqual(before);
  });

  it("NUL and lone surrogates in text, versions beyond int4, forged cursors and malformed multipart answer 4xx problems and write nothing", async () => {
    const db = app.database.db;
    const upload = app.registeredRoutes.find((r) => r.url === "/api/v1/persons/:id/documents" && r.method === "POST");
    expect(upload).toBeDefined();
    // The upload parses its body only for a person the actor sees: give it one.
    const uploader = clientFor(upload as RegisteredRoute);
    const person = await registerPerson(uploader);
    const before = await tenantSnapshot(db, t.tenant.id);
    const started = Date.now();
    const checked = { nul: 0, surrogate: 0, version: 0, cursor: 0 };

    for (const route of app.registeredRoutes) {
      const c = clientFor(route);
      const url = fill(route.url, (p) => (route === upload && p === "id" ? person.id : randomUUID()));
      const isUpload = route === upload;
      const what = (input: string) => `${route.method} ${route.url} with ${input}`;
      const request = (options: { url?: string; payload?: unknown; headers?: Record<string, string> }) =>
        c.request({
          method: route.method as "POST",
          url: options.url ?? url,
          ...(options.payload === undefined ? {} : { payload: options.payload as string }),
          ...(options.headers ? { headers: options.headers } : {}),
        });
      // The upload takes multipart only; an empty form reaches the shared layer's checks.
      const empty = isUpload
        ? { payload: "--b--\r\n", headers: { "content-type": "multipart/form-data; boundary=b" } }
        : stateChanging.has(route.method)
          ? { payload: {} }
          : {};

      // A path parameter that is no UTF-8 cannot even be decoded: a problem all the same.
      for (const param of paramsOf(route.url)) {
        const res = await request({
          ...empty,
          url: fill(route.url, (p) => (p === param ? "%ED%A0%80" : randomUUID())),
        });
        expectProblem(res, 400, "validation-error", ["url"]);
      }

      // A NUL in the query, on every route, is named before any schema or handler sees it.
      const q = await request({ ...empty, url: `${url}?q=%00` });
      expectProblem(q, 400, "validation-error", ["query.q"]);

      if (stateChanging.has(route.method)) {
        const ifMatch = await request({ ...empty, headers: { ...empty.headers, "if-match": '"2147483648"' } });
        expectProblem(ifMatch, 400, "validation-error", ["headers.if-match"]);
        // A form sent to a route that takes JSON is refused by its media type, not taken as no body.
        if (!isUpload) {
          expectProblem(await request(multipart([{ name: "name", value: "x" }])), 415, "unsupported-media-type");
        }
      }

      const body = inputSchema(route.schema?.body);
      if (body) {
        for (const [name, text] of [
          ["NUL", "a\u0000b"],
          ["surrogate", "\ud800x"],
        ] as const) {
          const sample = sampleBody(body, text);
          if (sample.strings.length === 0) continue;
          const res = await request({ payload: sample.body });
          expectClientError(res, what(`${name} in every string`));
          const named = (JSON.parse(res.body).errors ?? []).map((e: { path: string }) => e.path);
          expect(res.statusCode, what(name)).toBe(400);
          expect(named.length, what(name)).toBe(Math.min(sample.strings.length, 20));
          for (const path of named) expect(sample.strings, what(name)).toContain(path);
          if (name === "NUL") checked.nul++;
          else checked.surrogate++;
        }
        if (body.properties?.version || Object.values(body.$defs ?? {}).some((d) => d.properties?.version)) {
          const sample = sampleBody(body, "x", 2147483648);
          const res = await request({ payload: sample.body });
          expectProblem(res, 400, "validation-error", ["version"]);
          checked.version++;
        }
      }

      const query = inputSchema(route.schema?.querystring);
      if (query?.properties?.cursor) {
        for (const { cursor, always } of badCursors) {
          const res = await request({ url: `${url}?cursor=${cursor}` });
          const input = what(`cursor ${Buffer.from(cursor, "base64url").toString()}`);
          if (!always && res.statusCode === 200) continue;
          expectClientError(res, input);
          // A person's list answers 404 for a person that is not there before it reads the cursor.
          if (paramsOf(route.url).length === 0) expectProblem(res, 400, "validation-error", ["query.cursor"]);
        }
        checked.cursor++;
      }
    }

    const send = (payload: string | Buffer, contentType: string) =>
      uploader.request({
        method: "POST",
        url: `/api/v1/persons/${person.id}/documents`,
        payload,
        headers: { "content-type": contentType },
      });
    const file = multipart([
      { name: "category", value: "identity" },
      { name: "file", filename: "a.pdf", contentType: "application/pdf", data: samplePdf() },
    ]);
    const fileType = file.headers["content-type"] as string;
    const malformed: [string, string | Buffer, string][] = [
      ["no boundary", "--b\r\n\r\n--b--\r\n", "multipart/form-data"],
      ["an empty boundary", "--b\r\n\r\n--b--\r\n", "multipart/form-data; boundary="],
      ["a boundary of 300 characters", "--b--\r\n", `multipart/form-data; boundary=${"b".repeat(300)}`],
      [
        "an unterminated body",
        '--b\r\nContent-Disposition: form-data; name="category"\r\n\r\nidentity',
        "multipart/form-data; boundary=b",
      ],
      ["a file cut off", file.payload.subarray(0, file.payload.length - 20), fileType],
      ["a part without headers", "--b\r\nidentity\r\n--b--\r\n", "multipart/form-data; boundary=b"],
      ["garbage", Buffer.from([0xff, 0xfe, 0x00, 0x01]), "multipart/form-data; boundary=b"],
    ];
    for (const [name, payload, type] of malformed) {
      const res = await send(payload, type);
      expectClientError(res, `upload with ${name}`);
    }
    const nulTitle = multipart([
      { name: "category", value: "identity" },
      { name: "title", value: "a\u0000b" },
      { name: "file", filename: "a.pdf", contentType: "application/pdf", data: samplePdf() },
    ]);
    expectProblem(await send(nulTitle.payload, nulTitle.headers["content-type"] as string), 400, "validation-error", [
      "title",
    ]);

    // Every class of input reached the routes it concerns.
    expect(checked.nul).toBeGreaterThan(30);
    expect(checked.surrogate).toBe(checked.nul);
    expect(checked.version).toBeGreaterThanOrEqual(10);
    expect(checked.cursor).toBeGreaterThanOrEqual(7);
    // Keep the walk cheap enough for both databases in CI.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await t.clients.tenant_admin.get("/api/v1/auth/me")).statusCode).toBe(200);
    expect(await tenantSnapshot(db, t.tenant.id)).toEqual(before);
  });

  it("an unknown API path or method answers a 404 problem", async () => {
    for (const [method, url] of [
      ["GET", "/api/v1/nothing-here"],
      ["POST", "/api/v1/nothing-here"],
      ["GET", "/api/v2/organisations"],
      ["DELETE", "/api/v1/organisations"],
      ["GET", "/api/v1/organisations/a/b/c"],
    ] as const) {
      const res = await t.clients.tenant_admin.request({ method, url });
      const problem = expectProblem(res, 404, "not-found");
      expect(problem.instance).toBe(url);
    }
    expectProblem(await app.inject({ url: "/api/v1/nothing-here" }), 404, "not-found");
  });
});
