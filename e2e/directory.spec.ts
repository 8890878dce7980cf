// Journey "cooperation network directory": the Jobcenter's head fills in its directory entry
// (services, languages, opening hours, a contact); a case manager finds it by service and by
// language; the tenant admin sets the federal state (the holiday list follows) and concludes an
// agreement whose services come from the code list. Axe on every page.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe.js";
import { checkPage, chooseOption, chromiumAvailable, newPage, signIn, skipReason, unique } from "./support.js";

test.skip(!chromiumAvailable, skipReason);

const tenantAdmin = "admin@musterstadt.example";
const jobcenterHead = "jobcenter-leitung@musterstadt.example";
const caseManager = "fallmanagement@musterstadt.example";

async function toast(page: Page, text: string | RegExp) {
  const notification = page.locator(".mantine-Notification-root", { hasText: text });
  await expect(notification).toBeVisible();
  await notification.getByRole("button", { name: "Schließen" }).click();
  await expect(page.locator(".mantine-Notification-root")).toHaveCount(0);
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await signIn(page, email);
  await expect(page).toHaveURL(/\/$/);
  return page;
}

const entries = (page: Page) => page.getByTestId("directory-entry");

test("the directory is filled in by an organisation and searched by service and language", async ({ browser }) => {
  test.setTimeout(180_000);
  const id = unique();
  const hours = `Mo–Fr 8–12 Uhr, Do 14–18 Uhr (${id})`;

  // The Jobcenter's head edits its own entry.
  const head = await signedIn(browser, jobcenterHead);
  await head
    .getByRole("navigation", { name: /Hauptnavigation|Main navigation/ })
    .getByRole("link", { name: "Netzwerk-Verzeichnis" })
    .click();
  await checkPage(head, "directory-list", "Netzwerk-Verzeichnis");
  await head.getByRole("link", { name: "Jobcenter Musterstadt" }).click();
  await checkPage(head, "directory-entry", "Jobcenter Musterstadt");
  await head.getByRole("button", { name: "Eintrag bearbeiten" }).click();
  const form = head.getByRole("region", { name: "Verzeichniseintrag bearbeiten" });
  await expect(form).toBeVisible();
  // The demo entry already offers job placement and basic income support in Arabic and
  // Ukrainian; the head adds recognition advice and Russian (unless an earlier run did).
  for (const service of ["Grundsicherung (SGB II, Bürgergeld)", "Anerkennungsberatung"]) {
    const chosen = form.getByText(service, { exact: true });
    if ((await chosen.count()) === 0) await chooseOption(head, /^Angebotene Leistungen/, service.slice(0, 10), service);
    await expect(chosen).toHaveCount(1);
  }
  for (const language of ["Ukrainisch", "Russisch"]) {
    const chosen = form.getByText(language, { exact: true });
    if ((await chosen.count()) === 0) await chooseOption(head, /^Beratungssprachen/, language, language);
    await expect(chosen).toHaveCount(1);
  }
  // What is already chosen is not offered again, and the list says why nothing matches.
  await form.getByRole("combobox", { name: /^Angebotene Leistungen/ }).fill("Grundsicher");
  await expect(head.getByText("Keine passende Auswahl (schon gewählt oder anders geschrieben?)")).toBeVisible();
  await head.keyboard.press("Escape");
  await form.getByRole("combobox", { name: /^Angebotene Leistungen/ }).fill("");
  await form.getByLabel("Öffnungszeiten").fill(hours);
  await form.getByLabel("Website").fill("https://jobcenter.musterstadt.example");
  await form.getByRole("button", { name: "Ansprechperson hinzufügen" }).click();
  const contact = form.getByRole("group", { name: /^Ansprechperson \d+$/ }).last();
  await contact.getByLabel(/^Name/).fill(`Jonas Becker ${id}`);
  await contact.getByLabel("Funktion").fill("Integrationsfachkraft");
  await contact.getByLabel("E-Mail").fill("j.becker@jobcenter.musterstadt.example");
  await expectNoAxeViolations(head, "directory-entry-form");
  await form.getByRole("button", { name: "Eintrag speichern" }).click();
  await toast(head, "Der Verzeichniseintrag von Jobcenter Musterstadt wurde gespeichert.");
  await expect(head.getByText(hours)).toBeVisible();
  await expect(head.getByText(`Jonas Becker ${id}`)).toBeVisible();
  await checkPage(head, "directory-entry-saved", "Jobcenter Musterstadt");
  // Not the integration centre's entry: no edit button there.
  await head.goto("/directory");
  await head.getByRole("link", { name: "Kommunales Integrationszentrum Musterstadt" }).click();
  await expect(head.locator("h1")).toHaveText("Kommunales Integrationszentrum Musterstadt");
  await expect(head.getByRole("button", { name: "Eintrag bearbeiten" })).toHaveCount(0);
  // Adding and administering organisations is the tenant admin's (abilities from /auth/me).
  await expect(head.getByRole("link", { name: "Organisation verwalten" })).toHaveCount(0);
  await head.goto("/directory");
  await expect(head.locator("h1")).toHaveText("Netzwerk-Verzeichnis");
  await expect(head.getByRole("link", { name: "Organisation anlegen" })).toHaveCount(0);

  // A case manager searches by service and by language.
  const cm = await signedIn(browser, caseManager);
  await cm.goto("/directory");
  await checkPage(cm, "directory-search", "Netzwerk-Verzeichnis");
  await chooseOption(cm, /^Leistung$/, "Grundsicherung", "Grundsicherung (SGB II, Bürgergeld)");
  await expect(cm).toHaveURL(/service=basic_income_support/);
  await expect(entries(cm).filter({ hasText: "Jobcenter Musterstadt" })).toHaveCount(1);
  await expect(entries(cm).filter({ hasText: "Kita Sonnenblume" })).toHaveCount(0);
  await chooseOption(cm, /^Sprache$/, "Ukrain", "Ukrainisch");
  await expect(cm).toHaveURL(/language=uk/);
  await expect(entries(cm).filter({ hasText: "Jobcenter Musterstadt" })).toHaveCount(1);
  await expect(entries(cm).first()).toContainText(hours);
  await checkPage(cm, "directory-filtered", "Netzwerk-Verzeichnis");
  // A language nobody offers together with this service: the empty result says so.
  await cm.getByRole("button", { name: "Sprache zurücksetzen" }).click();
  await chooseOption(cm, /^Sprache$/, "Tigrin", "Tigrinya");
  await expect(cm.getByText("Keine Organisation passt zu diesen Filtern.")).toBeVisible();
  await expectNoAxeViolations(cm, "directory-empty");
});

