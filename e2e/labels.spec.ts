// Codes never reach the reader: a person registered twice (male, Ukrainian, speaking Ukrainian
// and German) shows in the duplicates review and the merge dialog with labels and dates in the
// interface language, in German and in English; record kinds read as words in both languages.
import { expect, type Locator, type Page, test } from "@playwright/test";
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
  unique,
} from "./support.js";

test.skip(!chromiumAvailable, skipReason);

const caseManager = "fallmanagement@musterstadt.example";
test.afterEach(async ({ request }) => resetLanguage(request, caseManager));

/** No raw code of the person's data anywhere in the text. */
async function expectNoCodes(locator: Locator) {
  const text = (await locator.textContent()) ?? "";
  expect(text).not.toMatch(/\bUKR\b/);
  expect(text).not.toMatch(/\buk, de\b/);
  expect(text).not.toMatch(/\b(male|female)\b/);
  expect(text).not.toMatch(/\b(intake|active)\b/);
}

async function switchLanguage(page: Page, to: "English" | "Deutsch") {
  await page.getByTestId("language-menu").click();
  await page.getByRole("menuitemradio", { name: to }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to === "English" ? "en" : "de");
}

test("duplicates, merge dialog and record kinds show labels, not codes, in German and English", async ({
  browser,
  request,
}) => {
  const id = unique();
  const day = String(10 + (Number.parseInt(id, 36) % 18));
  const iso = `1973-03-${day}`;
  const login = await request.post("/api/v1/auth/login", { data: { email: caseManager, password: demoPassword } });
  expect(login.ok()).toBe(true);
  const headers = { "x-strang-csrf": "1" };
  const familyName = `Kovalenko${id}`;
  const ids: string[] = [];
  for (const givenNames of ["Bohdan", "Bogdan"]) {
    const res = await request.post("/api/v1/persons", {
      headers,
      data: {
        givenNames,
        familyName,
        birthDate: iso,
        sex: "male",
        nationalities: ["UKR"],
        languages: [
          { code: "uk", interpreterNeeded: false },
          { code: "de", interpreterNeeded: false },
        ],
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    ids.push((await res.json()).id);
  }
  expect((await request.post("/api/v1/duplicates/scan", { headers, data: {} })).ok()).toBe(true);
  await request.post("/api/v1/auth/logout", { headers });

  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await signIn(page, caseManager);
  await expect(page.locator("h1")).toHaveText(/^Willkommen/);

  // German: the review table.
  await page.goto("/duplicates");
  const pair = page.getByTestId("duplicate-pair").filter({ hasText: familyName });
  await expect(pair).toHaveCount(1);
  await checkPage(page, "labels-duplicates-de", "Mögliche Dubletten");
  const table = pair.getByRole("table");
  await expect(table.getByRole("row", { name: /Staatsangehörigkeiten/ })).toContainText("Ukraine");
  await expect(table.getByRole("row", { name: /Geschlecht/ })).toContainText("Männlich");
  await expect(table.getByRole("row", { name: /Geburtsdatum/ })).toContainText(`${day}.03.1973`);
  await expect(table.getByRole("row", { name: /Fallstatus/ })).toContainText("Aufnahme");
  await expectNoCodes(pair);

  // German: the merge dialog.
  await pair.getByRole("button", { name: "Zusammenführen …" }).click();
  const dialog = page.getByRole("dialog", { name: "Akten zusammenführen" });
  const fields = dialog.getByTestId("merge-fields");
  await expect(fields).toBeVisible();
  await expect(dialog.getByRole("radiogroup", { name: "Geschlecht" })).toContainText("A: Männlich");
  await expect(dialog.getByRole("radiogroup", { name: "Staatsangehörigkeiten" })).toContainText("A: Ukraine");
  await expect(dialog.getByRole("radiogroup", { name: "Sprachen" })).toContainText("A: Ukrainisch, Deutsch");
  await expect(dialog.getByRole("radiogroup", { name: "Geburtsdatum" })).toContainText(`A: ${day}.03.1973`);
  await expectNoCodes(dialog);
  await expectNoAxeViolations(page, "merge dialog (de)");
  await dialog.screenshot({ path: "test-results/screens/labels-merge-dialog-de.png" });
  await dialog.getByRole("button", { name: "Abbrechen" }).first().click();
  await expect(dialog).toBeHidden();

  // English: the same pair and dialog, with English labels and English dates.
  await switchLanguage(page, "English");
  await checkPage(page, "labels-duplicates-en", "Possible duplicates");
  await expect(table.getByRole("row", { name: /Nationalities/ })).toContainText("Ukraine");
  await expect(table.getByRole("row", { name: /Sex/ })).toContainText("Male");
  await expect(table.getByRole("row", { name: /Date of birth/ })).toContainText(`${day}/03/1973`);
  await expect(pair).not.toContainText(`${day}.03.1973`);
  await expectNoCodes(pair);
  await pair.getByRole("button", { name: /^Merge/ }).click();
  const dialogEn = page.getByRole("dialog", { name: /Merge/ });
  await expect(dialogEn.getByTestId("merge-fields")).toBeVisible();
  await expect(dialogEn.getByRole("radiogroup", { name: "Sex" })).toContainText("A: Male");
  await expect(dialogEn.getByRole("radiogroup", { name: "Languages" })).toContainText("A: Ukrainian, German");
  await expect(dialogEn.getByRole("radiogroup", { name: "Date of birth" })).toContainText(`A: ${day}/03/1973`);
  await expectNoCodes(dialogEn);
  await expectNoAxeViolations(page, "merge dialog (en)");
  await dialogEn.screenshot({ path: "test-results/screens/labels-merge-dialog-en.png" });
  await page.keyboard.press("Escape");
  await expect(dialogEn).toBeHidden();

  // Record kinds: a sentence in English, the German noun in German.
  await page.goto(`/persons/${ids[0]}?tab=residence`);
  await checkPage(page, "labels-residence-en", `Bohdan ${familyName}`);
  await expect(page.getByRole("button", { name: "Add residence status", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add Residence status", exact: true })).toHaveCount(0);
  await switchLanguage(page, "Deutsch");
  await expect(page.getByRole("button", { name: "Aufenthaltsstatus erfassen" })).toBeVisible();
  await page.getByRole("tab", { name: /Übersicht/ }).click();
  await expect(page.getByTestId("case-header")).toContainText("Ukraine");
  await expect(page.getByTestId("case-header")).toContainText("Ukrainisch, Deutsch");
  await expect(page.getByRole("main")).toContainText("Männlich");
  await expectNoCodes(page.getByRole("main"));
  await screenshot(page, "labels-case-file-de");
  await page.context().close();
});
