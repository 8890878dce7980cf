// Persons registered twice in the demo, the way it happens in a city: a colleague, or the
// Jobcenter, did not find the file and registered the person again in another spelling. The
// duplicate scan then fills the review list, so that the demo shows search, warning and merge.
// Deterministic: the same persons and the same spellings on every seed.
import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { OrganisationType } from "../../platform/domain.js";
import type { Category } from "../../platform/domain-categories.js";
import { organisations, users } from "../../platform/identity/identity.tables.js";
import { consents } from "../consents/consents.tables.js";
import { systemDuplicateScan } from "../duplicates/duplicates.commands.js";
import { caseEvents, persons } from "../persons/persons.tables.js";
import { indexPersons, type NamedPerson } from "../search/search-index.js";

type Names = { givenNames: string; familyName: string; birthDate: string | null };

/**
 * How a second registration differs from the first: the ways clerks write the same name (article
 * joined or dropped, a vowel or a doubled letter, names swapped) and a birth date kept as the year.
 */
const spellings: ((p: Names) => Names)[] = [
  (p) => ({ ...p, familyName: p.familyName.replace(/^(Al|El)-/i, "Al") }),
  (p) => ({ ...p, givenNames: p.givenNames.replace(/o/, "u").replace(/e(?=[^e]*$)/, "a") }),
  (p) => ({ ...p, givenNames: p.familyName, familyName: p.givenNames }),
  (p) => ({ ...p, familyName: p.familyName.replace(/([bcdfghklmnprst])\1/, "$1"), birthDate: year(p.birthDate) }),
  (p) => ({ ...p, familyName: p.familyName.replace(/([aeiou])([bdfklmnrst])/, "$1$2$2") }),
  (p) => ({
    ...p,
    givenNames: p.givenNames.replace(/k/i, (k) => (k === "k" ? "ch" : "Ch")),
    birthDate: year(p.birthDate),
  }),
];

const year = (d: string | null) => (d ? d.slice(0, 4) : null);
const differs = (a: Names, b: Names) => a.givenNames !== b.givenNames || a.familyName !== b.familyName;

/** Registers the second files and runs the scan; returns the number of pairs found. */
export async function systemSeedDuplicates(db: Db, tenantId: string): Promise<number> {
  const org = async (type: OrganisationType) => {
    const [o] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.tenantId, tenantId), eq(organisations.type, type)))
      .limit(1);
    if (!o) throw new Error(`demo organisation ${type} missing`);
    return o.id;
  };
  const lead = await org("integration_office");
  const jobcenter = await org("jobcenter");
  const userOf = async (organisationId: string) => {
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.organisationId, organisationId)))
      .orderBy(asc(users.email))
      .limit(1);
    if (!u) throw new Error("demo user missing");
    return u.id;
  };
  const caseManager = await userOf(lead);
  const clerk = await userOf(jobcenter);
  // Adults of the integration centre's caseload with a family name and a full birth date.
  const originals = await db
    .select()
    .from(persons)
    .where(
      and(
        eq(persons.tenantId, tenantId),
        eq(persons.leadOrganisationId, lead),
        ne(persons.familyName, ""),
        isNotNull(persons.birthDate),
      ),
    )
    .orderBy(asc(persons.birthDate), asc(persons.givenNames))
    .limit(400);
  const chosen = originals.filter((p) => (p.birthDate ?? "").length === 10 && Number(p.birthDate?.slice(0, 4)) < 2000);
  // For each spelling, the next person whose name it changes (a spelling that leaves a name as it
  // is would make an exact copy, which the registration warning would have prevented).
  const taken = new Set<string>();
  const pick = (spell: (p: Names) => Names) => chosen.find((p) => !taken.has(p.id) && differs(p, spell(p)));
  const copies = [...spellings, ...spellings].flatMap((spell, i) => {
    const p = pick(spell);
    if (!p) return [];
    taken.add(p.id);
    // Every third one came in through the Jobcenter, with a consent that lets the centre see it.
    const byJobcenter = i % 3 === 2;
    return [
      {
        ...p,
        ...spell(p),
        id: crypto.randomUUID(),
        registeredByOrganisationId: byJobcenter ? jobcenter : lead,
        leadOrganisationId: null,
        leadCaseManagerId: null,
        caseStatus: "intake" as const,
        caseOpenedOn: null,
        caseClosedOn: null,
        closingReason: null,
        mergedIntoId: null,
        version: 1,
        createdBy: byJobcenter ? clerk : caseManager,
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    ];
  });
  if (copies.length === 0) return 0;
  await db.transaction(async (tx) => {
    await tx.insert(persons).values(copies);
    await indexPersons(tx, copies as NamedPerson[], { fresh: true });
    await tx.insert(caseEvents).values(
      copies.map((c) => ({
        tenantId,
        personId: c.id,
        action: "registered" as const,
        toStatus: "intake",
        organisationId: c.registeredByOrganisationId,
        userId: c.createdBy,
      })),
    );
    const viaJobcenter = copies.filter((c) => c.registeredByOrganisationId === jobcenter);
    if (viaJobcenter.length > 0)
      await tx.insert(consents).values(
        viaJobcenter.map((c) => ({
          tenantId,
          personId: c.id,
          caseManagement: false,
          recipientOrganisationIds: [lead],
          categories: ["identity"] as Category[],
          purpose: "Abgleich mit der Fallakte im Integrationszentrum",
          validFrom: new Date().toISOString().slice(0, 10),
          method: "signed_form" as const,
          language: "de",
          formVersion: "2026-11-1",
          recordedByOrganisationId: jobcenter,
          recordedBy: clerk,
        })),
      );
  });
  return (await systemDuplicateScan(db, tenantId)).pairs;
}
