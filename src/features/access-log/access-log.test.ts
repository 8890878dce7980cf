// API tests of the data-protection routes: a person's access log (who saw what, when, on which
// ground), the Art. 15 GDPR export as JSON and as a printable HTML document, and the dpo's person
// lookup — who may call them, and the audit rows they leave.
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../platform/domain.js";
import {
  addRecord,
  api,
  auditRows,
  caseFileTenant,
  expectProblem,
  recordConsent,
  registerPerson,
  upload,
} from "../../test/case-file-factories.js";
import { type ConsentTenant, consentTenant, markedPdf, markedRecord } from "../../test/consent-factories.js";
import { client, getTestApp } from "../../test/test-app.js";
import { disclosureActions } from "./access-log.queries.js";

// The app (and an in-memory database) is built once, under the hook timeout rather than a test's.
beforeAll(async () => {
  await getTestApp();
});

const accessLogOf = (personId: string) => `${api}/persons/${personId}/access-log`;
const exportOf = (personId: string, query = "") => `${api}/persons/${personId}/export${query}`;

type Entry = {
  id: number;
  at: string;
  action: string;
  userId: string | null;
  userName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  categories: string[];
  grounds: unknown[];
  purpose: string | null;
};

/**
 * A person led by the integration office with a work record, a protected school record (created by
 * a school) and a document; a consent names the Jobcenter for "work", and the Jobcenter's
 * caseworker has read the person with its records.
 */
async function disclosedPerson(t: ConsentTenant, identity: Record<string, unknown> = {}) {
  const school = await t.organisation("school");
  const [schoolUser, dpo] = await Promise.all([t.user(school.id, "caseworker"), t.user(t.io.id, "dpo")]);
  const p = await registerPerson(t.cm.client, { birthDate: "1991-04", ...identity });
  const work = await addRecord(t.cm.client, p.id, "employment", markedRecord("work", "Bäckerei Schmitz").data);
  const schoolConsent = await recordConsent(t.cm.client, p.id, {
    recipientOrganisationIds: [school.id],
    categories: ["school"],
  });
  const protectedRecord = await addRecord(
    schoolUser.client,
    p.id,
    "school_enrollment",
    markedRecord("school", "Gesamtschule Nord").data,
  );
  const doc = await upload(t.cm.client, p.id, markedPdf("Arbeitsvertrag"), {
    category: "work",
    title: "Arbeitsvertrag",
  });
  expect(doc.statusCode, doc.body).toBe(201);
  const consent = await recordConsent(t.cm.client, p.id, {
    recipientOrganisationIds: [t.jobcenter.id],
    categories: ["work"],
  });
  const read = await t.jc.client.get(`${api}/persons/${p.id}?include=records`);
  expect(read.statusCode, read.body).toBe(200);
  return { p, school, schoolUser, dpo, work, protectedRecord, document: doc.json(), consent, schoolConsent };
}

