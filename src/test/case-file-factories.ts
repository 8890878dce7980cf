// Helpers for the case-file API tests (persons, records, households, documents, timeline):
// tenants with a lead organisation and partners, signed-in users, persons and records created
// through the API, consents recorded through the API, row counts, audit rows, multipart bodies
// and small real files (PDF, PNG, JPEG) for uploads.
import { randomUUID } from "node:crypto";
import zlib from "node:zlib";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { expect } from "vitest";
import { documents } from "../features/documents/documents.tables.js";
import { householdMembers, households } from "../features/households/households.tables.js";
import { caseEvents, persons } from "../features/persons/persons.tables.js";
import { records } from "../features/records/records.tables.js";
import { referrals } from "../features/referrals/referrals.tables.js";
import { auditEvents } from "../platform/audit/audit.tables.js";
import { type Db, queryRows } from "../platform/db/client.js";
import type { OrganisationType, Role } from "../platform/domain.js";
import { today } from "../platform/reference/partial-date.js";
import { createOrganisation, createTenant, createUser, login } from "./factories.js";
import type { Client, TestApp } from "./test-app.js";

export const api = "/api/v1";
export const suffix = () => randomUUID().slice(0, 8);

export type SignedIn = Awaited<ReturnType<typeof createUser>> & { client: Client };

/** A user of the organisation with the role, signed in. */
export async function signIn(app: TestApp, tenantId: string, organisationId: string, role: Role): Promise<SignedIn> {
  const user = await createUser(app.database.db, tenantId, organisationId, role);
  return { ...user, client: await login(app, user.email) };
}

/**
 * A tenant as the case file sees it: the integration office (lead case management) with a case
 * manager, and a Jobcenter (a partner organisation) with a caseworker.
 */
export async function caseFileTenant(app: TestApp) {
  const db = app.database.db;
  const t = await createTenant(db);
  const tenantId = t.tenant.id;
  const io = t.organisation;
  const jobcenter = await createOrganisation(db, tenantId, "jobcenter");
  const [cm, jc] = await Promise.all([
    signIn(app, tenantId, io.id, "case_manager"),
    signIn(app, tenantId, jobcenter.id, "caseworker"),
  ]);
  return {
    tenantId,
    admin: t.admin,
    io,
    jobcenter,
    /** case manager of the integration office */
    cm,
    /** caseworker of the Jobcenter */
    jc,
    organisation: (type: OrganisationType) => createOrganisation(db, tenantId, type),
    user: (organisationId: string, role: Role) => signIn(app, tenantId, organisationId, role),
  };
}
export type CaseFileTenant = Awaited<ReturnType<typeof caseFileTenant>>;

