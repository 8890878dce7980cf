// Journey "consent and access": the case manager registers a person with a work and a health
// record and records a consent for the Jobcenter (work only), printing the form in Arabic; the
// Jobcenter clerk sees work but not health; after the revocation the clerk no longer finds the
// person; the data-protection officer's access report shows the clerk's reads on the ground of
// the consent.
import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe.js";
import {
  checkPage,
  chooseOption,
  chromiumAvailable,
  newPage,
  screenshot,
  signIn,
  skipReason,
  unique,
} from "./support.js";

test.skip(!chromiumAvailable, skipReason);

const caseManager = "fallmanagement@musterstadt.example";
const jobcenterClerk = "jobcenter@musterstadt.example";
const dpo = "datenschutz@musterstadt.example";

// A minimal valid PNG (1×1 pixel): the "scan" of the signed form.
const scan = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const tab = (page: Page, name: RegExp) => page.getByRole("tab", { name });

/** Closes the success toasts: one fading out is half transparent, and axe would measure it mid-way. */
async function dismissToasts(page: Page) {
  const toasts = page.locator(".mantine-Notification-root");
  for (const close of await toasts.getByRole("button", { name: "Schließen" }).all())
    await close.click().catch(() => {});
  await expect(toasts).toHaveCount(0);
}

/** A dialog's opening transition fades its colours in; axe measures contrast only once it is done. */
async function settledDialog(page: Page) {
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.waitForTimeout(400);
}

