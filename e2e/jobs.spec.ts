// The tenant admin's background jobs page: the queues the server runs (the overdue sweep ran at
// start), a run on demand for the tenant, in German and English, accessible.
import { expect, test } from "@playwright/test";
import { accounts, checkPage, chromiumAvailable, newPage, resetLanguage, signIn, skipReason } from "./support.js";

test.skip(!chromiumAvailable, skipReason);
test.afterEach(async ({ request }) => resetLanguage(request, accounts.tenantAdmin));

test("tenant admin sees the background jobs and starts the duplicate scan", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await newPage(browser);
  await signIn(page, accounts.tenantAdmin);
  await expect(page).toHaveURL(/\/$/);
  await page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", { name: "Hintergrundaufgaben" })
    .click();
  await expect(page).toHaveURL(/\/jobs$/);
  await checkPage(page, "jobs", "Hintergrundaufgaben");
  const table = page.getByTestId("jobs-table");
  await expect(table.getByRole("rowheader")).toHaveText([
    "Fristenprüfung der Verweisungen",
    "Abgelaufene Sitzungen entfernen",
    "Nächtliche Dublettensuche (Planung)",
    "Dublettensuche des Mandanten",
  ]);
  await expect(table.getByRole("row", { name: /Nächtliche Dublettensuche/ })).toContainText("täglich um 02:30 Uhr");
  // The sweep at start ran for the whole installation.
  await expect(table.getByRole("row", { name: /Fristenprüfung/ })).toContainText("erfolgreich");
  // Only jobs for the tenant can be started here.
  await expect(table.getByRole("button", { name: /jetzt für Ihren Mandanten ausführen/ })).toHaveCount(2);
  await page.getByRole("button", { name: "Dublettensuche des Mandanten jetzt für Ihren Mandanten ausführen" }).click();
  await expect(page.getByText("Die Aufgabe „Dublettensuche des Mandanten“ wurde eingeplant.")).toBeVisible();
  await expect(table.getByRole("row", { name: /Dublettensuche des Mandanten/ })).toContainText("erfolgreich", {
    timeout: 30_000,
  });

  // In English.
  await page.getByTestId("language-menu").click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await checkPage(page, "jobs-en", "Background jobs");
  await expect(page.getByTestId("jobs-table").getByRole("rowheader").first()).toHaveText("Referral deadline check");
  await expect(page.getByText("No failed runs.")).toBeVisible();
});
