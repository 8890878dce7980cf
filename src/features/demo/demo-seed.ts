// The fictional municipality "Musterstadt": organisations of every type, users of every role.

import { audit } from "../../platform/audit/audit.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import type { Db } from "../../platform/db/client.js";
import type { OrganisationType, Role } from "../../platform/domain.js";
import { organisations, tenants, users } from "../../platform/identity/identity.tables.js";
import { systemSeedDuplicates } from "./demo-duplicates.js";
import { systemSeedNetwork } from "./demo-network.js";
import { systemGeneratePersons } from "./person-generator.js";

export const demoPassword = "Musterstadt-2026";

const demoOrganisations: { key: string; name: string; type: OrganisationType }[] = [
  { key: "ki", name: "Kommunales Integrationszentrum Musterstadt", type: "integration_office" },
  { key: "abh", name: "Ausländerbehörde Musterstadt", type: "immigration_office" },
  { key: "jc", name: "Jobcenter Musterstadt", type: "jobcenter" },
  { key: "aa", name: "Agentur für Arbeit Musterstadt", type: "employment_agency" },
  { key: "ja", name: "Jugendamt Musterstadt", type: "youth_office" },
  { key: "sa", name: "Schulamt Musterstadt", type: "school_office" },
  { key: "ges", name: "Gesamtschule Am Markt", type: "school" },
  { key: "kita", name: "Kita Sonnenblume", type: "kita" },
  { key: "caritas", name: "Caritasverband Musterstadt", type: "welfare" },
  { key: "diakonie", name: "Diakonie Musterstadt", type: "welfare" },
  { key: "mbe", name: "Migrationsberatung für Erwachsene (AWO)", type: "migration_counselling" },
  { key: "jmd", name: "Jugendmigrationsdienst Musterstadt", type: "migration_counselling" },
  { key: "vhs", name: "Volkshochschule Musterstadt – Sprachkurse", type: "language_school" },
  { key: "ga", name: "Gesundheitsamt Musterstadt", type: "health_office" },
  { key: "wi", name: "Willkommensinitiative Musterstadt e. V.", type: "volunteer_initiative" },
  { key: "bib", name: "Stadtbibliothek Musterstadt", type: "other" },
];

/** The demo network directory: what each organisation offers, in which languages, when. */
const directory: Record<
  string,
  { services: string[]; languages: string[]; openingHours: string; description: string }
> = {
  ki: {
    services: ["case_management", "social_counselling", "interpreting"],
    languages: ["de", "en", "ar", "uk", "fa", "tr"],
    openingHours: "Mo–Do 8:30–16:00, Fr 8:30–12:00",
    description: "Integrationsfallmanagement für Neuzugewanderte, Koordination des Netzwerks.",
  },
  abh: {
    services: ["residence_matters"],
    languages: ["de", "en"],
    openingHours: "Mo, Di, Do 8:00–12:00 nach Terminvereinbarung",
    description: "Aufenthaltstitel, Verlängerungen, Fiktionsbescheinigungen.",
  },
  jc: {
    services: ["job_placement", "basic_income_support"],
    languages: ["de", "en", "ar", "uk"],
    openingHours: "Mo–Fr 8:00–12:30, Do 14:00–17:30",
    description: "Grundsicherung für Arbeitsuchende und Arbeitsvermittlung (SGB II).",
  },
  aa: {
    services: ["job_placement", "recognition_advice"],
    languages: ["de", "en", "uk"],
    openingHours: "Mo–Fr 8:00–12:30",
    description: "Berufsberatung, Arbeitsvermittlung, Anerkennungsberatung.",
  },
  ja: {
    services: ["youth_welfare"],
    languages: ["de", "en"],
    openingHours: "Mo–Fr 8:30–12:00",
    description: "Hilfen zur Erziehung, Vormundschaften für unbegleitete Minderjährige.",
  },
  sa: {
    services: ["school_placement"],
    languages: ["de", "en"],
    openingHours: "Di und Do 9:00–12:00",
    description: "Schulplatzvergabe und Seiteneinstieg.",
  },
  ges: {
    services: ["school_placement"],
    languages: ["de", "en", "tr"],
    openingHours: "Sekretariat Mo–Fr 7:30–13:00",
    description: "Gesamtschule mit internationalen Förderklassen.",
  },
  kita: {
    services: ["childcare_place"],
    languages: ["de", "tr", "ar"],
    openingHours: "Mo–Fr 7:00–16:30",
    description: "Kindertagesstätte mit 80 Plätzen, Sprachkita.",
  },
  caritas: {
    services: ["social_counselling", "debt_counselling", "psychosocial_support"],
    languages: ["de", "ar", "fa", "prs"],
    openingHours: "Mo–Fr 9:00–12:00, Mi 14:00–17:00",
    description: "Allgemeine Sozialberatung, Schuldnerberatung, psychosoziale Beratung für Geflüchtete.",
  },
  diakonie: {
    services: ["social_counselling", "housing_support"],
    languages: ["de", "en", "ru", "uk"],
    openingHours: "Mo–Do 9:00–15:00",
    description: "Sozialberatung und Unterstützung bei der Wohnungssuche.",
  },
  mbe: {
    services: ["migration_counselling", "recognition_advice"],
    languages: ["de", "ar", "kmr", "tr", "en"],
    openingHours: "Mo–Fr 9:00–13:00, Do 14:00–18:00",
    description: "Migrationsberatung für Erwachsene ab 27 Jahren.",
  },
  jmd: {
    services: ["youth_migration_service", "migration_counselling"],
    languages: ["de", "ar", "ti", "en"],
    openingHours: "Mo–Fr 10:00–16:00",
    description: "Beratung für junge Zugewanderte von 12 bis 27 Jahren.",
  },
  vhs: {
    services: ["integration_course", "professional_language_course"],
    languages: ["de", "en"],
    openingHours: "Anmeldung Mo–Fr 9:00–12:00, Di 15:00–18:00",
    description: "Integrationskurse (auch Alphabetisierung) und Berufssprachkurse bis C1.",
  },
  ga: {
    services: ["health_advice"],
    languages: ["de", "en", "ar"],
    openingHours: "Mo–Fr 8:00–12:00",
    description: "Schuleingangsuntersuchungen, Impfberatung, Erstuntersuchungen.",
  },
  wi: {
    services: ["volunteer_mentoring", "interpreting"],
    languages: ["de", "ar", "fa", "uk", "ru"],
    openingHours: "Café Grenzenlos: Mi 15:00–18:00",
    description: "Ehrenamtliche Patenschaften, Begleitung zu Ämtern, Sprachmittlung.",
  },
  bib: {
    services: [],
    languages: ["de", "en"],
    openingHours: "Di–Sa 10:00–18:00",
    description: "Sprachlernmedien, Lesecafé.",
  },
};