describe("access log", () => {
  it("answers 401, 403 and 404 before reading anything", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const other = await consentTenant(app);
    const s = await disclosedPerson(t);
    const invisible = await registerPerson(t.jc.client);
    expectProblem(await client(app).get(accessLogOf(s.p.id)), 401, "unauthenticated");
    for (const role of ["caseworker", "org_admin", "steering", "volunteer"] as Role[]) {
      const u = await t.user(t.io.id, role);
      expectProblem(await u.client.get(accessLogOf(s.p.id)), 403, "forbidden");
    }
    expectProblem(await t.jc.client.get(accessLogOf(s.p.id)), 403, "forbidden");
    expectProblem(await t.adminClient.get(accessLogOf(s.p.id)), 403, "forbidden");
    // A case manager of a partner that sees the person through a consent does not lead the case.
    const partnerCm = await t.user(t.jobcenter.id, "case_manager");
    expect((await partnerCm.client.get(`${api}/persons/${s.p.id}`)).statusCode).toBe(200);
    expectProblem(await partnerCm.client.get(accessLogOf(s.p.id)), 403, "forbidden");
    expectProblem(await t.cm.client.get(accessLogOf(invisible.id)), 404, "not-found");
    const otherDpo = await other.user(other.io.id, "dpo");
    expectProblem(await otherDpo.client.get(accessLogOf(s.p.id)), 404, "not-found");
    expectProblem(await s.dpo.client.get(accessLogOf(crypto.randomUUID())), 404, "not-found");
    expectProblem(await s.dpo.client.get(accessLogOf("nobody")), 400, "validation-error", ["params.id"]);
    expect(await auditRows(db, t.tenantId, { action: "access_log.read" })).toEqual([]);
    expect(await auditRows(db, other.tenantId, { action: "access_log.read" })).toEqual([]);
  });

  it("names the user, organisation, categories and ground of every disclosure, and audits its own reading", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const s = await disclosedPerson(t);
    const res = await s.dpo.client.get(accessLogOf(s.p.id));
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Entry[];
    expect(res.json().nextCursor).toBeNull();
    expect(res.json().person).toMatchObject({ id: s.p.id, givenNames: s.p.givenNames, familyName: s.p.familyName });
    const partnerRead = items.find((e) => e.userId === t.jc.id && e.action === "person.read");
    expect(partnerRead).toMatchObject({
      userName: t.jc.name,
      organisationId: t.jobcenter.id,
      organisationName: t.jobcenter.name,
      purpose: null,
    });
    expect(partnerRead?.categories).toEqual(expect.arrayContaining(["identity", "work"]));
    expect(partnerRead?.categories).not.toContain("school");
    expect(partnerRead?.grounds).toContainEqual({ type: "consent", consentId: s.consent.id });
    expect(Number.isNaN(Date.parse(partnerRead?.at ?? ""))).toBe(false);
    // Only disclosures, newest first; writes and its own reading are not recipients.
    for (const e of items) expect(disclosureActions as readonly string[]).toContain(e.action);
    const ids = items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const [logRead] = await auditRows(db, t.tenantId, { action: "access_log.read" });
    expect(logRead).toMatchObject({ actorUserId: s.dpo.id, personId: s.p.id, subjectId: s.p.id });

    // The lead organisation's case manager may read it too; that is audited as well.
    const byLead = await t.cm.client.get(accessLogOf(s.p.id));
    expect(byLead.statusCode, byLead.body).toBe(200);
    expect((byLead.json().items as Entry[]).map((e) => e.id)).toEqual(ids);
    expect(await auditRows(db, t.tenantId, { action: "access_log.read" })).toEqual([
      expect.objectContaining({ actorUserId: s.dpo.id }),
      expect.objectContaining({ actorUserId: t.cm.id, actorOrganisationId: t.io.id }),
    ]);
    // Another read by the partner appears at the top of the next report.
    expect((await t.jc.client.get(`${api}/records/${s.work.id}`)).statusCode).toBe(200);
    const again = (await s.dpo.client.get(accessLogOf(s.p.id))).json().items as Entry[];
    expect(again[0]).toMatchObject({ action: "record.read", userId: t.jc.id, categories: ["work"] });
    expect(again[0]?.grounds).toContainEqual({ type: "consent", consentId: s.consent.id });
  });
});

