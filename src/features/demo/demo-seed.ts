// The fictional municipality "Musterstadt": organisations of every type, users of every role.

import { audit } from "../../platform/audit/audit.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import type { Db } from "../../platform/db/client.js";
import type { OrganisationType, Role } from "../../platform/domain.js";
import { organisations, tenants, users } from "../../platform/identity/identity.tables.js";
import { seedNetwork } from "./demo-network.js";
import { generatePersons } from "./person-generator.js";

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

/** Musterstadt with its organisations, users and (by default) about 300 persons in households. */
export async function seedDemo(db: Db, options: { persons?: number } = {}): Promise<{ tenantId: string }> {
  const passwordHash = await hashPassword(demoPassword);
  const result = await db.transaction(async (tx) => {
    const [tenant] = await tx.insert(tenants).values({ name: "Musterstadt", federalState: "NW" }).returning();
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
    await generatePersons(db, result.tenantId, persons, { seed: 1 });
    await seedNetwork(db, result.tenantId);
  }
  return result;
}