export const demoAccounts: { email: string; name: string; role: Role; org: string }[] = [
  { email: "admin@musterstadt.example", name: "Katrin Vogel", role: "tenant_admin", org: "ki" },
  { email: "fallmanagement@musterstadt.example", name: "Aylin Kaya", role: "case_manager", org: "ki" },
  { email: "jobcenter@musterstadt.example", name: "Jonas Becker", role: "caseworker", org: "jc" },
  { email: "jobcenter-leitung@musterstadt.example", name: "Sabine Krüger", role: "org_admin", org: "jc" },
  { email: "abh@musterstadt.example", name: "Petra Schulz", role: "caseworker", org: "abh" },
  { email: "kita@musterstadt.example", name: "Lena Schmidt", role: "caseworker", org: "kita" },
  { email: "mbe@musterstadt.example", name: "Yusuf Demir", role: "caseworker", org: "mbe" },
  {
    email: "ehrenamt-koordination@musterstadt.example",
    name: "Miriam Hoffmann",
    role: "volunteer_coordinator",
    org: "wi",
  },
  { email: "ehrenamt@musterstadt.example", name: "Thomas Wagner", role: "volunteer", org: "wi" },
  { email: "lenkung@musterstadt.example", name: "Dr. Ulrike Brandt", role: "steering", org: "ki" },
  { email: "datenschutz@musterstadt.example", name: "Stefan Richter", role: "dpo", org: "ki" },
];

export const demoPersonCount = 300;

/** The controller and its data-protection officer as the Art. 15 document names them (fictional). */
const demoTenantSettings = {
  controller: {
    name: "Stadt Musterstadt – Der Bürgermeister",
    address: "Rathausplatz 1\n12345 Musterstadt",
    email: "post@musterstadt.example",
    phone: "0123 4567-0",
  },
  dataProtectionOfficer: {
    name: "Stefan Richter, Datenschutzbeauftragter der Stadt Musterstadt",
    address: "Rathausplatz 1\n12345 Musterstadt",
    email: "datenschutz@musterstadt.example",
    phone: "0123 4567-890",
  },
};

/** Musterstadt with its organisations, users and (by default) about 300 persons in households. */
export async function systemSeedDemo(db: Db, options: { persons?: number } = {}): Promise<{ tenantId: string }> {
  const passwordHash = await hashPassword(demoPassword);
  const result = await db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({ name: "Musterstadt", federalState: "NW", settings: demoTenantSettings })
      .returning();
    if (!tenant) throw new Error("tenant insert failed");
    const orgRows = await tx
      .insert(organisations)
      .values(
        demoOrganisations.map((o) => ({
          tenantId: tenant.id,
          name: o.name,
          type: o.type,
          email: `kontakt@${o.key}.musterstadt.example`,
          address: "Rathausplatz 1, 40000 Musterstadt",
          ...directory[o.key],
        })),
      )
      .returning();
    const orgId = (key: string) => {
      const name = demoOrganisations.find((o) => o.key === key)?.name;
      const row = orgRows.find((r) => r.name === name);
      if (!row) throw new Error(`demo organisation ${key} missing`);
      return row.id;
    };
    await tx.insert(users).values(
      demoAccounts.map((a) => ({
        tenantId: tenant.id,
        organisationId: orgId(a.org),
        email: a.email,
        name: a.name,
        role: a.role,
        passwordHash,
      })),
    );
    await audit(
      tx,
      { tenantId: tenant.id, requestId: "demo-seed" },
      {
        action: "tenant.created",
        subjectType: "tenant",
        subjectId: tenant.id,
        details: {
          after: { name: tenant.name, demo: true, organisations: orgRows.length, users: demoAccounts.length },
        },
      },
    );
    return { tenantId: tenant.id };
  });
  const persons = options.persons ?? demoPersonCount;
  if (persons > 0) {
    await systemGeneratePersons(db, result.tenantId, persons, { seed: 1 });
    await systemSeedNetwork(db, result.tenantId);
    await systemSeedDuplicates(db, result.tenantId);
  }
  return result;
}
