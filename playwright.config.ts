// Browser tests: Debian's Chromium, one worker, against the built app served by the API server.
import fs from "node:fs";
import { defineConfig } from "@playwright/test";

const chromium = "/usr/bin/chromium";
const chromiumAvailable = fs.existsSync(chromium);
if (!chromiumAvailable && process.env.CI) {
  throw new Error(
    `The browser tests need Chromium at ${chromium} (Debian package "chromium"), and it is not installed. ` +
      "Install it (apt-get install chromium) or run the tests outside CI, where they are skipped.",
  );
}

const port = Number(process.env.E2E_PORT ?? 3210);
// E2E_BASE_URL points the tests at a server that is already running (then none is started).
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  outputDir: "test-results/playwright",
  use: {
    baseURL,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        // The built server on a fresh embedded database with the demo data; never DATABASE_URL
        // (CI sets it for the API tests, whose database is not empty). `npm run test:e2e` builds first.
        command: fs.existsSync("dist/server/cli.js")
          ? `E2E_PORT=${port} node scripts/e2e-server.mjs`
          : `STRANG_DEMO=1 STRANG_DATA_DIR=$(mktemp -d) PORT=${port} DATABASE_URL= npx tsx src/cli.ts serve`,
        url: `http://127.0.0.1:${port}/health`,
        reuseExistingServer: !process.env.CI,
        timeout: 120_000,
        stdout: "ignore",
        stderr: "pipe",
      },
});
