// Generates plausible persons in households with records across all life domains, for the demo
// municipality (about 300 persons) and for the benchmark tiers (`strang seed --persons N`).
// Deterministic for a given seed.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type OrganisationType, protectedProvenanceTypes } from "../../platform/domain.js";
import { organisations, users } from "../../platform/identity/identity.tables.js";
import { consents } from "../consents/consents.tables.js";
import { householdMembers, households } from "../households/households.tables.js";
import { caseEvents, persons } from "../persons/persons.tables.js";
import { kindDefinition, type RecordKind } from "../records/record-kinds.js";
import { records } from "../records/records.tables.js";
import { indexPersons, type NamedPerson } from "../search/search-index.js";
import { birthPlaces, names, type Origin, originWeights } from "./name-tables.js";

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    weighted: <T>(items: readonly [T, number][]): T => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r <= 0) return item;
      }
      return (items[items.length - 1] as [T, number])[0];
    },
  };
}
type Rng = ReturnType<typeof rng>;

const streets = [
  "Hauptstraße",
  "Bahnhofstraße",
  "Gartenweg",
  "Lindenallee",
  "Schulstraße",
  "Am Markt",
  "Kirchplatz",
  "Rosenweg",
  "Bergstraße",
  "Mühlenweg",
  "Friedhofstraße",
  "Wiesenstraße",
];
const arrivalYears: Record<Origin, [number, number]> = {
  SYR: [2014, 2019],
  UKR: [2022, 2025],
  AFG: [2015, 2024],
  TUR: [2018, 2025],
  IRQ: [2015, 2020],
  ERI: [2014, 2022],
  IRN: [2016, 2025],
  SOM: [2014, 2021],
  RUS: [2022, 2025],
  ROU: [2014, 2025],
  NGA: [2016, 2024],
  GIN: [2016, 2024],
};

const pad = (n: number) => String(n).padStart(2, "0");
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Birth date as registered: full, placeholder 01.01., year-month, or year only. */
function birthDate(r: Rng, year: number): string {
  const roll = r.next();
  if (roll < 0.25) return String(year);
  if (roll < 0.35) return `${year}-${pad(r.int(1, 12))}`;
  if (roll < 0.5) return isoDate(year, 1, 1);
  return isoDate(year, r.int(1, 12), r.int(1, 28));
}

type OrgIds = Partial<Record<OrganisationType, { id: string; protected: boolean }>>;

async function loadContext(db: Db, tenantId: string) {
  const orgRows = await db.select().from(organisations).where(eq(organisations.tenantId, tenantId));
  const orgs: OrgIds = {};
  for (const o of orgRows) orgs[o.type] ??= { id: o.id, protected: protectedProvenanceTypes.includes(o.type) };
  const lead = orgs.integration_office;
  if (!lead) throw new Error("the tenant needs an integration_office to generate persons");
  const [cm] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.organisationId, lead.id), eq(users.role, "case_manager")))
    .limit(1);
  const [anyUser] = await db.select({ id: users.id }).from(users).where(eq(users.tenantId, tenantId)).limit(1);
  const userId = cm?.id ?? anyUser?.id;
  if (!userId) throw new Error("the tenant needs a user to generate persons");
  return { orgs, lead: lead.id, caseManagerId: cm?.id ?? null, userId };
}

type PersonInsert = typeof persons.$inferInsert;
type RecordInsert = typeof records.$inferInsert;

export type GenerateOptions = { seed?: number; chunkSize?: number; onProgress?: (done: number, total: number) => void };

