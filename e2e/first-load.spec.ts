// The web app's first load stays within the budget of docs/targets.md: at most 250 KB of JavaScript (gzip).
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { chromiumAvailable, newPage, skipReason } from "./support.js";

test.skip(!chromiumAvailable, skipReason);

const budget = 250 * 1024;

test("the sign-in page loads at most 250 KB of JavaScript (gzip)", async ({ browser }) => {
  const page = await newPage(browser);
  const scripts: Promise<{ url: string; gzip: number }>[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script" || res.url().endsWith(".js")) {
      scripts.push(res.body().then((b) => ({ url: res.url(), gzip: gzipSync(b, { level: 9 }).length })));
    }
  });
  await page.goto("/login", { waitUntil: "networkidle" });
  await expect(page.locator("h1")).toHaveText("Anmelden");
  const sizes = await Promise.all(scripts);
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const listing = sizes.map((s) => `  ${(s.gzip / 1024).toFixed(1)} KB  ${new URL(s.url).pathname}`).join("\n");
  expect(total, `first-load JavaScript ${(total / 1024).toFixed(1)} KB gzip:\n${listing}`).toBeLessThanOrEqual(budget);
  await page.context().close();
});
