// Journey of the tenant admin: sign in, add an organisation and a user in it, look at the audit
// log and the accessibility statement (also in English), sign out, sign in as the new user.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe.js";
import {
  accounts,
  checkPage,
  chromiumAvailable,
  demoPassword,
  newPage,
  resetLanguage,
  screenshot,
  signIn,
  signOut,
  skipReason,
  unique,
} from "./support.js";

test.skip(!chromiumAvailable, skipReason);
test.afterEach(async ({ request }) => resetLanguage(request, accounts.tenantAdmin));

test("tenant admin creates an organisation and a user, who then signs in", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await newPage(browser);
  const id = unique();
  const orgName = `Sprachcafé Nord ${id} e. V.`;
  const userName = `Mira Okafor ${id}`;
  const userEmail = `m.okafor.${id}@sprachcafe.example`;
  const userPassword = "Ein-sicheres-Passwort-2026";

  // Sign-in page, with a wrong password first.
  await page.goto("/login");
  await checkPage(page, "login", "Anmelden");
  await expect(page).toHaveTitle("Anmelden – Strang");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByText("Bitte füllen Sie dieses Feld aus.").first()).toBeVisible();
  await page.getByLabel("E-Mail-Adresse").fill(accounts.tenantAdmin);
  await page.getByLabel(/^Passwort/).fill("falsch-falsch-falsch");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("E-Mail-Adresse oder Passwort ist falsch.");
  await expectNoAxeViolations(page, "login with error");
  await screenshot(page, "login-error");

  // Home.
  await signIn(page, accounts.tenantAdmin);
  await expect(page).toHaveURL(/\/$/);
  await checkPage(page, "home", "Willkommen, Katrin Vogel");
  await expect(page.getByRole("banner")).toContainText("Musterstadt");
  await expect(page.getByRole("banner")).toContainText("Kommunales Integrationszentrum Musterstadt");
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav.getByRole("link")).toHaveText([
    "Übersicht",
    "Netzwerk-Verzeichnis",
    "Fristtreue",
    "Einstellungen",
    "Hintergrundaufgaben",
    "Benutzerkonten",
    "Protokoll",
    "Rechtsgrundlagen",
    "Kooperationen",
  ]);

  // Organisations are one list, the network directory: search, type filter.
  await nav.getByRole("link", { name: "Netzwerk-Verzeichnis" }).click();
  await checkPage(page, "organisations", "Netzwerk-Verzeichnis");
  await expect(page).toHaveTitle("Netzwerk-Verzeichnis – Strang");
  const entries = page.getByTestId("directory-entry");
  await page.getByLabel("Name oder Beschreibung").fill("Jobcenter");
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText("Jobcenter Musterstadt");
  await page.getByLabel("Name oder Beschreibung").fill("");
  await page.getByLabel("Art der Organisation").selectOption({ label: "Wohlfahrtsverband" });
  await expect(entries).toHaveCount(2);
  await page.getByLabel("Art der Organisation").selectOption({ label: "Alle" });
  // A bookmark of the old organisations list lands in the directory, with its filter.
  await page.goto("/organisations?type=welfare");
  await expect(page).toHaveURL(/\/directory\?type=welfare$/);
  await checkPage(page, "organisations-redirected", "Netzwerk-Verzeichnis");
  await expect(entries).toHaveCount(2);
  await expect(page.getByLabel("Art der Organisation")).toHaveValue("welfare");
  await page.getByLabel("Art der Organisation").selectOption({ label: "Alle" });

  // New organisation: inline validation first, then save.
  await page.getByRole("link", { name: "Organisation anlegen" }).click();
  await checkPage(page, "organisation-new", "Organisation anlegen");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByLabel(/^Name/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(/^Name/)).toBeFocused();
  await expect(page.getByText("Bitte füllen Sie dieses Feld aus.")).toBeVisible();
  await expect(page.getByText("Bitte wählen Sie einen Eintrag aus.")).toBeVisible();
  await page.getByLabel(/^E-Mail-Adresse/).fill("kein-email");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Bitte geben Sie eine gültige E-Mail-Adresse ein.")).toBeVisible();
  await expectNoAxeViolations(page, "organisation form with errors");
  await screenshot(page, "organisation-new-errors");
  await page.getByLabel(/^Name/).fill(orgName);
  await page.getByLabel(/^Art der Organisation/).selectOption({ label: "Ehrenamtsinitiative" });
  await page.getByLabel(/^E-Mail-Adresse/).fill(`kontakt.${id}@sprachcafe.example`);
  await page.getByLabel("Telefon").fill("02131 123456");
  await page.getByLabel("Anschrift").fill("Marktplatz 3\n40000 Musterstadt");
  await page.getByRole("button", { name: "Speichern" }).click();
  // The new organisation's directory entry, with the way to its administration.
  await expect(page).toHaveURL(/\/directory\/[0-9a-f-]{36}$/);
  await expect(page.getByText(`Die Organisation „${orgName}“ wurde angelegt.`)).toBeVisible();
  await checkPage(page, "organisation-entry-admin", orgName);
  await nav.getByRole("link", { name: "Netzwerk-Verzeichnis" }).click();
  await page.getByLabel("Name oder Beschreibung").fill(id);
  await expect(entries).toHaveCount(1);
  await entries.getByRole("link", { name: orgName }).click();
  await page.getByRole("link", { name: "Organisation verwalten" }).click();

  // Edit it; a concurrent change answers with a version conflict and a reload.
  await checkPage(page, "organisation-edit", "Organisation bearbeiten");
  await expect(page.getByLabel(/^Name/)).toHaveValue(orgName);
  const orgId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const concurrent = await page.request.patch(`/api/v1/organisations/${orgId}`, {
    headers: { "x-strang-csrf": "1" },
    data: { phone: "02131 999999", version: 1 },
  });
  expect(concurrent.status()).toBe(200);
  await page.getByLabel("Telefon").fill("02131 654321");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "Jemand anderes hat diesen Eintrag inzwischen geändert",
  );
  await expectNoAxeViolations(page, "organisation version conflict");
  await page.getByRole("button", { name: "Neu laden" }).click();
  await expect(page.getByLabel("Telefon")).toHaveValue("02131 999999");
  await page.getByLabel("Telefon").fill("02131 654321");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText(`Die Änderungen an „${orgName}“ wurden gespeichert.`)).toBeVisible();

  // Users: list and a new caseworker in the new organisation.
  await nav.getByRole("link", { name: "Benutzerkonten" }).click();
  await checkPage(page, "users", "Benutzerkonten");
  await page.getByLabel("Rolle", { exact: true }).selectOption({ label: "Datenschutzbeauftragte/r" });
  await expect(page.getByTestId("users-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("users-table")).toContainText("Stefan Richter");
  await page.getByLabel("Rolle", { exact: true }).selectOption({ label: "Alle" });
  await page.getByRole("link", { name: "Benutzerkonto anlegen" }).click();
  await checkPage(page, "user-new", "Benutzerkonto anlegen");
  const roleOptions = await page
    .getByLabel(/^Rolle/)
    .locator("option")
    .allTextContents();
  expect(roleOptions).toContain("Mandantenadministration");
  await page.getByLabel(/^Name/).fill(userName);
  await page.getByLabel(/^E-Mail-Adresse/).fill(accounts.jobcenterAdmin);
  await page.getByLabel(/^Organisation/).selectOption({ label: orgName });
  await page.getByLabel(/^Rolle/).selectOption({ label: "Sachbearbeitung" });
  await page.getByLabel(/^Erstes Passwort/).fill("zu-kurz");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Mindestens 12 Zeichen.", { exact: true })).toBeVisible();
  await page.getByLabel(/^Erstes Passwort/).fill(userPassword);
  await page.getByRole("button", { name: "Speichern" }).click();
  // The server knows the address already: its field error lands on the e-mail field.
  await expect(page.getByText("Diese E-Mail-Adresse wird bereits verwendet.")).toBeVisible();
  await expect(page.getByLabel(/^E-Mail-Adresse/)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "user form with server error");
  await screenshot(page, "user-new-errors");
  await page.getByLabel(/^E-Mail-Adresse/).fill(userEmail);
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByText(`Das Benutzerkonto für ${userName} wurde angelegt.`)).toBeVisible();
  await page.getByLabel("Suche nach Name oder E-Mail").fill(id);
  await expect(page.getByTestId("users-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("users-table")).toContainText(orgName);
  await page.getByRole("link", { name: userName }).click();
  await checkPage(page, "user-edit", "Benutzerkonto bearbeiten");

  // Audit log: the new user's creation, and the chain check.
  await nav.getByRole("link", { name: "Protokoll" }).click();
  await checkPage(page, "audit", "Protokoll");
  await page.getByLabel("Aktion").selectOption({ label: "Benutzerkonto angelegt" });
  await expect(page.getByTestId("audit-table").locator("tbody tr").first()).toContainText("Benutzerkonto angelegt");
  await expect(page.getByTestId("audit-table").locator("tbody tr").first()).toContainText(userName);
  await page.getByRole("button", { name: "Protokollkette prüfen" }).click();
  await expect(page.getByTestId("verify-result")).toContainText("Die Protokollkette ist unversehrt");
  await expectNoAxeViolations(page, "audit with verify result");
  await screenshot(page, "audit-verified");

  // English: the interface, <html lang> and the page title switch; the choice is kept.
  await page.getByTestId("language-menu").click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("h1")).toHaveText("Audit log");
  await expect(page).toHaveTitle("Audit log – Strang");
  await checkPage(page, "audit-en", "Audit log");
  const footer = page.getByRole("navigation", { name: /Rechtliches und Hilfe|Legal and help/ });
  await footer.getByRole("link", { name: "Accessibility statement" }).click();
  await checkPage(page, "accessibility-en", "Accessibility statement");
  await expect(page.getByRole("main")).toContainText("Schlichtungsstelle BGG");
  await page.reload();
  await expect(page.locator("h1")).toHaveText("Accessibility statement");
  await footer.getByRole("link", { name: "Accessibility feedback" }).click();
  await checkPage(page, "feedback-en", "Accessibility feedback");
  await page.getByTestId("language-menu").click();
  await page.getByRole("menuitemradio", { name: "Deutsch" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await footer.getByRole("link", { name: "Barrierefreiheit", exact: true }).click();
  await checkPage(page, "accessibility", "Erklärung zur Barrierefreiheit");
  await expect(page.getByTestId("accessibility-contact").getByRole("link")).toHaveAttribute("href", /^mailto:/);

  // 404.
  await page.goto("/gibt-es-nicht");
  await checkPage(page, "not-found", "Seite nicht gefunden");

  // Sign out; the new user signs in and sees what a caseworker may do.
  await page.goto("/");
  await signOut(page);
  await checkPage(page, "login-signed-out", "Anmelden");
  await signIn(page, userEmail, userPassword);
  await expect(page.locator("h1")).toHaveText(`Willkommen, ${userName}`);
  await checkPage(page, "home-caseworker");
  await expect(page.getByRole("main")).toContainText("Sachbearbeitung");
  await expect(page.getByRole("main")).toContainText(orgName);
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link")).toHaveText([
    "Übersicht",
    "Personen",
    "Verweisungen",
    "Netzwerk-Verzeichnis",
    "Dubletten",
  ]);
  await page.goto("/users");
  await checkPage(page, "users-forbidden", "Keine Berechtigung");
  await page.context().close();
});