/** Inserts `count` persons (in households) with records into the tenant; returns the counts. */
export async function systemGeneratePersons(db: Db, tenantId: string, count: number, options: GenerateOptions = {}) {
  const r = rng(options.seed ?? 20261124);
  const ctx = await loadContext(db, tenantId);
  const chunkSize = options.chunkSize ?? 500;
  const now = new Date();
  const thisYear = now.getUTCFullYear();
  let made = 0;
  let recordCount = 0;
  let householdCount = 0;

  const org = (type: OrganisationType) => ctx.orgs[type] ?? ctx.orgs.integration_office;

  while (made < count) {
    const batchPersons: PersonInsert[] = [];
    const batchRecords: RecordInsert[] = [];
    const batchHouseholds: (typeof households.$inferInsert)[] = [];
    const batchMembers: (typeof householdMembers.$inferInsert)[] = [];
    const batchEvents: (typeof caseEvents.$inferInsert)[] = [];
    const batchConsents: (typeof consents.$inferInsert)[] = [];

    while (batchPersons.length < chunkSize && made + batchPersons.length < count) {
      const origin = r.weighted(originWeights);
      const n = names[origin];
      const size = Math.min(
        r.weighted([
          [1, 30],
          [2, 15],
          [3, 15],
          [4, 20],
          [5, 12],
          [6, 8],
        ]),
        count - made - batchPersons.length,
      );
      const householdId = randomUUID();
      const noFamilyName = origin === "AFG" && r.chance(0.2);
      const familyName = origin === "ERI" ? "" : noFamilyName ? "" : r.pick(n.family);
      const [ay0, ay1] = arrivalYears[origin];
      const arrivalYear = r.int(ay0, Math.min(ay1, thisYear));
      const arrived = r.chance(0.6)
        ? isoDate(arrivalYear, r.int(1, 12), r.int(1, 28))
        : `${arrivalYear}-${pad(r.int(1, 12))}`;
      const address = { street: `${r.pick(streets)} ${r.int(1, 120)}`, postalCode: "40000", city: "Musterstadt" };
      const headMale = r.chance(origin === "UKR" ? 0.35 : 0.7);
      const headGiven = r.pick(headMale ? n.male : n.female);
      // Eritrean naming: the father's given name serves as the family name of the children.
      const eritreanFather = origin === "ERI" ? r.pick(n.male) : "";
      const registeredBy = r.weighted<OrganisationType>([
        ["integration_office", 80],
        ["jobcenter", 10],
        ["migration_counselling", 10],
      ]);
      const registrar = org(registeredBy);
      const status = r.weighted<"intake" | "active" | "paused" | "closed">([
        ["intake", 15],
        ["active", 60],
        ["paused", 10],
        ["closed", 15],
      ]);
      const isLead = registeredBy === "integration_office";
      batchHouseholds.push({
        tenantId,
        id: householdId,
        name: `Haushalt ${familyName || headGiven}`,
        createdByOrganisationId: registrar?.id ?? ctx.lead,
      });
      householdCount += 1;

      for (let i = 0; i < size; i += 1) {
        const relation = i === 0 ? "head" : i === 1 && size > 1 && r.chance(0.8) ? "spouse" : "child";
        const adult = relation !== "child";
        const male = relation === "head" ? headMale : relation === "spouse" ? !headMale : r.chance(0.5);
        const given = relation === "head" ? headGiven : r.pick(male ? n.male : n.female);
        const age = adult ? r.int(20, 62) : r.int(0, 17);
        const year = thisYear - age;
        const id = randomUUID();
        const personFamily = origin === "ERI" ? (relation === "child" ? eritreanFather : r.pick(n.male)) : familyName;
        const lang = n.languages[0] as string;
        batchPersons.push({
          tenantId,
          id,
          givenNames: origin === "ERI" && relation !== "child" ? `${given} ${r.pick(n.male)}` : given,
          familyName: personFamily,
          alternativeNames: [],
          birthDate: birthDate(r, year),
          birthPlace: r.chance(0.8) ? r.pick(birthPlaces[origin]) : null,
          sex: male ? "male" : "female",
          nationalities: [origin],
          languages: [
            { code: lang, interpreterNeeded: adult ? r.chance(0.6) : false },
            ...(adult && r.chance(0.3) ? [{ code: "de", interpreterNeeded: false }] : []),
          ],
          contact: adult && r.chance(0.7) ? { phone: `+49 1${r.int(50, 79)} ${r.int(1000000, 9999999)}` } : {},
          address,
          arrivedInGermanyOn: arrived,
          arrivedInMunicipalityOn: r.chance(0.5) ? arrived : `${Math.min(arrivalYear + r.int(0, 2), thisYear)}`,
          registeredByOrganisationId: registrar?.id ?? ctx.lead,
          caseStatus: isLead ? status : "intake",
          leadOrganisationId: isLead ? ctx.lead : null,
          leadCaseManagerId: isLead ? ctx.caseManagerId : null,
          caseOpenedOn:
            isLead && status !== "intake"
              ? isoDate(Math.max(arrivalYear, thisYear - 3), r.int(1, 12), r.int(1, 28))
              : null,
          caseClosedOn:
            isLead && status === "closed"
              ? isoDate(thisYear, r.int(1, Math.max(1, now.getUTCMonth())), r.int(1, 28))
              : null,
          closingReason:
            isLead && status === "closed"
              ? r.pick(["Ziele erreicht", "Umzug in eine andere Kommune", "Kein Unterstützungsbedarf mehr"])
              : null,
          createdBy: ctx.userId,
        });
        batchMembers.push({ tenantId, householdId, personId: id, relation });
        batchEvents.push({
          tenantId,
          personId: id,
          action: "registered",
          toStatus: "intake",
          organisationId: registrar?.id ?? ctx.lead,
          userId: ctx.userId,
        });

        const add = (
          kind: RecordKind,
          owner: OrganisationType,
          data: Record<string, unknown>,
          validFrom: string | null = null,
          validUntil: string | null = null,
        ) => {
          const o = org(owner);
          const def = kindDefinition(kind);
          if (!o || !def) return;
          batchRecords.push({
            tenantId,
            personId: id,
            kind,
            category: def.category,
            data,
            validFrom,
            validUntil,
            ownerOrganisationId: o.id,
            protected: o.protected,
            createdBy: ctx.userId,
            updatedBy: ctx.userId,
          });
        };
        for (const rec of residenceRecords(r, origin, arrivalYear, thisYear)) {
          add("residence_status", "immigration_office", rec.data, rec.validFrom, rec.validUntil);
        }
        if (adult) {
          const asylum = origin === "AFG" || origin === "TUR" || origin === "GIN";
          add(
            "benefit",
            asylum ? "integration_office" : "jobcenter",
            {
              type: asylum && r.chance(0.5) ? "asylblg" : "sgb2_buergergeld",
              status: r.pick(["granted", "granted", "applied", "ended"]),
              from: `${arrivalYear}`,
            },
            `${arrivalYear}`,
          );
          if (r.chance(0.65)) {
            const level = r.pick(["A1", "A2", "B1", "B1", "B2"]);
            const start = Math.min(arrivalYear + 1, thisYear);
            add(
              "course_enrollment",
              "language_school",
              {
                courseType: r.chance(0.8) ? "integration_course" : "professional_language_course",
                basis: r.pick(["entitlement", "obligation"]),
                level,
                provider: "VHS Musterstadt",
                startOn: `${start}-${pad(r.int(1, 12))}`,
                ...(r.chance(0.5) ? { result: `DTZ ${level}` } : {}),
              },
              `${start}`,
            );
          }
          if (r.chance(0.75))
            add("employment", "jobcenter", {
              status: r.pick(["job_seeking", "job_seeking", "employed", "training", "not_available"]),
              registeredAt: r.pick(["jobcenter", "agentur"]),
              ...(r.chance(0.3)
                ? {
                    employer: r.pick([
                      "Stadtwerke Musterstadt",
                      "Pflegedienst Sonnenschein",
                      "Logistik Rhein GmbH",
                      "Bäckerei Schmitz",
                    ]),
                  }
                : {}),
              since: `${Math.min(arrivalYear + r.int(0, 3), thisYear)}`,
            });
          if (r.chance(0.25))
            add("qualification", "integration_office", {
              title: r.pick([
                "Lehrerin/Lehrer",
                "Ingenieur/in",
                "Krankenpflege",
                "Elektriker/in",
                "Schneider/in",
                "Buchhaltung",
              ]),
              country: origin,
              recognition: r.pick(["none", "pending", "partial", "full"]),
            });
          if (relation === "head")
            add("housing", "integration_office", {
              type: r.pick(["shared_accommodation", "own_flat", "own_flat"]),
              address: `${address.street}, 40000 Musterstadt`,
              since: arrived.slice(0, 7),
            });
          if (r.chance(0.4))
            add("note", "integration_office", {
              text: r.pick([
                "Erstgespräch geführt, Unterlagen für das Jobcenter besprochen.",
                "Termin bei der Ausländerbehörde vereinbart.",
                "Unterstützung bei der Wohnungssuche angefragt.",
                "Sprachkurs-Anmeldung begleitet.",
              ]),
            });
          if (r.chance(0.12))
            add("family_note", "migration_counselling", {
              text: "Familienzusammenführung beantragt; Beratung zu den Unterlagen.",
            });
          if (r.chance(0.05))
            add("health_note", "health_office", {
              text: "Schuleingangs- bzw. Erstuntersuchung durchgeführt; keine Auffälligkeiten.",
            });
        } else if (age >= 1 && age <= 6) {
          add("childcare_place", "kita", {
            status: r.pick(["applied", "offered", "attending", "attending"]),
            facility: "Kita Sonnenblume",
            appliedOn: `${Math.min(arrivalYear + 1, thisYear)}`,
          });
        } else if (age > 6) {
          add("school_enrollment", r.chance(0.5) ? "school" : "school_office", {
            school: r.pick(["Gesamtschule Am Markt", "Grundschule Lindenallee", "Realschule Bergstraße"]),
            classType: thisYear - arrivalYear <= 2 ? "international" : "regular",
            grade: Math.min(13, Math.max(1, age - 5)),
            startOn: `${Math.min(arrivalYear + 1, thisYear)}-08`,
          });
        }
      }
    }

    await db.transaction(async (tx) => {
      await tx.insert(households).values(batchHouseholds);
      await tx.insert(persons).values(batchPersons);
      // The search index, in bulk, in the same transaction as the persons.
      await indexPersons(tx, batchPersons as NamedPerson[], { fresh: true });
      await tx.insert(householdMembers).values(batchMembers);
      await tx.insert(caseEvents).values(batchEvents);
      if (batchConsents.length > 0) await tx.insert(consents).values(batchConsents);
      for (let i = 0; i < batchRecords.length; i += 1000)
        await tx.insert(records).values(batchRecords.slice(i, i + 1000));
    });
    made += batchPersons.length;
    recordCount += batchRecords.length;
    options.onProgress?.(made, count);
  }
  // Fresh statistics after a bulk load, as autovacuum would gather them a minute later: planned
  // with the row counts of the empty tables, the person list sorts every person of the tenant
  // instead of walking the name index (100 ms instead of 2 at 80,000 persons).
  await db.execute(sql`analyze persons, person_search_keys, consents, records, household_members`);
  return { persons: made, households: householdCount, records: recordCount };
}

