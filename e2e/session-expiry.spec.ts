// A session that ends while the app is open (expired, or ended elsewhere): the next request answers
// /problems/unauthenticated, and the API client's middleware sends the user to the sign-in page,
// which says why and returns there after signing in again.
import { expect, test } from "@playwright/test";
import { accounts, chromiumAvailable, demoPassword, newPage, signIn, skipReason } from "./support.js";

test.skip(!chromiumAvailable, skipReason);

test("a request without a session leads to the sign-in page, and back after signing in", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, accounts.tenantAdmin);
  await expect(page).toHaveURL(/\/$/);

  await page.context().clearCookies();
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Protokoll" }).click();
  await expect(page).toHaveURL(/\/login\?.*expired=true/);
  await expect(page.getByRole("status")).toHaveText("Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.");

  await page.getByLabel("E-Mail-Adresse").fill(accounts.tenantAdmin);
  await page.getByLabel(/^Passwort/).fill(demoPassword);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(/\/audit/);
});
