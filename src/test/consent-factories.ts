// Helpers for the consent and data-protection API tests: a case-file tenant with its admin signed
// in, agreements and legal bases through the API, dates relative to today, records that carry a
// marker text per category, and everything a partner can read about a person in one call.
import { and, eq, type SQL, sql } from "drizzle-orm";
import { expect } from "vitest";
import { agreements } from "../features/agreements/agreements.tables.js";
import { consents } from "../features/consents/consents.tables.js";
import { legalBases } from "../features/legal-bases/legal-bases.tables.js";
import { type Db, queryRows } from "../platform/db/client.js";
import type { Category } from "../platform/domain-categories.js";
import { today } from "../platform/reference/partial-date.js";
import { api, caseFileTenant, samplePdf } from "./case-file-factories.js";
import { login } from "./factories.js";
import type { Client, TestApp } from "./test-app.js";

/** caseFileTenant plus the tenant admin signed in. */
export async function consentTenant(app: TestApp) {
  const t = await caseFileTenant(app);
  return { ...t, adminClient: await login(app, t.admin.email) };
}
export type ConsentTenant = Awaited<ReturnType<typeof consentTenant>>;

/** The calendar date n days from today (Europe/Berlin, as the server counts). */
export function daysFromToday(n: number): string {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Concludes a cooperation agreement through the API (201 asserted). */
export async function createAgreement(
  admin: Client,
  partnerOrganisationId: string,
  extra: Record<string, unknown> = {},
) {
  const res = await admin.post(`${api}/agreements`, {
    partnerOrganisationId,
    acknowledgeWithinDays: 3,
    firstAppointmentWithinDays: 10,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Defines a legal basis through the API (201 asserted). */
export async function createLegalBasis(
  admin: Client,
  organisationId: string,
  categories: Category[],
  extra: Record<string, unknown> = {},
) {
  const res = await admin.post(`${api}/legal-bases`, {
    organisationId,
    categories,
    citation: "§ 87 Abs. 1 AufenthG",
    validFrom: "2020-01-01",
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A consent body that passes validation; the test overrides what it is about. */
export const consentBody = (extra: Record<string, unknown> = {}) => ({
  categories: ["work"],
  purpose: "Vermittlung in Arbeit",
  validFrom: today(),
  method: "signed_form",
  ...extra,
});

const countOf = async (db: Db, query: SQL) => {
  const rows = await queryRows<{ n: number | string }>(db, query);
  return Number(rows[0]?.n ?? 0);
};

export const consentCounts = {
  consents: (db: Db, tenantId: string) =>
    countOf(db, sql`select count(*) as n from ${consents} where ${consents.tenantId} = ${tenantId}::uuid`),
  legalBases: (db: Db, tenantId: string) =>
    countOf(db, sql`select count(*) as n from ${legalBases} where ${legalBases.tenantId} = ${tenantId}::uuid`),
  agreements: (db: Db, tenantId: string) =>
    countOf(db, sql`select count(*) as n from ${agreements} where ${agreements.tenantId} = ${tenantId}::uuid`),
};

export async function consentRow(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.tenantId, tenantId), eq(consents.id, id)));
  return row;
}

export async function legalBasisRow(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(legalBases)
    .where(and(eq(legalBases.tenantId, tenantId), eq(legalBases.id, id)));
  return row;
}

export async function agreementRow(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.tenantId, tenantId), eq(agreements.id, id)));
  return row;
}

/** Ids of the persons in the client's GET /persons list (200 asserted). */
export async function listedPersonIds(c: Client): Promise<string[]> {
  const res = await c.get(`${api}/persons?limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((p) => p.id);
}

/** A record of the category whose free text is the marker (residence has none: it has a fixed paragraph). */
export function markedRecord(category: Exclude<Category, "identity">, marker: string) {
  const byCategory: Record<Exclude<Category, "identity">, { kind: string; data: Record<string, unknown> }> = {
    residence: { kind: "residence_status", data: { type: "aufenthaltserlaubnis", paragraph: "aufenthg_25_2_1" } },
    benefits: { kind: "benefit", data: { type: "sgb2_buergergeld", status: "granted" } },
    childcare: { kind: "childcare_place", data: { status: "applied", facility: marker } },
    school: { kind: "school_enrollment", data: { school: marker, classType: "international" } },
    education: { kind: "course_enrollment", data: { courseType: "integration_course", provider: marker } },
    work: { kind: "employment", data: { status: "employed", employer: marker } },
    housing: { kind: "housing", data: { type: "own_flat", address: marker } },
    health: { kind: "health_note", data: { text: marker } },
    family: { kind: "family_note", data: { text: marker } },
    notes: { kind: "note", data: { text: marker } },
  };
  return byCategory[category];
}

/** A PDF whose title and file name carry the marker. */
export const markedPdf = (marker: string) => ({
  filename: `${marker}.pdf`,
  contentType: "application/pdf",
  data: samplePdf(),
});

/**
 * Everything a caller reads about a person on the case-file read routes (the header with records,
 * records, timeline, documents), each asserted 200; `text` joins the bodies for marker checks.
 */
export async function readEverything(c: Client, personId: string) {
  const urls = {
    person: `${api}/persons/${personId}?include=records`,
    records: `${api}/persons/${personId}/records`,
    timeline: `${api}/persons/${personId}/timeline?limit=200`,
    documents: `${api}/persons/${personId}/documents`,
  };
  // One after the other, so that the audit rows come in this order.
  const person = await c.get(urls.person);
  const records = await c.get(urls.records);
  const timeline = await c.get(urls.timeline);
  const documents = await c.get(urls.documents);
  const all = { person, records, timeline, documents };
  for (const [name, res] of Object.entries(all)) expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
  const p = person.json();
  return {
    person: p,
    recordIds: (p.records as { id: string }[]).map((r) => r.id),
    recordCategories: [...new Set((p.records as { category: string }[]).map((r) => r.category))].sort(),
    listedRecordIds: (records.json().items as { id: string }[]).map((r) => r.id),
    timelineIds: (timeline.json().items as { id: string }[]).map((e) => e.id),
    documentIds: (documents.json().items as { id: string }[]).map((d) => d.id),
    text: [person, records, timeline, documents].map((r) => r.body).join("\n"),
  };
}