describe("names at the time of reading", () => {
  it("names a reader and its organisation as they were called when they read, and audits every rename", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const s = await disclosedPerson(t);
    const oldUser = t.jc.name;
    const oldOrganisation = t.jobcenter.name;
    const reads = async () =>
      ((await s.dpo.client.get(accessLogOf(s.p.id))).json().items as Entry[])
        .filter((e) => e.userId === t.jc.id && e.action === "person.read")
        .reverse();

    // The user renames themselves.
    const renamed = await t.jc.client.patch(`${api}/auth/me`, { name: "Jana Neumann" });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await auditRows(db, t.tenantId, { action: "user.updated" })).toEqual([
      expect.objectContaining({
        actorUserId: t.jc.id,
        subjectType: "user",
        subjectId: t.jc.id,
        details: { before: { name: oldUser }, after: { name: "Jana Neumann" } },
      }),
    ]);
    // Changing only the language is no rename, nor is sending the same name again.
    await t.jc.client.patch(`${api}/auth/me`, { locale: "en", name: "Jana Neumann" });
    expect((await auditRows(db, t.tenantId, { action: "user.updated" })).at(-1)?.details).toEqual({
      before: { locale: "de" },
      after: { locale: "en" },
    });
    expect((await t.jc.client.get(`${api}/persons/${s.p.id}`)).statusCode).toBe(200);

    // The tenant admin renames the organisation.
    const org = await t.adminClient.patch(`${api}/organisations/${t.jobcenter.id}`, {
      name: "Jobcenter Musterstadt-Nord",
    });
    expect(org.statusCode, org.body).toBe(200);
    expect((await t.jc.client.get(`${api}/persons/${s.p.id}`)).statusCode).toBe(200);

    // The tenant admin renames the user; audited with the names before and after.
    const byAdmin = await t.adminClient.patch(`${api}/users/${t.jc.id}`, { name: "Jana Neumann-Schulz" });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect((await auditRows(db, t.tenantId, { action: "user.updated" })).at(-1)).toMatchObject({
      subjectId: t.jc.id,
      details: { before: { name: "Jana Neumann" }, after: { name: "Jana Neumann-Schulz" } },
    });
    expect((await t.jc.client.get(`${api}/persons/${s.p.id}`)).statusCode).toBe(200);

    expect((await reads()).map((e) => [e.userName, e.organisationName])).toEqual([
      [oldUser, oldOrganisation],
      ["Jana Neumann", oldOrganisation],
      ["Jana Neumann", "Jobcenter Musterstadt-Nord"],
      ["Jana Neumann-Schulz", "Jobcenter Musterstadt-Nord"],
    ]);
    // The export names them the same way.
    const exported = (await s.dpo.client.get(exportOf(s.p.id))).json().accessLog as Entry[];
    expect(
      exported
        .filter((e) => e.userId === t.jc.id && e.action === "person.read")
        .reverse()
        .map((e) => e.userName),
    ).toEqual([oldUser, "Jana Neumann", "Jana Neumann", "Jana Neumann-Schulz"]);
  });
});