test("the tenant admin sets the federal state and concludes an agreement with services from the code list", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser, tenantAdmin);
  await admin.getByRole("link", { name: "Einstellungen" }).click();
  await checkPage(admin, "settings", "Einstellungen");
  const holidays = admin.getByTestId("holidays-table");
  const year = new Date().getFullYear();
  await expect(admin.getByRole("heading", { name: `Feiertage ${year} in Nordrhein-Westfalen` })).toBeVisible();
  await expect(holidays).toContainText("Fronleichnam");
  await expect(holidays).not.toContainText("Heilige Drei Könige");
  await admin.getByLabel("Bundesland").selectOption({ label: "Bayern" });
  await admin.getByLabel("Standardfrist für die Eingangsbestätigung").fill("4");
  await admin.getByRole("button", { name: "Einstellungen speichern" }).click();
  await toast(admin, "Die Einstellungen wurden gespeichert.");
  await expect(admin.getByRole("heading", { name: `Feiertage ${year} in Bayern` })).toBeVisible();
  await expect(holidays).toContainText("Heilige Drei Könige");
  await admin.getByRole("button", { name: "Nächstes Jahr" }).click();
  await expect(admin.getByRole("heading", { name: `Feiertage ${year + 1} in Bayern` })).toBeVisible();
  await checkPage(admin, "settings-bavaria", "Einstellungen");
  // The controller and its data-protection officer, as every Art. 15 document names them.
  const officer = admin
    .getByRole("region", { name: "Verantwortlicher und Datenschutzbeauftragte/r" })
    .getByRole("group", { name: "Datenschutzbeauftragte/r" });
  await expect(officer.getByLabel("Name oder Funktion")).toHaveValue(
    "Stefan Richter, Datenschutzbeauftragter der Stadt Musterstadt",
  );
  await officer.getByLabel("Telefon").fill("0123 4567-891");
  await admin.getByRole("button", { name: "Angaben speichern" }).click();
  await toast(admin, "Die Einstellungen wurden gespeichert.");
  const saved = await (await admin.request.get("/api/v1/settings")).json();
  expect(saved.dataProtectionOfficer).toMatchObject({
    phone: "0123 4567-891",
    email: "datenschutz@musterstadt.example",
  });
  expect(saved.controller.name).toBe("Stadt Musterstadt – Der Bürgermeister");
  // Back to North Rhine-Westphalia, as the demo municipality has it.
  await admin.getByLabel("Bundesland").selectOption({ label: "Nordrhein-Westfalen" });
  await admin.getByLabel("Standardfrist für die Eingangsbestätigung").fill("5");
  await admin.getByRole("button", { name: "Einstellungen speichern" }).click();
  await toast(admin, "Die Einstellungen wurden gespeichert.");

  // An agreement with the Diakonie, its services chosen from the code list.
  await admin.getByRole("link", { name: "Kooperationen" }).click();
  await checkPage(admin, "agreements", "Kooperationsvereinbarungen");
  await admin.getByRole("button", { name: "Vereinbarung anlegen" }).click();
  await admin.getByLabel(/^Partnerorganisation/).selectOption({ label: "Diakonie Musterstadt" });
  await chooseOption(admin, /^Abgedeckte Leistungen/, "Schuldner", "Schuldnerberatung");
  await chooseOption(admin, /^Abgedeckte Leistungen/, "Sozialber", "Allgemeine Sozialberatung");
  await expectNoAxeViolations(admin, "agreement-form");
  await admin.getByRole("button", { name: "Vereinbarung speichern" }).click();
  await toast(admin, /Diakonie Musterstadt wurde angelegt/);
  const row = admin.getByTestId("agreements-table").getByRole("row").filter({ hasText: "Diakonie Musterstadt" });
  await expect(row.first()).toContainText("Schuldnerberatung");
  await expect(row.first()).toContainText("Allgemeine Sozialberatung");
  await checkPage(admin, "agreements-saved", "Kooperationsvereinbarungen");
  // The deadline changes later (PATCH with the version).
  await row.first().getByRole("button", { name: "Vereinbarung mit Diakonie Musterstadt ändern" }).click();
  const editForm = admin.getByRole("region", { name: "Kooperationsvereinbarung mit Diakonie Musterstadt ändern" });
  await editForm.getByLabel(/^Frist für die Eingangsbestätigung/).fill("2");
  await expectNoAxeViolations(admin, "agreement-edit-form");
  await editForm.getByRole("button", { name: "Vereinbarung speichern" }).click();
  await toast(admin, "Die Kooperationsvereinbarung mit Diakonie Musterstadt wurde geändert.");
  await expect(row.first()).toContainText("Eingang bestätigen: 2 Arbeitstage");
});
