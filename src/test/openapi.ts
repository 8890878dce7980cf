// The OpenAPI document as the app describes itself: built on an un-migrated in-memory PGlite
// (building the routes needs no tables), so `npm run openapi` and the staleness test agree.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { features } from "../features/index.js";
import { loadConfig } from "../platform/config.js";
import { openDatabase } from "../platform/db/client.js";
import { buildApp } from "../platform/http/app.js";
import { filesystemStorage } from "../platform/storage/storage.js";

/** The generated document: pretty-printed with two spaces and a trailing newline. */
export async function generateOpenApi(): Promise<string> {
  const config = { ...loadConfig({ STRANG_LOG_LEVEL: "silent" }), databaseUrl: undefined };
  const database = await openDatabase({ dataDir: "memory://" });
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "strang-openapi-"));
  try {
    const app = await buildApp({ database, config, storage: filesystemStorage(storageDir) }, features, {
      logger: false,
    });
    try {
      await app.ready();
      return `${JSON.stringify(withSortedSchemas(app.swagger()), null, 2)}\n`;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    fs.rmSync(storageDir, { recursive: true, force: true });
  }
}

/**
 * Component schemas in name order: zod registers them in import order, so moving an import
 * between modules would otherwise reorder the document without changing it.
 */
function withSortedSchemas<T extends object>(doc: T): T {
  const components = (doc as { components?: { schemas?: Record<string, unknown> } }).components;
  const schemas = components?.schemas;
  if (!schemas) return doc;
  const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ...doc, components: { ...components, schemas: sorted } };
}