test("a consent opens exactly its categories to the Jobcenter, until it is revoked", async ({ browser }) => {
  test.setTimeout(180_000);
  const id = unique();
  const givenNames = `Amira ${id}`;
  const familyName = "Haddad";
  const purpose = `Vermittlung in Arbeit ${id}`;

  // The case manager registers the person.
  const cm = await newPage(browser);
  await signIn(cm, caseManager);
  await expect(cm).toHaveURL(/\/$/);
  await cm.goto("/persons/new");
  await dismissToasts(cm);
  await checkPage(cm, "consent-person-new", "Person registrieren");
  await cm.getByLabel(/^Vorname/).fill(givenNames);
  await cm.getByLabel(/^Familienname/).fill(familyName);
  await cm.getByLabel(/^Geburtsdatum/).fill("12.04.1991");
  await cm.getByRole("button", { name: "Person registrieren" }).click();
  await expect(cm).toHaveURL(/\/persons\/[0-9a-f-]{36}/);
  const personId = new URL(cm.url()).pathname.split("/")[2] ?? "";
  await dismissToasts(cm);
  await checkPage(cm, "consent-case-file", new RegExp(givenNames));

  // A work record and a health record.
  await tab(cm, /^Arbeit/).click();
  await cm
    .getByRole("button", { name: /erfassen$/ })
    .first()
    .click();
  const workDialog = cm.getByRole("dialog");
  await workDialog.getByLabel(/^Status/).selectOption({ label: "arbeitsuchend" });
  await workDialog.getByRole("button", { name: "Speichern" }).click();
  await expect(workDialog).toBeHidden();
  await expect(cm.getByRole("tabpanel")).toContainText("arbeitsuchend");
  await tab(cm, /^Gesundheit/).click();
  await cm
    .getByRole("button", { name: /erfassen$/ })
    .first()
    .click();
  const healthDialog = cm.getByRole("dialog");
  await healthDialog.getByLabel(/^Text/).fill(`Diabetes Typ 2 ${id}`);
  await healthDialog.getByRole("button", { name: "Speichern" }).click();
  await expect(healthDialog).toBeHidden();
  await expect(cm.getByRole("tabpanel")).toContainText(`Diabetes Typ 2 ${id}`);

  // Consents tab: nothing yet; the form checks its fields before anything is sent.
  await tab(cm, /^Einwilligungen/).click();
  const panel = cm.getByTestId("consents-panel");
  await expect(panel).toContainText("Für diese Person ist noch keine Einwilligung erfasst.");
  await dismissToasts(cm);
  await checkPage(cm, "consent-tab-empty");
  await panel.getByRole("button", { name: "Einwilligung erfassen" }).click();
  await expect(cm.getByRole("heading", { name: "Neue Einwilligung" })).toBeFocused();
  await cm.getByRole("button", { name: "Einwilligung speichern" }).click();
  await expect(cm.getByText("Bitte wählen Sie mindestens einen Empfänger.")).toBeVisible();
  await expect(cm.getByText("Bitte wählen Sie mindestens eine Angabe.")).toBeVisible();
  await expect(cm.getByText("Bei einem unterschriebenen Formular bitte den Scan anhängen.")).toBeVisible();
  await expect(cm.getByRole("combobox", { name: "Benannte Organisationen" })).toBeFocused();
  await dismissToasts(cm);
  await expectNoAxeViolations(cm, "consent form with errors");
  await screenshot(cm, "consent-form-errors");

  // Recipients: the Jobcenter; information: work only; the form in Arabic.
  await cm.getByRole("combobox", { name: "Benannte Organisationen" }).fill("Jobcenter");
  await cm.getByRole("option", { name: "Jobcenter Musterstadt" }).click();
  await cm.keyboard.press("Escape");
  await cm.getByRole("checkbox", { name: /^Arbeit/ }).check();
  await cm.getByLabel(/^Zweck/).fill(purpose);
  await cm.getByLabel("Sprache des Formulars").selectOption("ar");
  await dismissToasts(cm);
  await expectNoAxeViolations(cm, "consent form filled in");
  await screenshot(cm, "consent-form-filled");

  // Print the form with these details: Arabic, right to left, marked as a draft.
  const [print] = await Promise.all([
    cm.context().waitForEvent("page"),
    cm.getByRole("link", { name: "Formular mit diesen Angaben drucken" }).click(),
  ]);
  await print.waitForLoadState();
  await checkPage(print, "consent-print-ar", "Einwilligungsformular");
  const sheet = print.getByTestId("consent-sheet");
  await expect(sheet).toHaveAttribute("lang", "ar");
  await expect(sheet).toHaveAttribute("dir", "rtl");
  await expect(sheet).toContainText("الموافقة على مشاركة البيانات");
  await expect(sheet).toContainText(`${givenNames} ${familyName}`);
  await expect(sheet).toContainText("Jobcenter Musterstadt");
  await expect(sheet).toContainText(purpose);
  await expect(sheet.locator('li[data-chosen="true"]')).toHaveCount(1);
  await expect(print.getByTestId("draft-marker")).toHaveText(
    /Entwurf – juristische Prüfung erforderlich\s*Draft – legal review required/,
  );
  await expect(sheet).toContainText(/Formularfassung \S+/);
  // Printed, the application's frame stays off the paper.
  await print.emulateMedia({ media: "print" });
  await expect(print.getByRole("banner")).toBeHidden();
  await expect(print.getByRole("navigation", { name: "Hauptnavigation" })).toBeHidden();
  await expect(sheet).toBeVisible();
  await screenshot(print, "consent-print-ar-paper");
  await print.emulateMedia({ media: "screen" });
  // The same form in Ukrainian and Farsi.
  await print.getByLabel("Sprache des Formulars").selectOption("uk");
  await expect(sheet).toHaveAttribute("dir", "ltr");
  await expect(sheet).toHaveAttribute("lang", "uk");
  await expect(sheet).toContainText("Згода");
  await print.getByLabel("Sprache des Formulars").selectOption("fa");
  await expect(sheet).toHaveAttribute("dir", "rtl");
  await expect(sheet).toHaveAttribute("lang", "fa");
  await screenshot(print, "consent-print-fa");
  await print.close();

  // The signed scan, then save.
  const [chooser] = await Promise.all([
    cm.waitForEvent("filechooser"),
    cm.getByRole("button", { name: /^Unterschriebenes Formular \(Scan\)/ }).click(),
  ]);
  await chooser.setFiles({ name: "einwilligung-unterschrieben.png", mimeType: "image/png", buffer: scan });
  await cm.getByRole("button", { name: "Einwilligung speichern" }).click();
  await expect(cm.getByText("Die Einwilligung wurde gespeichert.")).toBeVisible();
  const consent = panel.getByTestId("consent");
  await expect(consent).toHaveCount(1);
  await expect(consent).toHaveAttribute("data-status", "active");
  await expect(consent).toContainText("Gültig");
  await expect(consent).toContainText(purpose);
  await expect(consent).toContainText("Jobcenter Musterstadt");
  await expect(consent).toContainText("Arabisch");
  await expect(consent.getByRole("link", { name: "Unterschriebenes Formular" })).toBeVisible();
  await dismissToasts(cm);
  await checkPage(cm, "consent-tab-recorded");

  // The Jobcenter clerk finds the person and sees exactly the consented information.
  const jc = await newPage(browser);
  await signIn(jc, jobcenterClerk);
  await expect(jc).toHaveURL(/\/$/);
  await jc.goto(`/persons?q=${encodeURIComponent(givenNames)}`);
  await dismissToasts(jc);
  await checkPage(jc, "consent-jobcenter-persons", "Personen");
  await jc.getByRole("link", { name: new RegExp(givenNames) }).click();
  await dismissToasts(jc);
  await checkPage(jc, "consent-jobcenter-case-file", new RegExp(givenNames));
  const seen = await (await jc.request.get(`/api/v1/persons/${personId}`)).json();
  expect([...seen.access.openCategories].sort()).toEqual(["identity", "work"]);
  await tab(jc, /^Arbeit/).click();
  await expect(jc.getByRole("tabpanel")).toContainText("arbeitsuchend");
  await dismissToasts(jc);
  await checkPage(jc, "consent-jobcenter-work");
  await tab(jc, /^Gesundheit/).click();
  const closed = jc.getByTestId("closed-notice");
  await expect(closed).toContainText("Keine Einwilligung für Jobcenter Musterstadt: Gesundheit");
  await expect(jc.getByRole("tabpanel")).not.toContainText("Diabetes");
  await dismissToasts(jc);
  await checkPage(jc, "consent-jobcenter-health-closed");
  // The clerk reads the consent that reaches the Jobcenter, without recording or withdrawing.
  await tab(jc, /^Einwilligungen/).click();
  const jcPanel = jc.getByTestId("consents-panel");
  await expect(jcPanel.getByTestId("consent")).toHaveCount(1);
  await expect(jcPanel.getByTestId("consent")).toContainText(purpose);
  await expect(jcPanel.getByRole("button", { name: "Einwilligung erfassen" })).toHaveCount(0);
  await expect(jcPanel.getByRole("button", { name: /widerrufen$/ })).toHaveCount(0);
  await dismissToasts(jc);
  await checkPage(jc, "consent-jobcenter-consents");
  const health = await jc.request.get(`/api/v1/persons/${personId}/records?category=health`);
  expect(health.status()).toBe(403);
  expect((await health.json()).type).toMatch(/\/problems\/consent-required$/);

  // The case manager revokes the consent, with a reason.
  await cm.getByRole("button", { name: `Einwilligung „${purpose}“ widerrufen` }).click();
  const revokeDialog = cm.getByRole("dialog", { name: "Einwilligung widerrufen" });
  await expect(revokeDialog).toContainText("Jobcenter Musterstadt");
  await revokeDialog.getByLabel("Grund des Widerrufs").fill("Mündlich widerrufen im Beratungsgespräch");
  await settledDialog(cm);
  await dismissToasts(cm);
  await expectNoAxeViolations(cm, "consent revoke dialog");
  await screenshot(cm, "consent-revoke-dialog");
  await revokeDialog.getByRole("button", { name: "Einwilligung widerrufen" }).click();
  await expect(cm.getByText("Die Einwilligung wurde widerrufen.")).toBeVisible();
  await expect(consent).toHaveAttribute("data-status", "revoked");
  await expect(consent).toContainText("Mündlich widerrufen im Beratungsgespräch");
  await expect(cm.getByRole("button", { name: `Einwilligung „${purpose}“ widerrufen` })).toHaveCount(0);
  await dismissToasts(cm);
  await checkPage(cm, "consent-tab-revoked");

  // From the next request on, the person does not exist for the Jobcenter.
  await jc.reload();
  await expect(jc.getByRole("main")).toContainText(/nicht gefunden|nicht sichtbar/);
  await dismissToasts(jc);
  await expectNoAxeViolations(jc, "jobcenter case file after revocation");
  await screenshot(jc, "consent-jobcenter-after-revocation");
  await jc.goto(`/persons?q=${encodeURIComponent(givenNames)}`);
  await dismissToasts(jc);
  await checkPage(jc, "consent-jobcenter-persons-after", "Personen");
  await expect(jc.getByRole("link", { name: new RegExp(givenNames) })).toHaveCount(0);
  expect((await jc.request.get(`/api/v1/persons/${personId}`)).status()).toBe(404);

  // The data-protection officer: find the person, open the access report.
  const dp = await newPage(browser);
  await signIn(dp, dpo);
  await expect(dp).toHaveURL(/\/$/);
  await dp.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Datenschutz" }).click();
  await dismissToasts(dp);
  await checkPage(dp, "dpo-home", "Datenschutz");
  // The lookup is the spelling-tolerant person search: it reads names and a birth date, not the id.
  await dp.getByLabel("Name").fill(`${givenNames} ${familyName} 12.04.1991`);
  await dp.getByRole("button", { name: "Suchen" }).click();
  await expect(dp.getByTestId("dpo-persons").locator("tbody tr")).toHaveCount(1);
  await dismissToasts(dp);
  await expectNoAxeViolations(dp, "dpo search results");
  await screenshot(dp, "dpo-search");
  await dp.getByRole("link", { name: `Zugriffsbericht für ${givenNames} ${familyName} öffnen` }).click();
  await dismissToasts(dp);
  await checkPage(dp, "dpo-access-report", `Zugriffsbericht: ${givenNames} ${familyName}`);
  await expect(dp.getByTestId("access-recipients")).toContainText("Jobcenter Musterstadt");

  // Only the Jobcenter's entries: its reads of the case file (the page's, which the web app may
  // refetch once its data is 10 s old, and the API read), each on the ground of the consent, none
  // of them with health; its hit in the person list is recorded on the same ground.
  await dp.getByLabel("Organisation", { exact: true }).selectOption({ label: "Jobcenter Musterstadt" });
  const rows = dp.getByTestId("access-entry");
  await expect(rows.first()).toContainText("Jobcenter Musterstadt");
  for (const row of await rows.all()) {
    await expect(row).toContainText("Jobcenter Musterstadt");
    await expect(row).toContainText("Jonas Becker");
    await expect(row).not.toContainText("Gesundheit");
  }
  const reads = rows.filter({ hasText: "Person angesehen" });
  await expect(reads.nth(1)).toBeVisible();
  const readCount = await reads.count();
  for (const row of await reads.all()) await expect(row).toContainText("Einwilligung");
  await expect(reads.filter({ hasText: "Arbeit" }).first()).toBeVisible();
  const all = await rows.count();
  expect(all).toBe(readCount + 1);
  // Every one of them on the ground of the consent.
  await dp.getByLabel("Grundlage").selectOption({ label: "Einwilligung" });
  await expect(rows).toHaveCount(all);
  await expect(rows.filter({ hasText: "Person angesehen" })).toHaveCount(readCount);
  await dismissToasts(dp);
  await expectNoAxeViolations(dp, "dpo access report filtered");
  await screenshot(dp, "dpo-access-report-jobcenter");

  // The Art. 15 export: JSON to download, a printable document in German and English.
  const json = dp.getByRole("link", { name: "JSON herunterladen" });
  await expect(json).toHaveAttribute("href", `/api/v1/persons/${personId}/export?format=json`);
  const exported = await dp.request.get(`/api/v1/persons/${personId}/export?format=json`);
  expect(exported.status()).toBe(200);
  const data = await exported.json();
  expect(data.consents).toHaveLength(1);
  expect(data.consents[0].status).toBe("revoked");
  const [printable] = await Promise.all([
    dp.context().waitForEvent("page"),
    dp.getByRole("link", { name: /Druckfassung \(English\)/ }).click(),
  ]);
  await printable.waitForLoadState();
  await expect(printable.locator("html")).toHaveAttribute("lang", "en");
  await expect(printable.locator("body")).toContainText("Jobcenter Musterstadt");
  await expect(printable.getByRole("heading", { name: "Referrals to other organisations" })).toBeVisible();
  await expectNoAxeViolations(printable, "Art. 15 document (English)");
  await screenshot(printable, "dpo-export-en");
  await printable.close();

  // All audit entries about the person, on the audit page, with the chain check.
  await dp.getByRole("link", { name: "Alle Protokolleinträge zu dieser Person" }).click();
  await dismissToasts(dp);
  await checkPage(dp, "dpo-audit-person", "Protokoll");
  await expect(dp.getByLabel("Person (ID)")).toHaveValue(personId);
  await expect(dp.getByTestId("audit-table")).toContainText("Einwilligung widerrufen");
  await expect(dp.getByTestId("audit-table")).toContainText("Einwilligung erfasst");

  // Legal bases, readable for the data-protection officer.
  await dp.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Rechtsgrundlagen" }).click();
  await dismissToasts(dp);
  await checkPage(dp, "dpo-legal-bases", "Rechtsgrundlagen");
  await expect(dp.getByRole("button", { name: "Rechtsgrundlage anlegen" })).toHaveCount(0);
});