describe("Art. 15 export", () => {
  it("answers 401, 403, 404 and 400 before exporting anything", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const other = await consentTenant(app);
    const s = await disclosedPerson(t);
    expectProblem(await client(app).get(exportOf(s.p.id)), 401, "unauthenticated");
    for (const c of [t.cm.client, t.jc.client, t.adminClient])
      expectProblem(await c.get(exportOf(s.p.id)), 403, "forbidden");
    const steering = await t.user(t.io.id, "steering");
    expectProblem(await steering.client.get(exportOf(s.p.id, "?format=html")), 403, "forbidden");
    const otherDpo = await other.user(other.io.id, "dpo");
    expectProblem(await otherDpo.client.get(exportOf(s.p.id)), 404, "not-found");
    expectProblem(await s.dpo.client.get(exportOf(crypto.randomUUID())), 404, "not-found");
    expectProblem(await s.dpo.client.get(exportOf(s.p.id, "?format=pdf")), 400, "validation-error", ["query.format"]);
    expectProblem(await s.dpo.client.get(exportOf(s.p.id, "?format=html&lang=fr")), 400, "validation-error", [
      "query.lang",
    ]);
    expectProblem(await s.dpo.client.get(exportOf(s.p.id, "?download=1")), 400, "validation-error", ["query.download"]);
    expect(await auditRows(db, t.tenantId, { action: "person.exported" })).toEqual([]);
    expect(await auditRows(db, other.tenantId, { action: "person.exported" })).toEqual([]);
  });

  it("exports everything held about the person as JSON, protected records included, and audits it", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const s = await disclosedPerson(t, { givenNames: "Samira" });
    const res = await s.dpo.client.get(exportOf(s.p.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers["content-type"])).toContain("application/json");
    expect(String(res.headers["content-disposition"])).toBe(`attachment; filename="art15-${s.p.id}.json"`);
    expect(String(res.headers["cache-control"])).toContain("no-store");
    const data = res.json();
    expect(data.legalBasis).toBe("Art. 15 GDPR");
    expect(data.person).toMatchObject({
      id: s.p.id,
      givenNames: "Samira",
      familyName: s.p.familyName,
      birthDate: "1991-04",
    });
    expect(data.person).not.toHaveProperty("tenantId");
    // All records, also the protected one no partner of the lead may see.
    const records = data.records as { id: string; protected: boolean; ownerOrganisation: string }[];
    expect(records.map((r) => r.id).sort()).toEqual([s.work.id, s.protectedRecord.id].sort());
    expect(records.find((r) => r.id === s.protectedRecord.id)).toMatchObject({
      protected: true,
      ownerOrganisation: s.school.name,
    });
    expect(records.find((r) => r.id === s.work.id)).toMatchObject({ ownerOrganisation: t.io.name });
    for (const r of records) expect(r).not.toHaveProperty("tenantId");
    // Documents without where the file lies.
    expect(data.documents).toEqual([
      expect.objectContaining({ id: s.document.id, title: "Arbeitsvertrag", ownerOrganisation: t.io.name }),
    ]);
    expect(data.documents[0]).not.toHaveProperty("storageKey");
    expect(data.documents[0]).not.toHaveProperty("tenantId");
    expect(res.body).not.toContain(`${t.tenantId}/${s.document.id}`);
    expect(data.consents.map((c: { id: string }) => c.id).sort()).toEqual([s.consent.id, s.schoolConsent.id].sort());
    expect(data.consents.find((c: { id: string }) => c.id === s.consent.id)).toMatchObject({
      status: "active",
      categories: ["work"],
      recipientOrganisations: [t.jobcenter.name],
    });
    expect(data.caseEvents).toEqual([expect.objectContaining({ action: "registered", personId: s.p.id })]);
    const partnerRead = (data.accessLog as Entry[]).find((e) => e.userId === t.jc.id && e.action === "person.read");
    expect(partnerRead).toMatchObject({ organisationName: t.jobcenter.name, userName: t.jc.name });
    expect(partnerRead?.grounds).toContainEqual({ type: "consent", consentId: s.consent.id });

    expect(await auditRows(db, t.tenantId, { action: "person.exported" })).toEqual([
      expect.objectContaining({
        actorUserId: s.dpo.id,
        personId: s.p.id,
        purpose: "art15",
        details: { format: "json" },
      }),
    ]);
    // The export itself is a disclosure and appears in the next report.
    const log = (await s.dpo.client.get(accessLogOf(s.p.id))).json().items as Entry[];
    expect(log[0]).toMatchObject({ action: "person.exported", userId: s.dpo.id });
  });

  it("renders a printable HTML document in German and English, escaping everything it prints", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const s = await disclosedPerson(t, {
      givenNames: "<script>alert(1)</script>",
      familyName: `O'Neil & "Söhne"`,
      birthPlace: "<img src=x onerror=alert(2)>",
    });
    await addRecord(t.cm.client, s.p.id, "note", { text: "</td><iframe src=//evil.example></iframe>" });

    const de = await s.dpo.client.get(exportOf(s.p.id, "?format=html&lang=de"));
    expect(de.statusCode, de.body).toBe(200);
    expect(String(de.headers["content-type"])).toContain("text/html");
    expect(String(de.headers["cache-control"])).toContain("no-store");
    const html = de.body;
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("Auskunft nach Art. 15 DSGVO");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("O&#39;Neil &amp; &quot;Söhne&quot;");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toContain("&lt;/td&gt;&lt;iframe src=//evil.example&gt;&lt;/iframe&gt;");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    // The recipients: who saw the data.
    expect(html).toContain(t.jobcenter.name);
    expect(html).toContain(t.jc.name);
    expect(html).toContain("Gesamtschule Nord");

    const en = await s.dpo.client.get(exportOf(s.p.id, "?format=html&lang=en"));
    expect(en.statusCode, en.body).toBe(200);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain("Access report under Art. 15 GDPR");
    expect(en.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(en.body).not.toContain("Auskunft nach Art. 15 DSGVO");
    expect(en.body).not.toMatch(/<script/i);

    const exported = await auditRows(db, t.tenantId, { action: "person.exported" });
    expect(exported.map((e) => e.details)).toEqual([{ format: "html" }, { format: "html" }]);
  });
});

