// The server the browser tests talk to: the built app, demo data, a fresh data directory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "strang-e2e-"));
process.on("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
Object.assign(process.env, {
  STRANG_DEMO: "1",
  STRANG_DATA_DIR: dataDir,
  PORT: process.env.E2E_PORT ?? "3210",
  HOST: "127.0.0.1",
  STRANG_LOG_LEVEL: "warn",
});
// Browser tests always use the embedded database: they test the web app, not the driver.
delete process.env.DATABASE_URL;
process.argv = [process.argv[0], "strang", "serve"];
await import(pathToFileURL(path.join(root, "dist/server/cli.js")).href);