test("the tenant admin keeps legal bases and cooperation agreements", async ({ browser }) => {
  const id = unique();
  const page = await newPage(browser);
  await signIn(page, "admin@musterstadt.example");
  await expect(page).toHaveURL(/\/$/);
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });

  // A legal basis: validation first, then save, then revoke.
  await nav.getByRole("link", { name: "Rechtsgrundlagen" }).click();
  await dismissToasts(page);
  await checkPage(page, "legal-bases", "Rechtsgrundlagen");
  await page.getByRole("button", { name: "Rechtsgrundlage anlegen" }).click();
  await page.getByRole("button", { name: "Rechtsgrundlage speichern" }).click();
  await expect(page.getByText("Bitte wählen Sie einen Eintrag aus.")).toBeVisible();
  await expect(page.getByText("Bitte wählen Sie mindestens eine Angabe.")).toBeVisible();
  await dismissToasts(page);
  await expectNoAxeViolations(page, "legal basis form with errors");
  await screenshot(page, "legal-basis-form-errors");
  const citation = `§ 71 Abs. 1 AufenthG (${id})`;
  await page.getByLabel(/^Organisation/).selectOption({ label: "Ausländerbehörde Musterstadt" });
  await page.getByRole("checkbox", { name: /^Aufenthalt/ }).check();
  await page.getByLabel(/^Fundstelle/).fill(citation);
  await page.getByLabel("Erläuterung").fill("Übermittlung des Aufenthaltsstatus für die Fallführung.");
  await page.getByRole("button", { name: "Rechtsgrundlage speichern" }).click();
  await expect(page.getByText(`Die Rechtsgrundlage „${citation}“ wurde angelegt.`)).toBeVisible();
  const row = page.getByTestId("legal-bases-table").locator("tr", { hasText: citation });
  await expect(row).toContainText("Gilt");
  await dismissToasts(page);
  await checkPage(page, "legal-bases-created", "Rechtsgrundlagen");
  await row.getByRole("button", { name: /aufheben$/ }).click();
  const dialog = page.getByRole("dialog", { name: "Rechtsgrundlage aufheben" });
  await settledDialog(page);
  await dismissToasts(page);
  await expectNoAxeViolations(page, "legal basis revoke dialog");
  await dialog.getByRole("button", { name: "Rechtsgrundlage aufheben" }).click();
  await expect(row).toContainText("Aufgehoben");

  // A cooperation agreement with the Jobcenter.
  await nav.getByRole("link", { name: "Kooperationen" }).click();
  await dismissToasts(page);
  await checkPage(page, "agreements", "Kooperationsvereinbarungen");
  await page.getByRole("button", { name: "Vereinbarung anlegen" }).click();
  await page.getByLabel(/^Partnerorganisation/).selectOption({ label: "Jobcenter Musterstadt" });
  // Services come from the code list; free text is not offered.
  await page.getByRole("combobox", { name: /^Abgedeckte Leistungen/ }).fill(`Arbeitsvermittlung ${id}`);
  await expect(page.getByText("Keine passende Auswahl (schon gewählt oder anders geschrieben?)")).toBeVisible();
  await page.getByRole("combobox", { name: /^Abgedeckte Leistungen/ }).fill("");
  await chooseOption(page, /^Abgedeckte Leistungen/, "Arbeitsverm", "Arbeitsvermittlung und Beratung");
  await chooseOption(page, /^Abgedeckte Leistungen/, "Sprachmit", "Sprachmittlung");
  await page.getByLabel(/^Frist für die Eingangsbestätigung/).fill("2");
  await page.getByLabel(/^Frist für das Erstgespräch/).fill("8");
  await page.getByLabel(/^Gültig bis/).fill(`${new Date().getFullYear() + 2}-12-31`);
  await dismissToasts(page);
  await expectNoAxeViolations(page, "agreement form");
  await screenshot(page, "agreement-form");
  await page.getByRole("button", { name: "Vereinbarung speichern" }).click();
  await expect(page.getByText("Die Kooperationsvereinbarung mit Jobcenter Musterstadt wurde angelegt.")).toBeVisible();
  const agreement = page
    .getByTestId("agreements-table")
    .locator("tr", { hasText: "Jobcenter Musterstadt" })
    .filter({ hasText: "Sprachmittlung" })
    .filter({ hasText: "Erstgespräch: 8 Arbeitstage" })
    .first();
  await expect(agreement).toContainText("Arbeitsvermittlung und Beratung");
  await expect(agreement).toContainText("Eingang bestätigen: 2 Arbeitstage");
  await expect(agreement).toContainText(`bis 31. Dezember ${new Date().getFullYear() + 2}`);
  await dismissToasts(page);
  await checkPage(page, "agreements-created", "Kooperationsvereinbarungen");
});
