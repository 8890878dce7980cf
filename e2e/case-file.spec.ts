// Journey of a case manager: register a family of four in one new household (the father with a
// year-only birth date), record a § 24 residence status for the father, enrol a child in an
// international class, upload a PDF to the father's documents, and find it all on the timelines.
import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe.js";
import {
  berlinToday,
  checkPage,
  chooseOption,
  chromiumAvailable,
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

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");

/** A date `days` from today as typed in German (TT.MM.JJJJ). */
/** The date `days` from today as the browser sees today (Europe/Berlin, not the test runner's UTC). */
function germanDate(days: number): string {
  const d = new Date(`${berlinToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${String(d.getUTCDate()).padStart(2, "0")}.${String(d.getUTCMonth() + 1).padStart(2, "0")}.${d.getUTCFullYear()}`;
}

async function partialDate(page: Page, legend: string, precision: string, value?: string) {
  const group = page.getByRole("group", { name: legend, exact: true });
  await group.getByLabel("Genauigkeit").selectOption({ label: precision });
  if (value !== undefined) await group.getByLabel(legend, { exact: true }).fill(value);
}

/** A success message: shown, then closed, so that no toast fading out distorts the axe check. */
async function toast(page: Page, text: string) {
  const notification = page.locator(".mantine-Notification-root", { hasText: text });
  await expect(notification).toBeVisible();
  await notification.getByRole("button", { name: "Schließen" }).click();
  await expect(page.locator(".mantine-Notification-root")).toHaveCount(0);
}

async function openTab(page: Page, name: RegExp) {
  await page
    .getByRole("tablist", { name: /^(Bereiche der Fallakte|Sections of the case file)$/ })
    .getByRole("tab", { name })
    .click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

test("a case manager registers a family, records residence and school, uploads a document", async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await newPage(browser);
  const id = unique();
  const family = `Nazari-${id}`;
  const father = `Farid ${family}`;
  const mother = `Laila ${family}`;
  const son = `Omid ${family}`;
  const daughter = `Sara ${family}`;
  const household = `Haushalt ${family}`;

  await signIn(page, caseManager);
  await expect(page.locator("h1")).toHaveText("Willkommen, Aylin Kaya");
  // The start page offers what a case manager does, and nothing announced for later.
  for (const card of ["persons", "referrals", "duplicates", "organisations"])
    await expect(page.getByTestId(`home-card-${card}`)).toBeVisible();
  await expect(page.getByTestId("home-card-organisations").getByRole("link")).toHaveAttribute("href", "/directory");
  await expect(page.getByText(/schrittweise freigeschaltet/)).toHaveCount(0);
  await checkPage(page, "home-case-manager", "Willkommen, Aylin Kaya");

  // The person list: table, search, status filter, reached from the start page.
  await page.getByTestId("home-card-persons").getByRole("link", { name: "Zu den Personen" }).click();
  await checkPage(page, "persons", "Personen");
  await expect(page).toHaveTitle("Personen – Strang");
  const table = page.getByTestId("persons-table");
  await expect(table.locator("tbody tr")).toHaveCount(25);
  await page.getByRole("button", { name: "Weitere laden" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(50);
  await page.getByLabel("Suche nach Name oder Geburtsdatum").fill("Al-Ali");
  await expect(table.locator("tbody tr").first()).toContainText("Al-Ali");
  await expect(table).toContainText("Syrien");
  await page.getByLabel("Fallstatus").selectOption({ label: "Ruhend" });
  await expect(table.locator("tbody tr").first()).toContainText("Ruhend");
  await page.getByLabel("Suche nach Name oder Geburtsdatum").fill("");
  await page.getByLabel("Fallstatus").selectOption({ label: "Alle" });

  // Registration: inline validation first.
  await page.getByRole("link", { name: "Person registrieren" }).click();
  await checkPage(page, "person-new", "Person registrieren");
  await page.getByRole("button", { name: "Person registrieren" }).click();
  await expect(page.getByLabel(/^Vorname\(n\)/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(/^Vorname\(n\)/)).toBeFocused();
  await partialDate(page, "Geburtsdatum", "Nur Jahr", "84");
  await page.getByLabel(/^E-Mail-Adresse/).fill("keine-adresse");
  await page.getByRole("button", { name: "Person registrieren" }).click();
  await expect(page.getByText("Bitte als JJJJ mit einem gültigen Datum eingeben.")).toBeVisible();
  await expect(page.getByText("Bitte geben Sie eine gültige E-Mail-Adresse ein.")).toBeVisible();
  await expectNoAxeViolations(page, "person form with errors");
  await screenshot(page, "person-new-errors");

  // The father: year-only birth date, nationality and language from the lists, a new household.
  await page.getByLabel(/^Vorname\(n\)/).fill("Farid");
  await page.getByLabel("Familienname").fill(family);
  await partialDate(page, "Geburtsdatum", "Nur Jahr", "1984");
  await page.getByLabel(/^E-Mail-Adresse/).fill("");
  await page.getByLabel("Geschlecht").selectOption({ label: "Männlich" });
  await chooseOption(page, "Staatsangehörigkeit(en)", "Afgh", "Afghanistan");
  await chooseOption(page, "Sprachen", "Dar", "Dari");
  await page.getByRole("checkbox", { name: "Dari" }).check();
  await page.getByLabel("Straße und Hausnummer").fill("Lindenweg 4");
  await page.getByLabel("Postleitzahl").fill("40000");
  await page.getByLabel("Ort", { exact: true }).fill("Musterstadt");
  await partialDate(page, "In Deutschland seit", "Nur Monat und Jahr", "03.2022");
  await page.getByLabel("Neuen Haushalt anlegen").check();
  await expect(page.getByLabel(/^Name des Haushalts/)).toHaveValue(household);
  await expect(page.getByLabel(/^Beziehung im Haushalt/)).toHaveValue("head");
  await expectNoAxeViolations(page, "person form filled");
  await screenshot(page, "person-new-filled");
  await page.getByRole("button", { name: "Person registrieren" }).click();
  await expect(page).toHaveURL(/\/persons\/[0-9a-f-]{36}$/);
  await toast(page, `${father} wurde registriert.`);
  await checkPage(page, "case-file", father);
  await expect(page).toHaveTitle(`${father} – Strang`);
  const header = page.getByTestId("case-header");
  await expect(header).toContainText("1984");
  await expect(header).toContainText("Afghanistan");
  await expect(header).toContainText("Dari (Dolmetschung)");
  await expect(header).toContainText("Aufnahme");
  const fatherUrl = page.url();

  // Open the case file.
  await page.getByRole("button", { name: "Fallakte eröffnen" }).click();
  const openDialog = page.getByRole("dialog", { name: "Fallakte eröffnen" });
  await expect(openDialog).toBeVisible();
  await expectNoAxeViolations(page, "case action dialog");
  await openDialog.getByRole("button", { name: "Fallakte eröffnen" }).click();
  await toast(page, "Die Fallakte wurde eröffnet.");
  await expect(header).toContainText("Aktiv");

  // The household: register the mother and the two children into it.
  const members: [string, string, string, string][] = [
    ["Laila", "Tag, Monat und Jahr", "12.03.1987", "Ehe-/Lebenspartner/in"],
    ["Omid", "Tag, Monat und Jahr", "20.05.2014", "Kind"],
    ["Sara", "Nur Monat und Jahr", "09.2019", "Kind"],
  ];
  for (const [given, precision, date, relation] of members) {
    await openTab(page, /^Haushalt/);
    await expect(page.getByTestId("household-members")).toContainText(father);
    if (given === "Laila") await checkPage(page, "case-household", father);
    await page.getByRole("link", { name: "Neue Person in diesem Haushalt registrieren" }).click();
    await expect(page.locator("h1")).toHaveText("Person registrieren");
    await expect(page.getByLabel(`Dem Haushalt „${household}“ hinzufügen`)).toBeChecked();
    await page.getByLabel(/^Vorname\(n\)/).fill(given);
    await page.getByLabel("Familienname").fill(family);
    await partialDate(page, "Geburtsdatum", precision, date);
    await chooseOption(page, "Staatsangehörigkeit(en)", "Afgh", "Afghanistan");
    await page.getByLabel(/^Beziehung im Haushalt/).selectOption({ label: relation });
    await page.getByRole("button", { name: "Person registrieren" }).click();
    await expect(page.locator("h1")).toHaveText(`${given} ${family}`);
    await toast(page, `${given} ${family} wurde registriert.`);
  }
  await openTab(page, /^Haushalt/);
  const membersTable = page.getByTestId("household-members");
  await expect(membersTable.locator("tbody tr")).toHaveCount(4);
  await expect(membersTable).toContainText("Haushaltsvorstand");
  await expect(membersTable).toContainText("12.03.1987");
  await expect(membersTable).toContainText("09/2019");
  await checkPage(page, "case-household-complete", daughter);

  // The son: enrolled in an international class.
  await membersTable.getByRole("link", { name: son }).click();
  await expect(page.locator("h1")).toHaveText(son);
  await openTab(page, /^Schule/);
  await page.getByRole("button", { name: "Schulanmeldung erfassen" }).click();
  const school = page.getByRole("dialog", { name: "Schulanmeldung erfassen" });
  await school.getByRole("button", { name: "Speichern" }).click();
  await expect(school.getByLabel(/^Schule/)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "school enrolment form with errors");
  await school.getByLabel(/^Schule/).fill("Gesamtschule Musterstadt-Nord");
  await school.getByLabel(/^Klassenart/).selectOption({ label: "Internationale Klasse (Seiteneinstieg)" });
  await school.getByLabel("Jahrgangsstufe").fill("7");
  await partialDate(page, "Beginn", "Tag, Monat und Jahr", "01.09.2026");
  await screenshot(page, "school-enrolment-form");
  await school.getByRole("button", { name: "Speichern" }).click();
  await expect(school).toBeHidden();
  await toast(page, "Schulanmeldung wurde gespeichert.");
  const card = page.getByTestId("record-card").first();
  await expect(card).toContainText("Schulanmeldung");
  await expect(card).toContainText("Internationale Klasse (Seiteneinstieg)");
  await expect(card).toContainText("01.09.2026");
  await checkPage(page, "case-school", son);
  await card.getByRole("button", { name: /^Schulanmeldung vom .* bearbeiten$/ }).click();
  const schoolEdit = page.getByRole("dialog", { name: "Schulanmeldung bearbeiten" });
  await expect(schoolEdit.getByLabel("Jahrgangsstufe")).toHaveValue("7");
  await schoolEdit.getByLabel("Jahrgangsstufe").fill("8");
  await schoolEdit.getByRole("button", { name: "Speichern" }).click();
  await toast(page, "Die Änderungen wurden gespeichert.");
  await expect(card.locator("dt:text-is('Jahrgangsstufe') + dd")).toHaveText("8");
  // The sections are tabs: arrow keys move between them.
  await page.getByRole("tab", { name: /^Schule/ }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("tab", { name: /^Bildung/ })).toBeFocused();
  await expect(page.getByRole("tab", { name: /^Bildung/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("heading", { level: 2, name: "Bildung" })).toBeVisible();
  await openTab(page, /^Verlauf/);
  await expect(page.getByTestId("timeline")).toContainText("Schulanmeldung · Schule");
  await expect(page.getByTestId("timeline")).toContainText("Internationale Klasse (Seiteneinstieg)");
  await checkPage(page, "case-timeline-child", son);

  // The father: § 24 residence status, valid for four more weeks (highlighted on the overview).
  await page.goto(fatherUrl);
  await expect(page.locator("h1")).toHaveText(father);
  await openTab(page, /^Aufenthalt/);
  await page.getByRole("button", { name: "Aufenthaltsstatus erfassen" }).click();
  const residence = page.getByRole("dialog", { name: "Aufenthaltsstatus erfassen" });
  await expect(residence.getByLabel("Rechtsgrundlage")).toBeDisabled();
  await residence.getByLabel(/^Art/).selectOption({ label: "Vorübergehender Schutz (§ 24 AufenthG)" });
  // The paragraphs offered are those of the chosen status type.
  await expect(residence.getByLabel("Rechtsgrundlage").locator("option")).toHaveText([
    "nicht angegeben",
    "§ 24 AufenthG – Vorübergehender Schutz",
  ]);
  await residence.getByLabel("Rechtsgrundlage").selectOption({ label: "§ 24 AufenthG – Vorübergehender Schutz" });
  await residence.getByLabel("Ausgestellt am").fill(germanDate(-340));
  const validUntil = germanDate(28);
  await residence.getByLabel("Gültig bis").fill(validUntil);
  await residence.getByLabel("Erwerbstätigkeit erlaubt").selectOption({ label: "ja" });
  await expectNoAxeViolations(page, "residence form");
  await screenshot(page, "residence-form");
  await residence.getByRole("button", { name: "Speichern" }).click();
  await expect(residence).toBeHidden();
  await toast(page, "Aufenthaltsstatus wurde gespeichert.");
  await expect(page.getByTestId("record-card").first()).toContainText("§ 24 AufenthG – Vorübergehender Schutz");
  await expect(page.getByTestId("record-card").first()).toContainText(validUntil);
  await checkPage(page, "case-residence", father);
  await openTab(page, /^Übersicht/);
  await expect(page.getByTestId("current-residence")).toContainText("Vorübergehender Schutz (§ 24 AufenthG)");
  await expect(page.getByTestId("current-residence")).toContainText("läuft in 28 Tagen ab");
  await expect(page.getByTestId("overview-household").getByRole("link")).toHaveText([mother, son, daughter]);
  await checkPage(page, "case-overview", father);

  // Correcting the personal details while someone else changed them: a conflict, reload, save.
  await page.getByRole("link", { name: "Personalien bearbeiten" }).click();
  await checkPage(page, "person-edit", "Personalien bearbeiten");
  await expect(page.getByRole("group", { name: "Geburtsdatum" }).getByLabel("Genauigkeit")).toHaveValue("year");
  await expect(page.getByLabel("Geburtsdatum", { exact: true })).toHaveValue("1984");
  const fatherId = new URL(fatherUrl).pathname.split("/").pop() ?? "";
  const current = await (await page.request.get(`/api/v1/persons/${fatherId}`)).json();
  const concurrent = await page.request.patch(`/api/v1/persons/${fatherId}`, {
    headers: { "x-strang-csrf": "1" },
    data: { birthPlace: "Herat", version: current.version },
  });
  expect(concurrent.status()).toBe(200);
  await page.getByLabel("Telefon").fill("0151 2345678");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "Jemand anderes hat diesen Eintrag inzwischen geändert",
  );
  await expectNoAxeViolations(page, "person edit conflict");
  await page.getByRole("button", { name: "Neu laden" }).click();
  await expect(page.getByLabel("Geburtsort")).toHaveValue("Herat");
  await page.getByLabel("Telefon").fill("0151 2345678");
  await page.getByRole("button", { name: "Speichern" }).click();
  await toast(page, `Die Personalien von ${father} wurden gespeichert.`);
  await expect(page.locator("h1")).toHaveText(father);
  await expect(page.getByRole("main")).toContainText("0151 2345678");
  await expect(page.getByRole("main")).toContainText("Herat");

  // The father's documents: a file that is no PDF is refused by the server, the PDF is accepted.
  await openTab(page, /^Dokumente/);
  const upload = page.getByTestId("upload-form");
  await upload.getByLabel("Bereich").selectOption({ label: "Aufenthalt" });
  await upload.getByLabel(/^Datei/).setInputFiles({
    name: "bescheid.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("Das ist kein PDF, nur Text."),
  });
  await upload.getByRole("button", { name: "Hochladen" }).click();
  await expect(upload.getByRole("alert")).toContainText("Ihr Inhalt ist kein PDF, JPEG oder PNG");
  await expectNoAxeViolations(page, "upload refused");
  await upload.getByLabel("Titel").fill("Aufenthaltserlaubnis § 24");
  await upload
    .getByLabel(/^Datei/)
    .setInputFiles({ name: "aufenthaltserlaubnis.pdf", mimeType: "application/pdf", buffer: pdf });
  await upload.getByRole("button", { name: "Hochladen" }).click();
  await toast(page, "„Aufenthaltserlaubnis § 24“ wurde hochgeladen.");
  const documents = page.getByTestId("documents-table");
  await expect(documents.locator("tbody tr")).toHaveCount(1);
  await expect(documents).toContainText("aufenthaltserlaubnis.pdf");
  await expect(documents).toContainText("PDF");
  await checkPage(page, "case-documents", father);
  await documents.getByRole("button", { name: "Vorschau: Aufenthaltserlaubnis § 24" }).click();
  const preview = page.getByRole("dialog", { name: "Vorschau: Aufenthaltserlaubnis § 24" });
  await expect(preview.locator("iframe")).toHaveAttribute("title", "Inhalt des Dokuments Aufenthaltserlaubnis § 24");
  await expect(preview.getByRole("link", { name: "Herunterladen" })).toHaveAttribute(
    "href",
    /\/api\/v1\/documents\/[0-9a-f-]{36}\/content\?disposition=attachment$/,
  );
  const download = await page.request.get((await preview.locator("iframe").getAttribute("src")) ?? "");
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await screenshot(page, "document-preview");
  await preview.getByRole("button", { name: "Schließen" }).click();

  // The father's timeline: the document, the residence status, the case opened, the registration.
  await openTab(page, /^Verlauf/);
  const timeline = page.getByTestId("timeline");
  await expect(timeline.getByTestId("timeline-entry").first()).toContainText("Dokument hochgeladen · Aufenthalt");
  await expect(timeline.getByTestId("timeline-entry").first()).toContainText("Aufenthaltserlaubnis § 24");
  await expect(timeline).toContainText("Aufenthaltsstatus · Aufenthalt");
  await expect(timeline).toContainText("Vorübergehender Schutz (§ 24 AufenthG)");
  await expect(timeline).toContainText("Fallakte eröffnet");
  await expect(timeline).toContainText("Aufnahme → Aktiv");
  await expect(timeline).toContainText("Person registriert");
  await checkPage(page, "case-timeline", father);

  // A life domain the organisation has no consent for says so.
  await openTab(page, /^Gesundheit/);
  await expect(page.getByTestId("closed-notice")).toContainText(
    "Keine Einwilligung für Kommunales Integrationszentrum Musterstadt: Gesundheit",
  );
  await checkPage(page, "case-health-closed", father);

  // English: tabs, dates and the notice follow the interface language.
  await page.getByTestId("language-menu").click();
  await page.getByRole("menuitemradio", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("closed-notice")).toContainText(
    "No consent for Kommunales Integrationszentrum Musterstadt: Health",
  );
  await openTab(page, /^Overview/);
  await expect(page.getByTestId("current-residence")).toContainText("expires in 28 days");
  await expect(page.getByTestId("case-header")).toContainText("Active");
  await checkPage(page, "case-overview-en", father);
  await page.context().close();
});

// A 1×1 PNG.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

test("every record kind has its form; household tools; documents; closing a case needs a reason", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const page = await newPage(browser);
  const id = unique();
  await signIn(page, caseManager);
  await expect(page.locator("h1")).toHaveText("Willkommen, Aylin Kaya");
  const csrf = { "x-strang-csrf": "1" };
  const register = async (givenNames: string, birthDate: string) => {
    const res = await page.request.post("/api/v1/persons", {
      headers: csrf,
      data: { givenNames, familyName: `Karimi-${id}`, birthDate, nationalities: ["SYR"] },
    });
    expect(res.status()).toBe(201);
    return (await res.json()) as { id: string };
  };
  const mahmoud = await register("Mahmoud", "1979-11");
  await register("Rania", "2008-02-14");

  await page.goto(`/persons/${mahmoud.id}`);
  await checkPage(page, "case-file-second", `Mahmoud Karimi-${id}`);

  // One form per kind: open it, check it, fill the required fields, save.
  const kinds: [RegExp, string, (dialog: ReturnType<Page["getByRole"]>) => Promise<void>, string][] = [
    [
      /^Leistungen/,
      "Sozialleistung",
      async (d) => {
        await d.getByLabel(/^Art/).selectOption({ label: "Bürgergeld (SGB II)" });
        await d.getByLabel(/^Status/).selectOption({ label: "bewilligt" });
        await d.getByLabel("Leistungsträger").selectOption({ label: "Jobcenter Musterstadt" });
        await partialDate(page, "Von", "Nur Monat und Jahr", "01.2026");
      },
      "Jobcenter Musterstadt",
    ],
    [
      /^Kita/,
      "Kita-Platz",
      async (d) => {
        await d.getByLabel(/^Status/).selectOption({ label: "Platz angeboten" });
      },
      "Platz angeboten",
    ],
    [
      /^Bildung/,
      "Kursteilnahme",
      async (d) => {
        await d.getByLabel(/^Kursart/).selectOption({ label: "Integrationskurs" });
        await d.getByLabel("Sprachniveau").selectOption({ label: "B1" });
        await d.getByLabel("Grundlage").selectOption({ label: "Verpflichtung" });
      },
      "Integrationskurs",
    ],
    [
      /^Bildung/,
      "Qualifikation",
      async (d) => {
        await d.getByLabel(/^Abschluss/).fill("Bauingenieur (Bachelor)");
        const country = d.getByRole("combobox", { name: /^Land des Abschlusses/ });
        await country.click();
        await country.fill("Syr");
        await page.getByRole("option", { name: "Syrien, Arabische Republik" }).click();
        await d.getByLabel(/^Anerkennung/).selectOption({ label: "Anerkennung läuft" });
      },
      "Syrien, Arabische Republik",
    ],
    [
      /^Arbeit/,
      "Beschäftigung",
      async (d) => {
        await d.getByLabel(/^Status/).selectOption({ label: "arbeitsuchend" });
      },
      "arbeitsuchend",
    ],
    [
      /^Wohnen/,
      "Wohnen",
      async (d) => {
        await d.getByLabel(/^Art/).selectOption({ label: "Gemeinschaftsunterkunft" });
      },
      "Gemeinschaftsunterkunft",
    ],
    [
      /^Gesundheit/,
      "Gesundheitsnotiz",
      async (d) => d.getByLabel(/^Text/).fill("Regelmäßige Kontrolle beim Hausarzt."),
      "Hausarzt",
    ],
    [
      /^Familie/,
      "Familiennotiz",
      async (d) => d.getByLabel(/^Text/).fill("Ehefrau lebt noch in Gaziantep."),
      "Gaziantep",
    ],
    [
      /^Vermerke/,
      "Vermerk",
      async (d) => d.getByLabel(/^Text/).fill("Erstgespräch mit Dolmetscher geführt."),
      "Erstgespräch",
    ],
  ];
  for (const [tab, kind, fill, expected] of kinds) {
    await openTab(page, tab);
    await page.getByRole("button", { name: `${kind} erfassen` }).click();
    const dialog = page.getByRole("dialog", { name: `${kind} erfassen` });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, `${kind} form`);
    await fill(dialog);
    await dialog.getByRole("button", { name: "Speichern" }).click();
    await expect(dialog).toBeHidden();
    await toast(page, `${kind} wurde gespeichert.`);
    await expect(page.getByTestId("record-card").filter({ hasText: expected })).toHaveCount(1);
  }
  await checkPage(page, "case-notes", `Mahmoud Karimi-${id}`);

  // Deleting an own record asks first.
  const note = page.getByTestId("record-card").filter({ hasText: "Erstgespräch" });
  await note.getByRole("button", { name: /^Vermerk vom .* löschen$/ }).click();
  const confirmDelete = page.getByRole("dialog", { name: "Eintrag löschen" });
  await expectNoAxeViolations(page, "delete record dialog");
  await confirmDelete.getByRole("button", { name: "Löschen" }).click();
  // The deleted entry's buttons are gone: focus lands on the domain's heading.
  await expect(page.getByRole("heading", { level: 2, name: "Vermerke" })).toBeFocused();
  await toast(page, "Der Eintrag wurde gelöscht.");
  await expect(page.getByTestId("record-card")).toHaveCount(0);

  // Household: create one, add a registered person found by search, remove her again.
  await openTab(page, /^Haushalt/);
  await expect(page.getByText(`Mahmoud Karimi-${id} ist keinem Haushalt zugeordnet.`)).toBeVisible();
  await checkPage(page, "household-none", `Mahmoud Karimi-${id}`);
  await page.getByLabel(/^Name des Haushalts/).fill(`Familie Karimi-${id}`);
  await page.getByRole("button", { name: "Haushalt anlegen" }).click();
  await toast(page, `Der Haushalt „Familie Karimi-${id}“ wurde angelegt.`);
  await page.getByLabel("Person suchen").fill(`Rania Karimi-${id}`);
  await page.getByLabel("Beziehung", { exact: true }).selectOption({ label: "Kind" });
  await page.getByRole("button", { name: `Rania Karimi-${id} hinzufügen` }).click();
  await toast(page, `Rania Karimi-${id} wurde dem Haushalt hinzugefügt.`);
  const members = page.getByTestId("household-members");
  await expect(members.locator("tbody tr")).toHaveCount(2);
  await checkPage(page, "household-members", `Mahmoud Karimi-${id}`);
  await members.getByRole("button", { name: `Rania Karimi-${id} aus dem Haushalt entfernen` }).click();
  await expectNoAxeViolations(page, "remove member dialog");
  await page
    .getByRole("dialog", { name: "Aus dem Haushalt entfernen" })
    .getByRole("button", { name: "Entfernen" })
    .click();
  await toast(page, `Rania Karimi-${id} wurde aus dem Haushalt entfernt.`);
  await expect(members.locator("tbody tr")).toHaveCount(1);

  // Documents: an image is previewed as an image, and its uploader deletes it.
  await openTab(page, /^Dokumente/);
  const upload = page.getByTestId("upload-form");
  await upload.getByRole("button", { name: "Hochladen" }).click();
  await expect(upload.getByRole("alert")).toHaveText("Bitte wählen Sie eine Datei aus.");
  await upload.getByLabel(/^Datei/).setInputFiles({ name: "pass.png", mimeType: "image/png", buffer: png });
  await upload.getByRole("button", { name: "Hochladen" }).click();
  await toast(page, "„pass.png“ wurde hochgeladen.");
  await page.getByRole("button", { name: "Vorschau: pass.png" }).click();
  const preview = page.getByRole("dialog", { name: "Vorschau: pass.png" });
  await expect(preview.getByRole("img", { name: "pass.png" })).toBeVisible();
  await expectNoAxeViolations(page, "image preview");
  await preview.getByRole("button", { name: "Schließen" }).click();
  await page.getByRole("button", { name: "pass.png löschen" }).click();
  await page.getByRole("dialog", { name: "Dokument löschen" }).getByRole("button", { name: "Löschen" }).click();
  await toast(page, "Das Dokument wurde gelöscht.");
  await expect(page.getByTestId("documents-table")).toContainText("Keine Dokumente");

  // Closing the case file needs a reason; a closed case can be reopened.
  await page.getByRole("button", { name: "Fallakte abschließen" }).click();
  const close = page.getByRole("dialog", { name: "Fallakte abschließen" });
  await close.getByRole("button", { name: "Fallakte abschließen" }).click();
  await expect(close.getByLabel(/^Grund/)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "close case without reason");
  await close.getByLabel(/^Grund/).fill("Umzug nach Köln");
  await close.getByRole("button", { name: "Fallakte abschließen" }).click();
  await toast(page, "Die Fallakte wurde abgeschlossen.");
  await expect(page.getByTestId("case-header")).toContainText("Abgeschlossen");
  await expect(page.getByTestId("case-header")).toContainText("Umzug nach Köln");
  await expect(page.getByRole("button", { name: "Wieder eröffnen" })).toBeVisible();
  await checkPage(page, "case-closed", `Mahmoud Karimi-${id}`);
  await page.context().close();
});
