// Journey of a case manager with a person registered twice under different spellings: find the
// person with the header search by keyboard, get the duplicate warning when registering a third
// spelling, review the pair, merge it with field choices, and undo the merge. Axe on every page.
import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe.js";
import {
  checkPage,
  chromiumAvailable,
  demoPassword,
  newPage,
  resetLanguage,
  screenshot,
  signIn,
  skipReason,
} from "./support.js";

test.skip(!chromiumAvailable, skipReason);

const caseManager = "fallmanagement@musterstadt.example";
test.afterEach(async ({ request }) => resetLanguage(request, caseManager));

/** A birth date nobody in the demo has, so that reruns against one server find their own pair. */
function birthDate(): { iso: string; german: string } {
  const y = 1940 + Math.floor(Math.random() * 30);
  const m = 1 + Math.floor(Math.random() * 12);
  const d = 1 + Math.floor(Math.random() * 28);
  const p = (n: number) => String(n).padStart(2, "0");
  return { iso: `${y}-${p(m)}-${p(d)}`, german: `${p(d)}.${p(m)}.${y}` };
}

async function partialDate(page: Page, legend: string, precision: string, value: string) {
  const group = page.getByRole("group", { name: legend, exact: true });
  await group.getByLabel("Genauigkeit").selectOption({ label: precision });
  await group.getByLabel(legend, { exact: true }).fill(value);
}

test("find, warn, review, merge and undo a person registered twice", async ({ browser, request }) => {
  const born = birthDate();
  // Two agencies' spellings of one person, registered through the API; then a scan.
  const login = await request.post("/api/v1/auth/login", { data: { email: caseManager, password: demoPassword } });
  expect(login.ok()).toBe(true);
  const headers = { "x-strang-csrf": "1" };
  for (const [givenNames, familyName, birthPlace] of [
    ["Oleksandr", "Shevchenko", null],
    ["Aleksandr", "Schewtschenko", "Charkiw"],
  ] as const) {
    const res = await request.post("/api/v1/persons", {
      headers,
      data: { givenNames, familyName, birthDate: born.iso, birthPlace, nationalities: ["UKR"] },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  const scan = await request.post("/api/v1/duplicates/scan", { headers, data: {} });
  expect(scan.ok(), await scan.text()).toBe(true);
  await request.post("/api/v1/auth/logout", { headers });

  const page = await newPage(browser);
  await signIn(page, caseManager);
  await checkPage(page, "duplicates-home");

  // The header search, by keyboard only: variant spelling, names swapped, birth date narrowing.
  const search = page.getByRole("combobox", { name: "Personen suchen" });
  await search.focus();
  await search.fill(`Schevchenko Olexandr ${born.german}`);
  const listbox = page.getByRole("listbox", { name: "Suchergebnisse" });
  await expect(listbox.getByRole("option")).toHaveCount(2);
  await expect(listbox.getByRole("option").first()).toContainText(/Schreibvariante|gleicher Name/);
  await expectNoAxeViolations(page, "global search open");
  await screenshot(page, "duplicates-global-search");
  await search.press("ArrowDown");
  await expect(listbox.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await search.press("Escape");
  await expect(listbox).toBeHidden();
  await search.press("ArrowDown");
  await expect(listbox.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/persons\/[0-9a-f-]{36}/);
  await checkPage(page, "duplicates-found-file", /Shevchenko|Schewtschenko/);

  // Registering a third spelling: the warning comes before a second file is created.
  await page.goto("/persons/new");
  await page.getByLabel("Vorname(n)").fill("Olexandr");
  await page.getByLabel("Familienname", { exact: true }).fill("Shevchenko");
  await partialDate(page, "Geburtsdatum", "Tag, Monat und Jahr", born.german);
  await page.getByRole("button", { name: "Person registrieren" }).click();
  const warning = page.getByTestId("duplicate-warning");
  await expect(warning).toBeVisible();
  await expect(warning.getByRole("link", { name: "Akte öffnen" })).toHaveCount(2);
  await expect(page).toHaveURL(/\/persons\/new/);
  await checkPage(page, "duplicates-warning");

  // The review page: the pair side by side, with reasons.
  await page
    .getByRole("navigation", { name: /Hauptnavigation|Main navigation/ })
    .getByRole("link", { name: "Dubletten" })
    .click();
  await expect(page).toHaveURL(/\/duplicates$/);
  const pair = page.getByTestId("duplicate-pair").filter({ hasText: "Schewtschenko" }).filter({ hasText: "Oleksandr" });
  await expect(pair).toHaveCount(1);
  await checkPage(page, "duplicates-review", "Mögliche Dubletten");

  // Merge, taking the place of birth from the other file; then undo; then merge again.
  const ourPair = () =>
    page.getByTestId("duplicate-pair").filter({ hasText: "Schewtschenko" }).filter({ hasText: "Oleksandr" });
  const merge = async (check: boolean) => {
    await ourPair().getByRole("button", { name: "Zusammenführen …" }).click();
    const dialog = page.getByRole("dialog", { name: "Akten zusammenführen" });
    await expect(dialog.getByTestId("merge-fields")).toBeVisible();
    await dialog
      .getByRole("radiogroup", { name: "Geburtsort" })
      .getByRole("radio", { name: /Charkiw/ })
      .check();
    if (check) await expectNoAxeViolations(page, "merge dialog");
    await dialog.getByRole("button", { name: "Zusammenführen", exact: true }).click();
    await expect(page.getByTestId("merge-banner")).toContainText("Akten zusammengeführt.");
    await expect(ourPair()).toHaveCount(0);
  };
  await merge(true);
  await checkPage(page, "duplicates-merged", "Mögliche Dubletten");

  await page.getByTestId("merge-banner").getByRole("button", { name: "Rückgängig machen" }).click();
  await expect(page.getByText("Zusammenführung rückgängig gemacht.")).toBeVisible();
  await expect(ourPair()).toHaveCount(1);
  await checkPage(page, "duplicates-undone", "Mögliche Dubletten");

  await merge(false);
  await page.getByTestId("merge-banner").getByRole("link", { name: "Zusammengeführte Akte öffnen" }).click();
  await expect(page).toHaveURL(/\/persons\/[0-9a-f-]{36}/);
  await expect(page.locator("main")).toContainText("Charkiw");
  await checkPage(page, "duplicates-survivor");
  await page.context().close();
});
