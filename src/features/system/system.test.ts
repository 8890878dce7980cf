// Liveness, readiness and the API description (served, and committed as openapi.json).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../platform/db/client.js";
import { buildApp } from "../../platform/http/app.js";
import { filesystemStorage } from "../../platform/storage/storage.js";
import { generateOpenApi } from "../../test/openapi.js";
import { getTestApp, testConfig } from "../../test/test-app.js";
import { features } from "../index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("/health and /ready", () => {
  it("/health answers 200 without a session", async () => {
    const app = await getTestApp();
    const res = await app.inject({ url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("/ready answers 200 on a migrated database", async () => {
    const app = await getTestApp();
    const res = await app.inject({ url: "/ready" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ready", database: app.database.kind });
  });

  it("/ready answers 503 while migrations are pending, and when the database is gone", async () => {
    const database = await openDatabase({ dataDir: "memory://" });
    const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "strang-ready-"));
    const app = await buildApp(
      { database, config: testConfig({ databaseUrl: undefined }), storage: filesystemStorage(storageDir) },
      features,
      { logger: false },
    );
    try {
      const pending = await app.inject({ url: "/ready" });
      expect(pending.statusCode).toBe(503);
      expect(pending.json()).toEqual({ status: "unavailable", reason: "migrations pending" });
      expect((await app.inject({ url: "/health" })).statusCode).toBe(200);
      await database.close();
      const gone = await app.inject({ url: "/ready" });
      expect(gone.statusCode).toBe(503);
      expect(gone.json()).toEqual({ status: "unavailable", reason: "database unreachable" });
    } finally {
      await app.close();
      fs.rmSync(storageDir, { recursive: true, force: true });
    }
  });
});

describe("the OpenAPI document", () => {
  it("is served at /api/openapi.json as OpenAPI 3.1 with every API route", async () => {
    const app = await getTestApp();
    const res = await app.inject({ url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Strang API");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/auth/login",
        "/api/v1/auth/logout",
        "/api/v1/auth/me",
        "/api/v1/organisations",
        "/api/v1/organisations/{id}",
        "/api/v1/users",
        "/api/v1/users/{id}",
        "/api/v1/audit",
        "/api/v1/audit/verify",
        "/health",
        "/ready",
      ]),
    );
    // Every $ref points at a component the document holds (named schemas are components).
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const name of new Set(refs)) expect(doc.components.schemas, name).toHaveProperty([name as string]);
    // Every registered API route is described, with its method.
    for (const r of app.registeredRoutes.filter((x) => x.url.startsWith("/api/v1/"))) {
      const p = r.url.replace(/:(\w+)/g, "{$1}");
      expect(doc.paths[p]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
    const login = doc.paths["/api/v1/auth/login"].post;
    expect(login.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["email", "password"]),
    );
    expect(login.security).toEqual([]);
    expect(doc.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
    // Internal routes stay out of the description.
    expect(Object.keys(doc.paths).some((p) => p.startsWith("/api/docs") || p === "/api/openapi.json")).toBe(false);
  });

  it("openapi.json at the repository root is the generated document", async () => {
    const generated = await generateOpenApi();
    expect(generated.endsWith("}\n")).toBe(true);
    const file = path.join(repoRoot, "openapi.json");
    const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (committed !== generated) {
      const [was, now] = [committed.split("\n"), generated.split("\n")];
      const line = now.findIndex((text, i) => text !== was[i]);
      expect.fail(
        `openapi.json is stale: run npm run openapi (first difference at line ${line + 1}: ${JSON.stringify(now[line])})`,
      );
    }
  });
});