describe("Art. 15 document for the person", () => {
  /** The text of the table row that holds all the given texts (tags removed). */
  const rowWith = (html: string, ...texts: string[]) =>
    (html.match(/<tr>.*?<\/tr>/gs) ?? [])
      .map((r) =>
        r
          .replace(/<[^>]+>/g, " ")
          .replace(/\s+/g, " ")
          .trim(),
      )
      .filter((r) => texts.every((x) => r.includes(x)));

  it("shows words instead of codes, the Art. 15 (1) information and accesses per organisation, day and kind", async () => {
    const app = await getTestApp();
    const t = await consentTenant(app);
    const s = await disclosedPerson(t, {
      givenNames: "Samira",
      familyName: "Haddad",
      birthDate: "1985-03",
      sex: "female",
      nationalities: ["SYR"],
      languages: [
        { code: "ar", interpreterNeeded: true },
        { code: "de", interpreterNeeded: false },
      ],
      address: { street: "Lindenstraße 5", postalCode: "12345", city: "Musterstadt" },
      arrivedInGermanyOn: "2015",
    });
    await addRecord(t.cm.client, s.p.id, "residence_status", {
      type: "aufenthaltserlaubnis",
      paragraph: "aufenthg_25_2_1",
      validUntil: "2027-06-30",
      workPermitted: true,
    });
    // Two more reads by the Jobcenter today: one line with the count, not three.
    for (let i = 0; i < 2; i++) expect((await t.jc.client.get(`${api}/persons/${s.p.id}`)).statusCode).toBe(200);
    const day = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", dateStyle: "medium" }).format(new Date());

    const before = (await s.dpo.client.get(exportOf(s.p.id, "?format=html"))).body;
    expect(before).toContain('<html lang="de">');
    // Nothing configured yet: the controller is the tenant, and the document says what is missing.
    expect(before.match(/nicht eingerichtet – bitte an die Mandantenadministration wenden/g)).toHaveLength(2);
    expect(before).toContain("Nordrhein-Westfalen");
    expect(before).toContain("Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen");

    const settings = await t.adminClient.patch(`${api}/settings`, {
      federalState: "BY",
      controller: { name: "Stadt Musterstadt", address: "Rathausplatz 1\n12345 Musterstadt" },
      dataProtectionOfficer: { name: "Dr. Erika Beispiel", email: "datenschutz@musterstadt.example" },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const html = (await s.dpo.client.get(exportOf(s.p.id, "?format=html&lang=de"))).body;
    expect(html).not.toContain("nicht eingerichtet");
    expect(html).toContain("Entwurf: Die rechtlichen Texte");
    expect(html).toContain("Stadt Musterstadt</strong><br>Rathausplatz 1<br>12345 Musterstadt");
    expect(html).toContain("Dr. Erika Beispiel");
    expect(html).toContain("datenschutz@musterstadt.example");
    // Identity in words: sex, country, languages with interpreter need, partial dates, the address.
    expect(rowWith(html, "Geschlecht")).toEqual(["Geschlecht weiblich"]);
    expect(rowWith(html, "Staatsangehörigkeiten")).toEqual(["Staatsangehörigkeiten Syrien, Arabische Republik"]);
    expect(rowWith(html, "Sprachen")).toEqual(["Sprachen Arabisch (Dolmetscher/in benötigt), Deutsch"]);
    expect(rowWith(html, "Geburtsdatum")).toEqual(["Geburtsdatum 03/1985"]);
    expect(rowWith(html, "Einreise nach Deutschland")).toEqual(["Einreise nach Deutschland 2015"]);
    expect(html).toContain("Lindenstraße 5<br>12345 Musterstadt");
    expect(rowWith(html, "Status der Fallakte")).toEqual(["Status der Fallakte Aufnahme"]);
    // Records: kinds, code lists, fixed values, dates and yes/no in words.
    expect(html).toContain("<h4>Aufenthaltsstatus</h4>");
    expect(rowWith(html, "Art", "Aufenthaltserlaubnis")).toEqual(["Art Aufenthaltserlaubnis"]);
    expect(rowWith(html, "Rechtsgrundlage")).toEqual([
      "Rechtsgrundlage § 25 Abs. 2 S. 1 Alt. 1 AufenthG – Flüchtlingseigenschaft",
    ]);
    expect(rowWith(html, "Gültig bis")).toEqual(["Gültig bis 30.06.2027"]);
    expect(rowWith(html, "Erwerbstätigkeit erlaubt")).toEqual(["Erwerbstätigkeit erlaubt ja"]);
    expect(rowWith(html, "Status", "beschäftigt")).toEqual(["Status beschäftigt"]);
    expect(rowWith(html, "Klassenart")).toEqual(["Klassenart Internationale Klasse (Seiteneinstieg)"]);
    expect(html).toContain("<h3>Aufenthalt</h3>");
    for (const code of [
      "aufenthg_25_2_1",
      "aufenthaltserlaubnis",
      "SYR",
      "female",
      "employed",
      "person.read",
      "intake",
    ])
      expect(html, code).not.toContain(code);
    // The Art. 15 (1) information.
    for (const heading of [
      "Verantwortliche Stelle und Datenschutzbeauftragte/r",
      "Zwecke der Verarbeitung",
      "Empfänger Ihrer Daten",
      "Wer hat welche Angaben gesehen",
      "Dauer der Speicherung",
      "Herkunft der Daten",
      "Ihre Rechte",
      "Beschwerde bei der Aufsichtsbehörde",
    ])
      expect(html).toMatch(new RegExp(`<h2 id="[a-z-]+">${heading}</h2>`));
    for (const right of ["Berichtigung", "Löschung", "Einschränkung der Verarbeitung", "Widerspruch"])
      expect(html).toContain(`<dt>${right} (Art.`);
    expect(html).toContain("Für die verantwortliche Stelle (Bayern) ist zuständig:");
    expect(html).toContain("<strong>Bayerischer Landesbeauftragter für den Datenschutz</strong><br>Wagmüllerstraße 18");
    expect(html.match(/<table class="authorities">.*?<\/table>/s)?.[0].match(/<tr>/g)).toHaveLength(17);
    // Recipients: the concrete organisations and their kinds; the purpose the person consented to.
    expect(rowWith(html, t.jobcenter.name, "Jobcenter")).toContainEqual(`${t.jobcenter.name} Jobcenter`);
    expect(rowWith(html, s.school.name, "Schule")).toContainEqual(`${s.school.name} Schule`);
    expect(html).toContain("<li>Beratung und Vermittlung</li>");
    // Sources: who recorded what.
    expect(html).toMatch(new RegExp(`<li><strong>${s.school.name}</strong>: 1 Eintrag</li>`));
    expect(html).toMatch(
      new RegExp(
        `<li><strong>${t.io.name}</strong>: Angaben zur Person \\(Registrierung\\), 2 Einträge, 1 Dokument, 2 Einwilligungen</li>`,
      ),
    );
    // Three reads of the case file by the Jobcenter today: one line, with the count and the ground.
    expect(rowWith(html, t.jobcenter.name, "hat die Fallakte angesehen")).toEqual([
      `${day} ${t.jobcenter.name} hat die Fallakte angesehen, 3-mal Personalien, Arbeit ${t.jc.name} Ihre Einwilligung`,
    ]);

    const en = (await s.dpo.client.get(exportOf(s.p.id, "?format=html&lang=en"))).body;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Draft: the legal texts");
    expect(rowWith(en, "Sex")).toEqual(["Sex female"]);
    expect(rowWith(en, "Nationalities")).toEqual(["Nationalities Syrian Arab Republic"]);
    expect(rowWith(en, "Languages")).toEqual(["Languages Arabic (interpreter needed), German"]);
    expect(rowWith(en, "Valid until")).toEqual(["Valid until 30/06/2027"]);
    expect(rowWith(en, "Type", "Residence permit")).toEqual(["Type Residence permit"]);
    expect(rowWith(en, t.jobcenter.name, "viewed the case file")).toEqual([
      `${day.replaceAll(".", "/")} ${t.jobcenter.name} viewed the case file, 3 times Personal details, Work ${t.jc.name} your consent`,
    ]);
    for (const right of ["Rectification", "Erasure", "Restriction of processing", "Objection"])
      expect(en).toContain(`<dt>${right} (Art.`);
    expect(en).toContain("The authority competent for the controller (Bayern):");
    expect(en).not.toContain("Personalien");
    expect(en).not.toContain("Entwurf");

    // The JSON keeps the codes and carries the words and the Art. 15 (1) block beside them.
    const data = (await s.dpo.client.get(exportOf(s.p.id))).json();
    expect(data.language).toBe("de");
    expect(data.person).toMatchObject({
      sex: "female",
      nationalities: ["SYR"],
      labels: {
        sex: "weiblich",
        nationalities: ["Syrien, Arabische Republik"],
        languages: ["Arabisch (Dolmetscher/in benötigt)", "Deutsch"],
        birthDate: "03/1985",
        address: ["Lindenstraße 5", "12345 Musterstadt"],
      },
    });
    const residence = data.records.find((r: { kind: string }) => r.kind === "residence_status");
    expect(residence.data).toMatchObject({ type: "aufenthaltserlaubnis", paragraph: "aufenthg_25_2_1" });
    expect(residence.labels).toMatchObject({ kind: "Aufenthaltsstatus", category: "Aufenthalt" });
    expect(residence.labels.fields).toContainEqual({ field: "type", label: "Art", value: "Aufenthaltserlaubnis" });
    expect(data.art15).toMatchObject({
      controller: { name: "Stadt Musterstadt", address: ["Rathausplatz 1", "12345 Musterstadt"] },
      dataProtectionOfficer: { name: "Dr. Erika Beispiel", email: "datenschutz@musterstadt.example" },
      supervisoryAuthority: { state: "Bayern", name: "Bayerischer Landesbeauftragter für den Datenschutz" },
    });
    expect(data.art15.recipients.organisations).toContainEqual({ name: t.jobcenter.name, type: "Jobcenter" });
    expect(data.art15.rights).toHaveLength(5);
    expect(data.accessSummary).toContainEqual(
      expect.objectContaining({ organisation: t.jobcenter.name, action: "hat die Fallakte angesehen", count: 3 }),
    );
    const enData = (await s.dpo.client.get(exportOf(s.p.id, "?lang=en"))).json();
    expect(enData.person.labels.sex).toBe("female");
    expect(enData.art15.supervisoryAuthority.state).toBe("Bayern");
  });
});

describe("dpo person lookup", () => {
  it("answers 401, 403 and 400 first", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const dpo = await t.user(t.io.id, "dpo");
    const p = await registerPerson(t.cm.client);
    const url = (q: string) => `${api}/dpo/persons?q=${encodeURIComponent(q)}`;
    expectProblem(await client(app).get(url(p.familyName)), 401, "unauthenticated");
    for (const c of [t.cm.client, t.jc.client, t.adminClient])
      expectProblem(await c.get(url(p.familyName)), 403, "forbidden");
    expectProblem(await dpo.client.get(`${api}/dpo/persons`), 400, "validation-error", ["query.q"]);
    expectProblem(await dpo.client.get(url("a")), 400, "validation-error", ["query.q"]);
    expectProblem(await dpo.client.get(url("  a  ")), 400, "validation-error", ["query.q"]);
    expectProblem(await dpo.client.get(`${url(p.familyName)}&limit=5`), 400, "validation-error", ["query.limit"]);
    expect(await auditRows(db, t.tenantId, { action: "person.listed" })).toEqual([]);
  });

  it("finds persons of the tenant by name, whoever registered them, and audits each hit", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const other = await caseFileTenant(app);
    const dpo = await t.user(t.io.id, "dpo");
    // Each test has a tenant of its own, so a plain name is unique here (the search drops words with digits).
    const family = "Rahimi";
    const amina = await registerPerson(t.cm.client, {
      givenNames: "Amina",
      familyName: family,
      birthDate: "1990-01-01",
    });
    // Registered by the Jobcenter: invisible to the integration office, but not to the dpo.
    const omid = await registerPerson(t.jc.client, { givenNames: "Omid", familyName: family });
    await registerPerson(other.cm.client, { givenNames: "Amina", familyName: family });
    const url = (q: string) => `${api}/dpo/persons?q=${encodeURIComponent(q)}`;

    const res = await dpo.client.get(url(family.toLowerCase()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      items: [
        { id: amina.id, givenNames: "Amina", familyName: family, birthDate: "1990-01-01" },
        { id: omid.id, givenNames: "Omid", familyName: family, birthDate: null },
      ],
      nextCursor: null,
    });
    const both = (await dpo.client.get(url(`omid ${family}`))).json();
    expect(both.items.map((x: { id: string }) => x.id)).toEqual([omid.id]);
    // LIKE wildcards are taken literally.
    expect((await dpo.client.get(url("%%"))).json().items).toEqual([]);
    expect((await dpo.client.get(url("__"))).json().items).toEqual([]);

    const listed = await auditRows(db, t.tenantId, { action: "person.listed" });
    expect(listed).toHaveLength(3);
    for (const row of listed) {
      expect(row).toMatchObject({ actorUserId: dpo.id, purpose: "art15-lookup", categories: ["identity"] });
    }
    expect(listed.map((r) => r.personId)).toEqual([amina.id, omid.id, omid.id]);
  });

  it("finds spelling variants and swapped names like the case managers' search, over the whole tenant", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await consentTenant(app);
    const other = await caseFileTenant(app);
    const dpo = await t.user(t.io.id, "dpo");
    // Registered by the Jobcenter, so the integration office's search would not show it.
    const mohammed = await registerPerson(t.jc.client, {
      givenNames: "Mohammed",
      familyName: "Al-Hassan",
      birthDate: "1990-03-12",
    });
    const fatima = await registerPerson(t.cm.client, { givenNames: "Fatima", familyName: "Al-Hassan" });
    await registerPerson(t.cm.client, { givenNames: "Petra", familyName: "Schulz" });
    await registerPerson(other.cm.client, { givenNames: "Mohammed", familyName: "Al-Hassan" });
    const url = (q: string) => `${api}/dpo/persons?q=${encodeURIComponent(q)}`;
    const ids = async (q: string) => {
      const res = await dpo.client.get(url(q));
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((x) => x.id);
    };
    for (const q of ["Muhammad Alhassan", "Mohamed al Hasan", "Alhassan Muhammed", "muhammad al-hassan 12.03.1990"]) {
      expect((await ids(q))[0], q).toBe(mohammed.id);
    }
    expect(await ids("Muhammad Alhassan")).not.toContain(fatima.id);
    expect((await ids("Alhasan")).sort()).toEqual([mohammed.id, fatima.id].sort());
    // A birth date narrows, and the answer carries only who the person is.
    const hit = (await dpo.client.get(url("Mohammed Al-Hassan 1985"))).json();
    expect(hit.items).toEqual([]);
    const one = (await dpo.client.get(url("Muhammad Alhassan 1990"))).json();
    expect(one.items).toEqual([
      { id: mohammed.id, givenNames: "Mohammed", familyName: "Al-Hassan", birthDate: "1990-03-12" },
    ]);
    // Every hit is audited as before, never a person of another tenant.
    const listed = await auditRows(db, t.tenantId, { action: "person.listed" });
    expect(listed.length).toBeGreaterThan(0);
    for (const row of listed) {
      expect(row).toMatchObject({ actorUserId: dpo.id, purpose: "art15-lookup", categories: ["identity"] });
      expect([mohammed.id, fatima.id]).toContain(row.personId);
    }
  });
});