function residenceRecords(r: Rng, origin: Origin, arrivalYear: number, thisYear: number) {
  const expiry = () => isoDate(thisYear + r.int(0, 2), r.int(1, 12), r.int(1, 28));
  const current = (() => {
    switch (origin) {
      case "UKR":
        return { type: "temporary_protection", paragraph: "aufenthg_24" };
      case "SYR":
      case "ERI":
        return r.chance(0.7)
          ? { type: "aufenthaltserlaubnis", paragraph: r.pick(["aufenthg_25_2_1", "aufenthg_25_2_2"]) }
          : { type: "niederlassungserlaubnis", paragraph: "aufenthg_26_3" };
      case "AFG":
        return r.pick([
          { type: "aufenthaltsgestattung", paragraph: "asylg_55" },
          { type: "duldung", paragraph: "aufenthg_60a" },
          { type: "aufenthaltserlaubnis", paragraph: "aufenthg_25_3" },
          { type: "aufenthaltserlaubnis", paragraph: "aufenthg_22" },
        ]);
      case "ROU":
        return { type: "eu_freedom_of_movement", paragraph: "freizuegg_2" };
      case "TUR":
      case "GIN":
      case "NGA":
        return r.pick([
          { type: "aufenthaltsgestattung", paragraph: "asylg_55" },
          { type: "duldung", paragraph: "aufenthg_60a" },
          { type: "aufenthaltserlaubnis", paragraph: "aufenthg_25_5" },
        ]);
      default:
        return r.pick([
          { type: "aufenthaltsgestattung", paragraph: "asylg_55" },
          { type: "aufenthaltserlaubnis", paragraph: "aufenthg_25_2_1" },
          { type: "fiktionsbescheinigung", paragraph: "aufenthg_81_4" },
        ]);
    }
  })();
  const out: { data: Record<string, unknown>; validFrom: string; validUntil: string | null }[] = [];
  const movedOn =
    current.type !== "aufenthaltsgestattung" &&
    current.type !== "temporary_protection" &&
    current.type !== "eu_freedom_of_movement";
  const sinceYear = movedOn ? Math.min(arrivalYear + r.int(1, 3), thisYear) : arrivalYear;
  if (movedOn) {
    out.push({
      data: {
        type: "aufenthaltsgestattung",
        paragraph: "asylg_55",
        issuedOn: isoDate(arrivalYear, r.int(1, 12), r.int(1, 28)),
        workPermitted: false,
        residenceObligation: true,
      },
      validFrom: `${arrivalYear}`,
      validUntil: `${sinceYear}`,
    });
  }
  const issuedOn = isoDate(sinceYear, r.int(1, 12), r.int(1, 28));
  const permanent = current.type === "niederlassungserlaubnis" || current.type === "eu_freedom_of_movement";
  out.push({
    data: {
      ...current,
      issuedOn,
      ...(permanent ? {} : { validUntil: expiry() }),
      workPermitted: current.type !== "aufenthaltsgestattung" || r.chance(0.3),
      residenceObligation: current.type === "aufenthaltsgestattung" || current.type === "duldung",
    },
    validFrom: issuedOn,
    validUntil: null,
  });
  return out;
}
