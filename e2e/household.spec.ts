// Journey "a new member of a household": from the household tab a case manager registers the
// child of a family; the form takes over the household's address (a visible, default-on choice);
// for a second member the choice is switched off and another address entered. Axe on every page.
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

/** Registers; a similar name in the family may bring the duplicate warning first, answered "register anyway". */
async function register(page: Page) {
  await page.getByRole("button", { name: "Person registrieren" }).click();
  const anyway = page.getByRole("button", { name: "Trotzdem neu erfassen" });
  await expect(page)
    .toHaveURL(/\/persons\/[0-9a-f-]{36}$/, { timeout: 5_000 })
    .catch(async () => {
      await anyway.click();
    });
  await expect(page).toHaveURL(/\/persons\/[0-9a-f-]{36}$/);
}

test("a person registered into a household takes over its address, or another one", async ({ browser, request }) => {
  const id = unique();
  const familyName = `Sayed${id}`;
  const login = await request.post("/api/v1/auth/login", { data: { email: caseManager, password: demoPassword } });
  expect(login.ok()).toBe(true);
  const headers = { "x-strang-csrf": "1" };
  const mother = await request.post("/api/v1/persons", {
    headers,
    data: {
      givenNames: "Mariam",
      familyName,
      birthDate: "1988",
      address: { street: `Lindenweg ${id} 4`, addition: "2. OG", postalCode: "40210", city: "Musterstadt" },
    },
  });
  expect(mother.status(), await mother.text()).toBe(201);
  const motherId = (await mother.json()).id as string;
  const household = await request.post("/api/v1/households", {
    headers,
    data: { name: `Familie ${familyName}`, members: [{ personId: motherId, relation: "head" }] },
  });
  expect(household.status(), await household.text()).toBe(201);
  await request.post("/api/v1/auth/logout", { headers });

  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await signIn(page, caseManager);
  await expect(page.locator("h1")).toHaveText(/^Willkommen/);

  // From the household tab to the registration form.
  await page.goto(`/persons/${motherId}?tab=household`);
  await checkPage(page, "household-tab", `Mariam ${familyName}`);
  await page.getByRole("link", { name: "Neue Person in diesem Haushalt registrieren" }).click();
  await checkPage(page, "household-register-member", "Person registrieren");

  // The household's address is taken over, and shown; the fields are not editable while it is.
  const take = page.getByRole("checkbox", { name: "Adresse des Haushalts übernehmen" });
  await expect(take).toBeChecked();
  await expect(
    page.getByText(`Die Anschrift, unter der der Haushalt „Familie ${familyName}“ erfasst ist.`),
  ).toBeVisible();
  const street = page.getByLabel("Straße und Hausnummer");
  await expect(street).toHaveValue(`Lindenweg ${id} 4`);
  await expect(street).toHaveAttribute("readonly", "");
  await expect(page.getByLabel("Adresszusatz")).toHaveValue("2. OG");
  await expect(page.getByLabel("Postleitzahl")).toHaveValue("40210");
  await expect(page.getByLabel("Ort", { exact: true })).toHaveValue("Musterstadt");
  await expect(page.getByRole("radio", { name: `Dem Haushalt „Familie ${familyName}“ hinzufügen` })).toBeChecked();
  await page.getByLabel("Vorname(n)").fill("Yusuf");
  await page.getByLabel("Familienname", { exact: true }).fill(familyName);
  await page.getByLabel(/^Beziehung im Haushalt/).selectOption({ label: "Kind" });
  await take.scrollIntoViewIfNeeded();
  await screenshot(page, "household-register-member-filled");
  await register(page);
  await checkPage(page, "household-member-registered", `Yusuf ${familyName}`);
  await expect(page.getByRole("main")).toContainText(`Lindenweg ${id} 4, 2. OG, 40210 Musterstadt`);
  await expect(page.getByTestId("overview-household")).toContainText(`Mariam ${familyName}`);

  // A second member lives elsewhere: the choice is switched off and another address entered.
  await page.goto(`/persons/${motherId}?tab=household`);
  await page.getByRole("link", { name: "Neue Person in diesem Haushalt registrieren" }).click();
  await expect(page.locator("h1")).toHaveText("Person registrieren");
  await expect(take).toBeChecked();
  await take.uncheck();
  await expect(street).not.toHaveAttribute("readonly", "");
  await street.fill(`Am Bahnhof ${id} 1`);
  await page.getByLabel("Adresszusatz").fill("");
  await page.getByLabel("Postleitzahl").fill("40211");
  await expectNoAxeViolations(page, "household address switched off");
  await screenshot(page, "household-register-member-other-address");
  await page.getByLabel("Vorname(n)").fill("Amir");
  await page.getByLabel("Familienname", { exact: true }).fill(familyName);
  await page.getByLabel(/^Beziehung im Haushalt/).selectOption({ label: "Geschwister" });
  await register(page);
  await checkPage(page, "household-member-elsewhere", `Amir ${familyName}`);
  await expect(page.getByRole("main")).toContainText(`Am Bahnhof ${id} 1, 40211 Musterstadt`);
  await expect(page.getByRole("main")).not.toContainText(`Lindenweg ${id} 4`);

  // Switching the choice back on brings the household's address back.
  await page.goto(`/persons/${motherId}?tab=household`);
  await page.getByRole("link", { name: "Neue Person in diesem Haushalt registrieren" }).click();
  await take.uncheck();
  await street.fill("Irgendwo 9");
  await take.check();
  await expect(street).toHaveValue(`Lindenweg ${id} 4`);
  await page.context().close();
});