/** Registers a person through the API (201 asserted) and returns the response body. */
export async function registerPerson(c: Client, body: Record<string, unknown> = {}) {
  const res = await c.post(`${api}/persons`, { givenNames: "Amina", familyName: `Haddad-${suffix()}`, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Adds a record through the API (201 asserted) and returns the response body. */
export async function addRecord(
  c: Client,
  personId: string,
  kind: string,
  data: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  const res = await c.post(`${api}/persons/${personId}/records`, { kind, data, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Records a consent of the person through the API (201 asserted); valid from today, signed form. */
export async function recordConsent(
  c: Client,
  personId: string,
  consent: {
    recipientOrganisationIds?: string[];
    caseManagement?: boolean;
    allPartners?: boolean;
    categories: string[];
    validFrom?: string;
  },
) {
  const res = await c.post(`${api}/persons/${personId}/consents`, {
    purpose: "Beratung und Vermittlung",
    validFrom: today(),
    method: "signed_form",
    ...consent,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/**
 * A person registered by a partner organisation whose case the integration office leads: the
 * registrar records the person's consent naming the integration office (identity), and the
 * integration office's case manager opens the case. Returns the person as the lead sees it.
 */
export async function personLedByIntegrationOffice(
  t: CaseFileTenant,
  registrar: Client,
  body: Record<string, unknown> = {},
) {
  const person = await registerPerson(registrar, body);
  await recordConsent(registrar, person.id, { recipientOrganisationIds: [t.io.id], categories: ["identity"] });
  const opened = await t.cm.client.post(`${api}/persons/${person.id}/case/open`, {});
  expect(opened.statusCode, opened.body).toBe(200);
  expect(opened.json().case.leadOrganisationId).toBe(t.io.id);
  return opened.json();
}

const countOf = async (db: Db, query: SQL) => {
  const rows = await queryRows<{ n: number | string }>(db, query);
  return Number(rows[0]?.n ?? 0);
};

export const counts = {
  persons: (db: Db, tenantId: string) =>
    countOf(db, sql`select count(*) as n from ${persons} where ${persons.tenantId} = ${tenantId}::uuid`),
  records: (db: Db, tenantId: string, personId: string) =>
    countOf(
      db,
      sql`select count(*) as n from ${records} where ${records.tenantId} = ${tenantId}::uuid and ${records.personId} = ${personId}::uuid`,
    ),
  documents: (db: Db, tenantId: string, personId?: string) =>
    countOf(
      db,
      personId
        ? sql`select count(*) as n from ${documents} where ${documents.tenantId} = ${tenantId}::uuid and ${documents.personId} = ${personId}::uuid`
        : sql`select count(*) as n from ${documents} where ${documents.tenantId} = ${tenantId}::uuid`,
    ),
  households: (db: Db, tenantId: string) =>
    countOf(db, sql`select count(*) as n from ${households} where ${households.tenantId} = ${tenantId}::uuid`),
  householdMembers: (db: Db, tenantId: string) =>
    countOf(
      db,
      sql`select count(*) as n from ${householdMembers} where ${householdMembers.tenantId} = ${tenantId}::uuid`,
    ),
  caseEvents: (db: Db, tenantId: string, personId: string) =>
    countOf(
      db,
      sql`select count(*) as n from ${caseEvents} where ${caseEvents.tenantId} = ${tenantId}::uuid and ${caseEvents.personId} = ${personId}::uuid`,
    ),
};

export async function personRow(db: Db, tenantId: string, personId: string) {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.tenantId, tenantId), eq(persons.id, personId)));
  return row;
}

export async function recordRow(db: Db, tenantId: string, recordId: string) {
  const [row] = await db
    .select()
    .from(records)
    .where(and(eq(records.tenantId, tenantId), eq(records.id, recordId)));
  return row;
}

export async function documentRow(db: Db, tenantId: string, documentId: string) {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.tenantId, tenantId), eq(documents.id, documentId)));
  return row;
}

/** Audit rows of a tenant, oldest first, optionally of one action, person or actor. */
export async function auditRows(
  db: Db,
  tenantId: string,
  filter: { action?: string; personId?: string; actorUserId?: string } = {},
) {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.tenantId, tenantId),
        filter.action ? eq(auditEvents.action, filter.action) : undefined,
        filter.personId ? eq(auditEvents.personId, filter.personId) : undefined,
        filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
      ),
    )
    .orderBy(auditEvents.id);
}

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string; code?: string; params?: Record<string, unknown> }[];
  [key: string]: unknown;
};

/** Asserts an RFC 9457 problem with the status, the type and, when given, field errors naming the paths. */
export function expectProblem(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
  type: string,
  paths: string[] = [],
): ProblemBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers["content-type"])).toContain("application/problem+json");
  const problem = JSON.parse(res.body) as ProblemBody;
  expect(problem.type).toBe(`/problems/${type}`);
  expect(problem.status).toBe(status);
  if (paths.length > 0) {
    const named = (problem.errors ?? []).map((e) => e.path);
    for (const p of paths) expect(named, res.body).toContain(p);
  }
  return problem;
}

// ---------------------------------------------------------------------------------------------
// Multipart bodies and small real files.

export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; contentType: string; data: Buffer };

