// A real app on a real database for API tests: PGlite in memory, or DATABASE_URL when set.
// Each test builds its own tenant with the factories, so nothing needs truncating.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll } from "vitest";
import { features } from "../features/index.js";
import { type Config, loadConfig } from "../platform/config.js";
import { type Database, openDatabase } from "../platform/db/client.js";
import { buildApp } from "../platform/http/app.js";
import { filesystemStorage } from "../platform/storage/storage.js";

export type TestApp = Awaited<ReturnType<typeof buildApp>> & { database: Database; config: Config };

let shared: Promise<TestApp> | undefined;

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ STRANG_LOG_LEVEL: "silent", STRANG_REQUIRE_2FA: "0" }),
    databaseUrl: process.env.DATABASE_URL,
    ...overrides,
  };
}

/** Builds an app with its own database connection; closed after the file's tests. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: "memory://", poolSize: 5 });
  if (!config.databaseUrl) await database.migrate();
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "strang-test-docs-"));
  const storage = filesystemStorage(storageDir);
  const app = await buildApp({ database, config, storage }, features, { logger: false });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(storageDir, { recursive: true, force: true });
  });
  return Object.assign(app, { database, config });
}

/** One app per test file (the usual case). */
export function getTestApp(): Promise<TestApp> {
  shared ??= createTestApp();
  return shared;
}

/** A signed-in HTTP client: keeps the session cookie and sends the CSRF header. */
export type Client = {
  cookie: string | undefined;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
};

export function client(app: TestApp, cookie?: string): Client {
  const c: Client = {
    cookie,
    async request(options) {
      const headers: Record<string, string> = { "x-strang-csrf": "1", ...(options.headers as Record<string, string>) };
      if (c.cookie) headers.cookie = c.cookie;
      const res = await app.inject({ ...options, headers });
      const set = res.cookies.find((k) => k.name === "strang_session");
      if (set) c.cookie = set.value ? `strang_session=${set.value}` : undefined;
      return res;
    },
    get: (url) => c.request({ method: "GET", url }),
    post: (url, body) => c.request({ method: "POST", url, ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body, headers) =>
      c.request({ method: "PATCH", url, payload: body as object, ...(headers ? { headers } : {}) }),
    delete: (url) => c.request({ method: "DELETE", url }),
  };
  return c;
}