test("the data-protection officer sees the audit log but cannot manage users", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, accounts.dpo, demoPassword);
  await expect(page.locator("h1")).toHaveText("Willkommen, Stefan Richter");
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav.getByRole("link")).toHaveText([
    "Übersicht",
    "Netzwerk-Verzeichnis",
    "Protokoll",
    "Datenschutz",
    "Rechtsgrundlagen",
  ]);
  await nav.getByRole("link", { name: "Protokoll" }).click();
  await checkPage(page, "audit-dpo", "Protokoll");
  await page.goto("/organisations");
  await expect(page).toHaveURL(/\/directory$/);
  await checkPage(page, "organisations-directory", "Netzwerk-Verzeichnis");
  await expect(page.getByRole("link", { name: "Organisation anlegen" })).toHaveCount(0);
  await expect(page.getByLabel("Status")).toHaveCount(0);
  await page.getByRole("link", { name: "Jobcenter Musterstadt" }).click();
  await checkPage(page, "directory-entry-dpo", "Jobcenter Musterstadt");
  await expect(page.getByRole("link", { name: "Organisation verwalten" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Eintrag bearbeiten" })).toHaveCount(0);
  await page.context().close();
});

test("an organisation admin manages only the users of the own organisation", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, accounts.jobcenterAdmin);
  await expect(page.locator("h1")).toHaveText("Willkommen, Sabine Krüger");
  // The organisation's head also reads the referral deadline figures (abilities from /auth/me).
  await expect(
    page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Fristtreue" }),
  ).toBeVisible();
  await expect(page.getByTestId("home-card-sla")).toBeVisible();
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Benutzerkonten" }).click();
  await checkPage(page, "users-org-admin", "Benutzerkonten");
  await expect(page.getByRole("main")).toContainText("Konten Ihrer Organisation Jobcenter Musterstadt.");
  await expect(page.getByLabel("Organisation", { exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Benutzerkonto anlegen" }).click();
  await checkPage(page, "user-new-org-admin", "Benutzerkonto anlegen");
  await expect(page.getByLabel(/^Organisation/).locator("option")).toHaveText(["Jobcenter Musterstadt"]);
  const roles = await page
    .getByLabel(/^Rolle/)
    .locator("option")
    .allTextContents();
  expect(roles).not.toContain("Mandantenadministration");
  await page.context().close();
});
