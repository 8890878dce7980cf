// Helpers of the browser journeys: fresh contexts, sign-in and sign-out through the UI, screenshots.
import fs from "node:fs";
import { type APIRequestContext, type Browser, expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe.js";

export const chromiumAvailable = fs.existsSync("/usr/bin/chromium");
export const skipReason = "Chromium (/usr/bin/chromium) is not installed; browser tests are skipped outside CI";

export const demoPassword = "Musterstadt-2026";
export const accounts = {
  tenantAdmin: "admin@musterstadt.example",
  dpo: "datenschutz@musterstadt.example",
  jobcenterAdmin: "jobcenter-leitung@musterstadt.example",
};

// Uncaught exceptions and Content-Security-Policy refusals per page; checkPage fails on any.
const pageErrors = new WeakMap<Page, string[]>();

/** A page in a new browser context (axe needs pages from browser.newContext()). */
export async function newPage(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
  });
  return page;
}

/** Waits until the page shows its heading and nothing is loading any more. */
export async function settled(page: Page, heading?: string | RegExp): Promise<void> {
  const h1 = page.locator("h1");
  await expect(h1).toHaveCount(1);
  if (heading) await expect(h1).toHaveText(heading);
  await expect(page.locator("main .mantine-Loader-root")).toHaveCount(0);
}

/** Axe on the page once it has settled, and a screenshot for human review in test-results/screens. */
export async function checkPage(page: Page, name: string, heading?: string | RegExp): Promise<void> {
  await settled(page, heading);
  expect(pageErrors.get(page) ?? [], `errors in the browser on ${name}`).toEqual([]);
  await expectNoAxeViolations(page, name);
  await screenshot(page, name);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto("/login");
  await expect(page.locator("h1")).toHaveText(/Anmelden|Sign in/);
  await page.getByLabel(/E-Mail-Adresse|E-mail address/).fill(email);
  await page.getByLabel(/^(Passwort|Password)/).fill(password);
  await page.getByRole("button", { name: /^(Anmelden|Sign in)$/ }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: /Abmelden|Sign out/ }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText(/Sie wurden abgemeldet|You have been signed out/)).toBeVisible();
}

/** Unique suffix so that reruns against the same server do not collide. */
export const unique = () => Date.now().toString(36).slice(-5);

/** Puts an account back to German, so that a failed run that switched to English does not affect the next. */
export async function resetLanguage(request: APIRequestContext, email: string, password = demoPassword) {
  const login = await request.post("/api/v1/auth/login", { data: { email, password } });
  if (!login.ok()) return;
  await request.patch("/api/v1/auth/me", { headers: { "x-strang-csrf": "1" }, data: { locale: "de" } });
  await request.post("/api/v1/auth/logout", { headers: { "x-strang-csrf": "1" } });
}

/**
 * Chooses an option of a Mantine (multi) select by typing part of it. A form that re-renders
 * while the list opens (the duplicate check, a query settling) can swallow the typing: then it
 * types again, up to three times.
 */
export async function chooseOption(page: Page, label: string | RegExp, search: string, option: string) {
  const input = page.getByRole("combobox", { name: label, exact: typeof label === "string" }).first();
  const choice = page.getByRole("option", { name: option, exact: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await input.fill(search);
    const shown = await choice
      .waitFor({ state: "visible", timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) break;
    await input.fill("");
  }
  await choice.click();
  await page.keyboard.press("Escape");
}

/** Today as the browser sees it (the specs run it in Europe/Berlin; the test runner may be on UTC). */
export const berlinToday = (): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
