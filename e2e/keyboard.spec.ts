// Keyboard use: the skip link leads into the main content, menus open and work with the keyboard,
// and the focused element is always visibly marked.
import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe.js";
import { accounts, chromiumAvailable, demoPassword, newPage, resetLanguage, skipReason } from "./support.js";

test.skip(!chromiumAvailable, skipReason);
test.afterEach(async ({ request }) => resetLanguage(request, accounts.tenantAdmin));

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.textContent ?? "").trim(),
      inMain: Boolean(el.closest("main")),
      label: el.getAttribute("aria-label"),
      // A visible focus indicator: an outline or a box shadow.
      indicator: (style.outlineStyle !== "none" && style.outlineWidth !== "0px") || style.boxShadow !== "none",
    };
  });

test("skip link, sign-in and the language switch work with the keyboard alone", async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto("/login");
  await expect(page.locator("h1")).toHaveText("Anmelden");

  // The first Tab reaches the skip link, which is then visible.
  await page.keyboard.press("Tab");
  expect(await focused(page)).toMatchObject({ tag: "a", text: "Zum Inhalt springen", indicator: true });
  await expect(page.getByRole("link", { name: "Zum Inhalt springen" })).toBeInViewport();
  await page.keyboard.press("Enter");
  expect(await focused(page)).toMatchObject({ tag: "main", id: "main-content" });
  await page.keyboard.press("Tab");
  expect(await focused(page)).toMatchObject({ tag: "input", inMain: true, indicator: true });

  // Language switch: Tab to it, open it with Enter, choose English with the arrow keys.
  await page.goto("/login");
  await expect(page.locator("h1")).toHaveText("Anmelden");
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab"); // brand
  await page.keyboard.press("Tab"); // language
  expect(await focused(page)).toMatchObject({ tag: "button", label: "Sprache: Deutsch", indicator: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await expect(page.getByRole("menuitemradio", { name: "Deutsch" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("menuitemradio", { name: "Deutsch" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitemradio", { name: "English" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("h1")).toHaveText("Sign in");
  await expect(page).toHaveTitle("Sign in – Strang");

  // Sign in by typing and pressing Enter; the English choice made before signing in is kept.
  await page.getByLabel("E-mail address").focus();
  await page.keyboard.type(accounts.tenantAdmin);
  await page.keyboard.press("Tab");
  await page.keyboard.type(demoPassword);
  await page.keyboard.press("Enter");
  await expect(page.locator("h1")).toHaveText("Welcome, Katrin Vogel");

  // Signed in: skip link into main, then the first focusable element of the page.
  await page.reload();
  await expect(page.locator("h1")).toHaveText("Welcome, Katrin Vogel");
  await page.keyboard.press("Tab");
  expect(await focused(page)).toMatchObject({ text: "Skip to main content" });
  await page.keyboard.press("Enter");
  expect(await focused(page)).toMatchObject({ tag: "main" });
  await page.keyboard.press("Tab");
  expect(await focused(page)).toMatchObject({ tag: "a", inMain: true, indicator: true });

  // The user menu opens with the keyboard, switches back to German and closes with Escape.
  const userMenu = page.getByTestId("user-menu");
  await userMenu.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await expectNoAxeViolations(page, "user menu open");
  await page.getByRole("menuitemradio", { name: "Deutsch" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.locator("h1")).toHaveText("Willkommen, Katrin Vogel");
  await userMenu.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  // The menu takes the focus once it has opened (on a busy machine a moment later); Escape
  // closes it from there.
  await page.waitForFunction(() => document.activeElement?.closest('[role="menu"]') != null);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(userMenu).toBeFocused();

  // Navigation by keyboard moves focus to the new page's heading.
  await page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", { name: "Netzwerk-Verzeichnis" })
    .focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("h1")).toHaveText("Netzwerk-Verzeichnis");
  await expect(page.locator("h1")).toBeFocused();
  await page.context().close();
});
