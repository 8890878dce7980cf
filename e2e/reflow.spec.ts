// WCAG 1.4.10 Reflow: at 320 CSS pixels wide no page scrolls sideways (tables scroll within themselves),
// and the navigation is reachable behind its button.
import { expect, type Page, test } from "@playwright/test";
import { accounts, chromiumAvailable, newPage, screenshot, signIn, skipReason } from "./support.js";

test.skip(!chromiumAvailable, skipReason);

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test("every page reflows to 320 pixels", async ({ browser }) => {
  const page = await newPage(browser, { viewport: { width: 320, height: 720 } });
  await page.goto("/login");
  await expect(page.locator("h1")).toHaveText("Anmelden");
  expect(await pageWidth(page), "/login").toBeLessThanOrEqual(320);
  await signIn(page, accounts.tenantAdmin);
  await expect(page.locator("h1")).toHaveText("Willkommen, Katrin Vogel");

  // The navigation sits behind a button on narrow screens.
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav).toBeHidden();
  await page.getByRole("button", { name: "Navigation öffnen" }).click();
  await expect(nav).toBeVisible();
  await screenshot(page, "narrow-navigation");
  await nav.getByRole("link", { name: "Netzwerk-Verzeichnis" }).click();
  await expect(page.locator("h1")).toHaveText("Netzwerk-Verzeichnis");
  await expect(nav).toBeHidden();

  const paths = [
    "/",
    "/directory",
    "/organisations/new",
    "/users",
    "/users/new",
    "/audit",
    "/account/password",
    "/account/two-factor",
    "/accessibility",
    "/feedback",
    "/nicht-vorhanden",
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("main .mantine-Loader-root")).toHaveCount(0);
    expect(await pageWidth(page), path).toBeLessThanOrEqual(320);
  }
  await screenshot(page, "narrow-not-found");
  await page.context().close();
});
