// `npm test`: type check, lint, unit and API tests on PGlite (and on PostgreSQL when DATABASE_URL
// is set), then the browser tests in Chromium. Prints one summary line at the end.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ci = Boolean(process.env.CI) && process.env.CI !== "false";
const chromium = process.env.STRANG_CHROMIUM ?? "/usr/bin/chromium";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "strang-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const started = Date.now();

function step(name, cmd, args, env = {}) {
  const t0 = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    failures.push(name);
    process.stdout.write(`✗ ${name} failed (${secs} s)\n`);
  } else process.stdout.write(`✓ ${name} (${secs} s)\n`);
  return r.status === 0;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const s = JSON.parse(fs.readFileSync(file, "utf8")).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

const vitestArgs = (out) => ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`];
const { DATABASE_URL, ...envWithoutDb } = process.env;

step("type check", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);
if (fs.existsSync(path.join(root, "web/tsconfig.json")))
  step("type check (web)", "npx", ["tsc", "--noEmit", "-p", "web/tsconfig.json"]);
step("lint (Biome)", "npx", ["biome", "check", "."]);

// PGlite always: run without DATABASE_URL.
process.stdout.write("\n▶ unit and API tests on PGlite\n");
{
  const out = path.join(tmp, "vitest-pglite.json");
  const t0 = Date.now();
  const r = spawnSync("npx", vitestArgs(out), { cwd: root, stdio: "inherit", env: envWithoutDb });
  countVitest(out);
  if (r.status !== 0) failures.push("API tests (PGlite)");
  process.stdout.write(
    `${r.status === 0 ? "✓" : "✗"} API tests on PGlite (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
  );
}
if (DATABASE_URL) {
  const out = path.join(tmp, "vitest-pg.json");
  if (step("unit and API tests on PostgreSQL", "npx", vitestArgs(out), { DATABASE_URL })) countVitest(out);
  else countVitest(out);
} else {
  process.stdout.write("\n(DATABASE_URL not set: the API tests ran on PGlite only)\n");
}

if (process.env.STRANG_SKIP_E2E === "1" && !ci) {
  process.stdout.write("\n(STRANG_SKIP_E2E=1: browser tests not run)\n");
} else if (!fs.existsSync(chromium)) {
  if (ci) {
    failures.push("browser tests: Chromium missing");
    process.stdout.write(`\n✗ browser tests: ${chromium} not found, and CI requires them (apt-get install chromium)\n`);
  } else {
    process.stdout.write(`\n⚠ browser tests SKIPPED: ${chromium} not found (apt-get install chromium)\n`);
  }
} else if (step("build (server and web)", "npm", ["run", "--silent", "build"])) {
  const out = path.join(tmp, "playwright.json");
  step("browser tests (Chromium)", "npx", ["playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  countPlaywright(out);
}

fs.rmSync(tmp, { recursive: true, force: true });
const mins = ((Date.now() - started) / 60000).toFixed(1);
process.stdout.write(`\n${failures.length ? `Failed: ${failures.join(", ")}\n` : ""}Finished in ${mins} min\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failures.length ? 1 : 0);
