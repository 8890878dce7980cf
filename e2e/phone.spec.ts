// A case manager on a phone (390 × 844): the header keeps logo, search, bell and avatar side by
// side without overlap, the search opens from its button (by keyboard too), nothing scrolls
// sideways, and the case file shows a section picker so that its content starts on the first screen.
import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe.js";
import {
  checkPage,
  chromiumAvailable,
  demoPassword,
  newPage,
  screenshot,
  signIn,
  skipReason,
  unique,
} from "./support.js";

test.skip(!chromiumAvailable, skipReason);

const caseManager = "fallmanagement@musterstadt.example";
const phone = { width: 390, height: 844 };

const noSideways = async (page: Page, what: string) =>
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    `${what} scrolls sideways`,
  ).toBeLessThanOrEqual(0);

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function expectHeaderFits(page: Page) {
  const banner = page.getByRole("banner");
  const parts = {
    menu: banner.getByRole("button", { name: "Navigation öffnen" }),
    logo: banner.getByRole("link", { name: "Strang" }),
    search: banner.getByRole("button", { name: "Personen suchen" }),
    bell: banner.getByTestId("notification-bell"),
    avatar: banner.getByTestId("user-menu"),
  };
  const boxes: [string, Box][] = [];
  for (const [name, locator] of Object.entries(parts)) {
    await expect(locator, name).toBeVisible();
    const box = await locator.boundingBox();
    expect(box, name).not.toBeNull();
    if (!box) return;
    // Fully on the screen.
    expect(box.x, `${name} left edge`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name} right edge`).toBeLessThanOrEqual(phone.width);
    expect(box.y, `${name} top edge`).toBeGreaterThanOrEqual(0);
    boxes.push([name, box]);
  }
  for (const [i, [a, boxA]] of boxes.entries())
    for (const [b, boxB] of boxes.slice(i + 1)) expect(overlap(boxA, boxB), `${a} overlaps ${b}`).toBe(false);
}

test("the header, the search and the case file fit a phone", async ({ browser, request }) => {
  // Letters only: the search reads digits as a birth date.
  const id = unique().replace(/\d/g, (d) => "abcdefghij"[Number(d)] ?? "");
  const familyName = `Telefonowa${id}`;
  const login = await request.post("/api/v1/auth/login", { data: { email: caseManager, password: demoPassword } });
  expect(login.ok()).toBe(true);
  const created = await request.post("/api/v1/persons", {
    headers: { "x-strang-csrf": "1" },
    data: { givenNames: "Daryna", familyName, birthDate: "1991-04-12", nationalities: ["UKR"] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const personId = (await created.json()).id as string;
  await request.post("/api/v1/auth/logout", { headers: { "x-strang-csrf": "1" } });

  const page = await newPage(browser, { viewport: phone, isMobile: true, hasTouch: true });
  await signIn(page, caseManager);
  await checkPage(page, "phone-home", /^Willkommen/);
  await noSideways(page, "/");
  await expectHeaderFits(page);
  await page.getByRole("banner").screenshot({ path: "test-results/screens/phone-header.png" });

  // The search: a labelled button opens the field, with the cursor in it; Escape closes it again.
  const open = page.getByRole("button", { name: "Personen suchen" });
  await expect(open).toHaveAttribute("aria-expanded", "false");
  await open.focus();
  await page.keyboard.press("Enter");
  await expect(open).toHaveAttribute("aria-expanded", "true");
  const field = page.getByRole("combobox", { name: "Personen suchen" });
  await expect(field).toBeFocused();
  await field.fill(familyName);
  const listbox = page.getByRole("listbox", { name: "Suchergebnisse" });
  await expect(listbox.getByRole("option")).toHaveCount(1);
  await expect(listbox.getByRole("option")).toContainText("geb. 12.04.1991");
  await noSideways(page, "search open");
  await expectNoAxeViolations(page, "phone search open");
  await screenshot(page, "phone-search");
  await field.press("Escape");
  await expect(listbox).toBeHidden();
  await field.fill("");
  await field.press("Escape");
  await expect(field).toHaveCount(0);
  await expect(open).toBeFocused();

  // From the search to the case file.
  await page.keyboard.press("Enter");
  await field.fill(familyName);
  await expect(listbox.getByRole("option")).toHaveCount(1);
  await field.press("ArrowDown");
  await field.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/persons/${personId}$`));
  await checkPage(page, "phone-case-file", `Daryna ${familyName}`);
  await noSideways(page, "case file");
  await expectHeaderFits(page);

  // No row of sixteen tabs: one labelled picker that names the current section.
  await expect(page.getByRole("tablist")).toHaveCount(0);
  const picker = page.getByRole("combobox", { name: "Bereich der Fallakte" });
  await expect(picker).toBeVisible();
  await expect(picker.locator("option:checked")).toHaveText("Übersicht");
  const firstContent = page.getByRole("region", { name: "Übersicht" }).getByRole("heading").first();
  await expect(firstContent).toBeVisible();
  const box = await firstContent.boundingBox();
  expect(box && box.y + box.height, "the first content lies within the first screen").toBeLessThanOrEqual(phone.height);
  await page.screenshot({ path: "test-results/screens/phone-case-file-first-screen.png" });

  await picker.selectOption({ label: "Haushalt" });
  await expect(page).toHaveURL(/tab=household/);
  await expect(
    page.getByRole("region", { name: "Haushalt" }).getByRole("heading", { name: "Haushalt", exact: true }),
  ).toBeVisible();
  await expect(picker.locator("option:checked")).toHaveText("Haushalt");
  await checkPage(page, "phone-case-file-household");
  await noSideways(page, "household section");

  // The other pages a case manager passes every day.
  for (const path of ["/persons", "/duplicates", "/directory", "/referrals", "/persons/new"]) {
    await page.goto(path);
    await checkPage(page, `phone${path.replaceAll("/", "-")}`);
    await noSideways(page, path);
  }
  await page.context().close();
});
