// Every registered route: it declares a policy, and no malformed request makes it answer 5xx or
// write anything. New routes are covered without touching this file.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { features } from "../../features/index.js";
import { expectProblem } from "../../test/case-file-factories.js";
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