/** A multipart/form-data body built by hand, for app.inject. */
export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----strang-test-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ("data" in p) {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.contentType}\r\n\r\n`,
        ),
      );
      chunks.push(p.data);
    } else {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}`));
    }
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads one file with a category (and title) as the client. */
export function upload(
  c: Client,
  personId: string,
  file: { filename: string; contentType: string; data: Buffer } | undefined,
  fields: Record<string, string> = {},
) {
  const parts: Part[] = Object.entries(fields).map(([name, value]) => ({ name, value }));
  if (file) parts.push({ name: "file", ...file });
  const body = multipart(parts);
  return c.request({ method: "POST", url: `${api}/persons/${personId}/documents`, ...body });
}

/** A minimal, well-formed one-page PDF. */
export function samplePdf(padTo = 0): Buffer {
  const objects = [
    "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
    "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(body.length);
    body += o;
  }
  if (padTo > body.length) body += `% ${"x".repeat(padTo - body.length)}\n`;
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A real 1×1 PNG (one opaque red pixel). */
export function samplePng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  const pixels = zlib.deflateSync(Buffer.from([0, 0xff, 0, 0]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", pixels),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The start of a JFIF JPEG (SOI, APP0) and its end marker: what content sniffing looks at. */
export function sampleJpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from("JFIF\0", "latin1"),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.from([0xff, 0xdb, 0x00, 0x43, 0x00, ...new Array(64).fill(1)]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A Windows executable header ("MZ" with a PE header), whatever name it travels under. */
export function sampleExe(): Buffer {
  const b = Buffer.alloc(256);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  b.write("This program cannot be run in DOS mode.", 0x40, "latin1");
  return b;
}

// ---------------------------------------------------------------------------------------------
// The case file's routes, as the app registered them.

const caseFileRoute =
  /^\/api\/v1\/(persons(\/:id(\/(case\/\w+|records|residence|documents|timeline))?)?|records\/:id|households(\/:id(\/members(\/:personId)?)?)?|documents\/:id(\/content)?)$/;

/** Every registered route of the case file (persons, case actions, records, households, documents, timeline). */
export function caseFileRoutes(app: TestApp) {
  return app.registeredRoutes.filter((r) => caseFileRoute.test(r.url));
}

/** Fills a route's parameters: `:id` by what the route is about, `:personId` with the person. */
export function fillRoute(
  url: string,
  ids: { person: string; record: string; household: string; document: string },
): string {
  const id = url.startsWith("/api/v1/records/")
    ? ids.record
    : url.startsWith("/api/v1/households/")
      ? ids.household
      : url.startsWith("/api/v1/documents/")
        ? ids.document
        : ids.person;
  return url.replace(":personId", ids.person).replace(":id", id);
}

/** An overdue referral of a fresh tenant (sent by its case manager; acknowledgement due in 2020). */
export async function overdueReferral(app: TestApp) {
  const t = await caseFileTenant(app);
  const person = await registerPerson(t.cm.client, { givenNames: "Rania", birthDate: "1991-05-02" });
  expect((await t.cm.client.post(`${api}/persons/${person.id}/case/open`, {})).statusCode).toBe(200);
  await recordConsent(t.cm.client, person.id, {
    caseManagement: true,
    categories: ["identity", "work"],
    validFrom: "2020-01-01",
  });
  await recordConsent(t.cm.client, person.id, {
    recipientOrganisationIds: [t.jobcenter.id],
    categories: ["identity", "work"],
    validFrom: "2020-01-01",
  });
  const sent = await t.cm.client.post(`${api}/referrals`, {
    personId: person.id,
    toOrganisationId: t.jobcenter.id,
    service: "job_placement",
    sharedCategories: ["work"],
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const referralId = sent.json().id as string;
  await app.database.db.update(referrals).set({ acknowledgeBy: "2020-01-01" }).where(eq(referrals.id, referralId));
  return { t, referralId, recipients: [t.admin.id, t.cm.id].sort() };
}
