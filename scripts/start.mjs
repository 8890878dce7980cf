// `npm start`: builds what is not built yet, then runs `strang serve` with the demo municipality
// unless STRANG_DEMO is set in the environment (or .env).
import "dotenv/config";
import { execSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { staleParts } from "./build-state.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const t0 = Date.now();
const stale = staleParts(root);
for (const part of stale) {
  process.stdout.write(`Building the ${part} (first start or sources changed)…\n`);
  execSync(`npm run --silent build:${part}`, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
}
if (stale.length > 0) process.stdout.write(`Built in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

process.env.STRANG_DEMO ??= "1";
process.argv = [process.argv[0], "strang", "serve"];
await import(pathToFileURL(path.join(root, "dist/server/cli.js")).href);
