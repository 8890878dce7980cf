// API tests of typed life-domain records: every kind's schema and code lists, ownership and the
// protection mark, category filters and closed categories, the residence history, optimistic
// concurrency, and that a refused request writes nothing.
import { describe, expect, it } from "vitest";
import type { OrganisationType } from "../../platform/domain.js";
import {
  addRecord,
  api,
  auditRows,
  type CaseFileTenant,
  caseFileTenant,
  counts,
  expectProblem,
  personLedByIntegrationOffice,
  recordConsent,
  recordRow,
  registerPerson,
} from "../../test/case-file-factories.js";
import type { Client } from "../../test/test-app.js";
import { client, getTestApp } from "../../test/test-app.js";
import { type RecordKind, recordKinds } from "./record-kinds.js";

const recordsOf = (personId: string) => `${api}/persons/${personId}/records`;

type KindCase = {
  category: string;
  valid: Record<string, unknown>;
  /** a field given a value of the wrong JSON type */
  wrongType: [string, unknown];
  missing?: string;
  /** a date field inside data; kinds without one get an impossible validFrom instead */
  date?: string;
  /** an unknown code in a code-list field */
  unknownCode?: [string, string];
};

const kinds: Record<RecordKind, KindCase> = {
  residence_status: {
    category: "residence",
    valid: {
      type: "aufenthaltserlaubnis",
      paragraph: "aufenthg_25_2_1",
      issuedOn: "2024-05-02",
      validUntil: "2027-05-01",
      workPermitted: true,
      residenceObligation: false,
    },
    wrongType: ["workPermitted", "yes"],
    missing: "type",
    date: "issuedOn",
    unknownCode: ["type", "foo"],
  },
  benefit: {
    category: "benefits",
    valid: { type: "sgb2_buergergeld", status: "granted", from: "2024-01", to: null },
    wrongType: ["status", 5],
    missing: "status",
    date: "from",
    unknownCode: ["type", "sgb3"],
  },
  childcare_place: {
    category: "childcare",
    valid: { status: "applied", facility: "Kita Sonnenschein", appliedOn: "2025-02", startOn: "2025-08-01" },
    wrongType: ["facility", 12],
    missing: "status",
    date: "startOn",
  },
  school_enrollment: {
    category: "school",
    valid: { school: "Gesamtschule Nord", classType: "international", grade: 7, startOn: "2025-08-11" },
    wrongType: ["grade", "seven"],
    missing: "school",
    date: "startOn",
  },
  course_enrollment: {
    category: "education",
    valid: {
      courseType: "integration_course",
      basis: "obligation",
      level: "B1",
      provider: "VHS Dormagen",
      startOn: "2025-01-06",
      endOn: "2025-09",
      result: "DTZ B1",
    },
    wrongType: ["level", 3],
    missing: "courseType",
    date: "endOn",
    unknownCode: ["level", "D1"],
  },
  qualification: {
    category: "education",
    valid: { title: "Bachelor Bauingenieurwesen", country: "SYR", recognition: "pending" },
    wrongType: ["recognition", true],
    missing: "title",
  },
  employment: {
    category: "work",
    valid: { status: "employed", registeredAt: "jobcenter", employer: "Bäckerei Schmitz", since: "2024-03" },
    wrongType: ["employer", 42],
    missing: "status",
    date: "since",
  },
  housing: {
    category: "housing",
    valid: { type: "own_flat", address: "Kölner Str. 1, 41539 Dormagen", since: "2023" },
    wrongType: ["address", ["Kölner Str. 1"]],
    missing: "type",
    date: "since",
  },
  health_note: {
    category: "health",
    valid: { text: "Braucht Termin beim Kinderarzt" },
    wrongType: ["text", 1],
    missing: "text",
  },
  family_note: {
    category: "family",
    valid: { text: "Ehefrau und zwei Kinder noch in der Türkei" },
    wrongType: ["text", { de: "x" }],
    missing: "text",
  },
  note: {
    category: "notes",
    valid: { text: "Erstgespräch mit Dolmetscher (Dari)" },
    wrongType: ["text", null],
    missing: "text",
  },
};

describe("record kinds", () => {
  it("covers every kind of record-kinds.ts", async () => {
    expect(Object.keys(kinds).sort()).toEqual(Object.keys(recordKinds).sort());
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const res = await t.jc.client.get(`${api}/record-kinds`);
    expect(res.statusCode).toBe(200);
    expect(res.json().map((k: { kind: string; category: string }) => [k.kind, k.category])).toEqual(
      Object.entries(kinds).map(([kind, k]) => [kind, k.category]),
    );
    expectProblem(await client(app).get(`${api}/record-kinds`), 401, "unauthenticated");
  });

  it.each(Object.entries(kinds) as [RecordKind, KindCase][])(
    "%s: rejects invalid data with 400 naming the field, then creates a valid record",
    async (kind, k) => {
      const app = await getTestApp();
      const db = app.database.db;
      const t = await caseFileTenant(app);
      const p = await registerPerson(t.jc.client);
      const url = recordsOf(p.id);
      const post = (body: Record<string, unknown>) => t.jc.client.post(url, body);

      expectProblem(await client(app).post(url, { kind, data: k.valid }), 401, "unauthenticated");
      const invalid: [Record<string, unknown>, string][] = [
        [{ kind, data: { ...k.valid, [k.wrongType[0]]: k.wrongType[1] } }, `data.${k.wrongType[0]}`],
        [{ kind, data: { ...k.valid, comment: "unbekanntes Feld" } }, "data.comment"],
        [{ kind, data: k.valid, validFrom: "1990-13-45" }, "validFrom"],
        [{ kind, data: k.valid, validFrom: "2024-05", validUntil: "2024-04-30" }, "validUntil"],
        [{ kind, data: k.valid, owner: "us" }, "owner"],
        [{ kind }, "data"],
        [{ kind, data: "text" }, "data"],
      ];
      if (k.missing) {
        const { [k.missing]: _, ...rest } = k.valid;
        invalid.push([{ kind, data: rest }, `data.${k.missing}`]);
      }
      if (k.date) invalid.push([{ kind, data: { ...k.valid, [k.date]: "1990-13-45" } }, `data.${k.date}`]);
      if (k.unknownCode) {
        invalid.push([
          { kind, data: { ...k.valid, [k.unknownCode[0]]: k.unknownCode[1] } },
          `data.${k.unknownCode[0]}`,
        ]);
      }
      for (const [body, path] of invalid) {
        expectProblem(await post(body), 400, "validation-error", [path]);
      }
      expect(await counts.records(db, t.tenantId, p.id)).toBe(0);

      const res = await post({ kind, data: k.valid, validFrom: "2024-05", validUntil: null });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json();
      expect(r).toMatchObject({
        personId: p.id,
        kind,
        category: k.category,
        data: k.valid,
        validFrom: "2024-05",
        validUntil: null,
        ownerOrganisationId: t.jobcenter.id,
        protected: false,
        version: 1,
      });
      const row = await recordRow(db, t.tenantId, r.id);
      expect(row).toMatchObject({
        kind,
        category: k.category,
        data: k.valid,
        ownerOrganisationId: t.jobcenter.id,
        protected: false,
        createdBy: t.jc.id,
      });
      expect(await counts.records(db, t.tenantId, p.id)).toBe(1);
      const [created] = await auditRows(db, t.tenantId, { action: "record.created" });
      expect(created).toMatchObject({
        subjectId: r.id,
        personId: p.id,
        categories: [k.category],
        grounds: [{ type: "ownership" }],
      });
      const read = await t.jc.client.get(`${api}/records/${r.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(r);
    },
  );

  it("rejects an unknown kind, a kind of another case, and codes that do not fit", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const post = (body: Record<string, unknown>) => t.cm.client.post(recordsOf(p.id), body);
    expectProblem(await post({ kind: "passport", data: { number: "X" } }), 400, "validation-error", ["kind"]);
    expectProblem(await post({ kind: "Note", data: { text: "x" } }), 400, "validation-error", ["kind"]);
    expectProblem(await post({ data: { text: "x" } }), 400, "validation-error", ["kind"]);
    // A paragraph of another status type, and an unknown paragraph.
    expectProblem(
      await post({ kind: "residence_status", data: { type: "duldung", paragraph: "aufenthg_25_2_1" } }),
      400,
      "validation-error",
      ["data.paragraph"],
    );
    expectProblem(
      await post({ kind: "residence_status", data: { type: "duldung", paragraph: "aufenthg_999" } }),
      400,
      "validation-error",
      ["data.paragraph"],
    );
    // Dates inside data in order.
    expectProblem(
      await post({
        kind: "residence_status",
        data: { type: "duldung", issuedOn: "2025-01-10", validUntil: "2024-12-31" },
      }),
      400,
      "validation-error",
      ["data.validUntil"],
    );
    expectProblem(
      await post({ kind: "benefit", data: { type: "asylblg", status: "ended", from: "2024-06", to: "2024-05" } }),
      400,
      "validation-error",
      ["data.to"],
    );
    // A provider must be an organisation of the tenant.
    const other = await caseFileTenant(app);
    for (const providerOrganisationId of [other.jobcenter.id, crypto.randomUUID()]) {
      expectProblem(
        await post({ kind: "benefit", data: { type: "sgb2_buergergeld", status: "applied", providerOrganisationId } }),
        400,
        "validation-error",
        ["data.providerOrganisationId"],
      );
    }
    // The qualification's country is an ISO 3166 alpha-3 code.
    for (const country of ["XXX", "SY", "syr"]) {
      expectProblem(
        await post({ kind: "qualification", data: { title: "Abitur", country, recognition: "none" } }),
        400,
        "validation-error",
        ["data.country"],
      );
    }
    expect(await counts.records(db, t.tenantId, p.id)).toBe(0);
    expect(await auditRows(db, t.tenantId, { action: "record.created" })).toEqual([]);

    // The same with fitting codes.
    await addRecord(t.cm.client, p.id, "residence_status", { type: "duldung", paragraph: "aufenthg_60c" });
    await addRecord(t.cm.client, p.id, "benefit", {
      type: "sgb2_buergergeld",
      status: "applied",
      providerOrganisationId: t.jobcenter.id,
    });
    expect(await counts.records(db, t.tenantId, p.id)).toBe(2);
  });

  it.each<[OrganisationType, boolean]>([
    ["kita", true],
    ["school", true],
    ["school_office", true],
    ["youth_office", true],
    ["health_office", true],
    ["welfare", true],
    ["migration_counselling", true],
    ["jobcenter", false],
    ["immigration_office", false],
    ["language_school", false],
    ["integration_office", false],
  ])("marks records created by a %s as protected: %s", async (type, isProtected) => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const org = type === "integration_office" ? t.io : type === "jobcenter" ? t.jobcenter : await t.organisation(type);
    const worker = await t.user(org.id, "caseworker");
    const p = await registerPerson(worker.client);
    const r = await addRecord(worker.client, p.id, "note", { text: "Beratungsgespräch" });
    expect(r).toMatchObject({ ownerOrganisationId: org.id, protected: isProtected, category: "notes" });
    expect((await recordRow(db, t.tenantId, r.id))?.protected).toBe(isProtected);
  });
});

describe("reading records", () => {
  it("filters by category and kind, and refuses invalid filters", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const work = await addRecord(t.cm.client, p.id, "employment", { status: "job_seeking", registeredAt: "agentur" });
    const course = await addRecord(t.cm.client, p.id, "course_enrollment", { courseType: "integration_course" });
    const qualification = await addRecord(t.cm.client, p.id, "qualification", {
      title: "Schneiderin",
      country: "AFG",
      recognition: "none",
    });
    await addRecord(t.cm.client, p.id, "note", { text: "Vermerk" });
    const ids = async (query: string) => {
      const res = await t.cm.client.get(`${recordsOf(p.id)}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().nextCursor).toBeNull();
      return res.json().items.map((r: { id: string }) => r.id);
    };
    expect(await ids("")).toHaveLength(4);
    expect(await ids("?category=work")).toEqual([work.id]);
    expect((await ids("?category=education")).sort()).toEqual([course.id, qualification.id].sort());
    expect(await ids("?kind=qualification")).toEqual([qualification.id]);
    expect(await ids("?category=education&kind=course_enrollment")).toEqual([course.id]);
    expectProblem(await t.cm.client.get(`${recordsOf(p.id)}?category=secrets`), 400, "validation-error", [
      "query.category",
    ]);
    expectProblem(await t.cm.client.get(`${recordsOf(p.id)}?kind=passport`), 400, "validation-error", ["query.kind"]);
    expectProblem(await t.cm.client.get(`${api}/records/not-a-uuid`), 400, "validation-error", ["params.id"]);
    expectProblem(await t.cm.client.get(`${api}/records/${crypto.randomUUID()}`), 404, "not-found");
    // Reads are audited with the categories read.
    const reads = await auditRows(db, t.tenantId, { action: "person.read", personId: p.id });
    expect(reads.map((r) => r.categories.sort())).toContainEqual(["education"]);
  });

  it("answers the current residence status (latest validFrom) and the history", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.jc.client);
    const url = `${api}/persons/${p.id}/residence`;
    // Nothing opens the category yet: neither a consent nor records of its own.
    expectProblem(await t.jc.client.get(url), 403, "consent-required");
    // The lead organisation with the person's consent to case management: an empty history.
    const led = await registerPerson(t.cm.client);
    await recordConsent(t.cm.client, led.id, { caseManagement: true, categories: ["residence"] });
    const empty = await t.cm.client.get(`${api}/persons/${led.id}/residence`);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toEqual({ current: null, history: [] });
    const gestattung = await addRecord(
      t.jc.client,
      p.id,
      "residence_status",
      { type: "aufenthaltsgestattung", paragraph: "asylg_55" },
      { validFrom: "2019-03" },
    );
    const erlaubnis = await addRecord(
      t.jc.client,
      p.id,
      "residence_status",
      { type: "aufenthaltserlaubnis", paragraph: "aufenthg_25_2_2", validUntil: "2027-06-30" },
      { validFrom: "2021-06-01" },
    );
    const fiktion = await addRecord(
      t.jc.client,
      p.id,
      "residence_status",
      { type: "fiktionsbescheinigung", paragraph: "aufenthg_81_4" },
      { validFrom: "2020" },
    );
    await addRecord(t.jc.client, p.id, "housing", { type: "shared_accommodation" }, { validFrom: "2025" });
    const res = await t.jc.client.get(url);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.current.id).toBe(erlaubnis.id);
    expect(body.current.data).toMatchObject({ type: "aufenthaltserlaubnis", validUntil: "2027-06-30" });
    expect(body.history.map((r: { id: string }) => r.id)).toEqual([fiktion.id, gestattung.id]);
  });

  it("answers 403 consent-required for a closed category asked for explicitly, and shows only own records", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await personLedByIntegrationOffice(t, t.jc.client);
    const own = await addRecord(t.jc.client, p.id, "employment", { status: "job_seeking", registeredAt: "jobcenter" });
    // The lead organisation's records are not the Jobcenter's to see.
    const leadsHealth = await addRecord(t.cm.client, p.id, "health_note", { text: "Traumatherapie empfohlen" });
    const leadsWork = await addRecord(t.cm.client, p.id, "employment", { status: "training" });

    const health = await t.jc.client.get(`${recordsOf(p.id)}?category=health`);
    const problem = expectProblem(health, 403, "consent-required");
    expect(JSON.stringify(problem)).not.toContain("Traumatherapie");
    expectProblem(await t.jc.client.get(`${recordsOf(p.id)}?kind=health_note`), 403, "consent-required");
    expectProblem(await t.jc.client.get(`${api}/persons/${p.id}/residence`), 403, "consent-required");
    expectProblem(await t.jc.client.get(`${api}/records/${leadsHealth.id}`), 404, "not-found");
    expectProblem(await t.jc.client.get(`${api}/records/${leadsWork.id}`), 404, "not-found");

    const work = await t.jc.client.get(`${recordsOf(p.id)}?category=work`);
    expect(work.statusCode, work.body).toBe(200);
    expect(work.json().items.map((r: { id: string }) => r.id)).toEqual([own.id]);
    const all = await t.jc.client.get(recordsOf(p.id));
    expect(all.json().items.map((r: { id: string }) => r.id)).toEqual([own.id]);
    const person = await t.jc.client.get(`${api}/persons/${p.id}?include=records`);
    expect(person.json().records.map((r: { id: string }) => r.id)).toEqual([own.id]);
    expect(person.body).not.toContain("Traumatherapie");
    // Nothing of the health record reached the audit as read by the Jobcenter.
    const jcReads = await auditRows(db, t.tenantId, { actorUserId: t.jc.id, action: "person.read" });
    expect(jcReads.flatMap((r) => r.categories)).not.toContain("health");
  });
});

describe("changing records", () => {
  /** A person led by the integration office whose work category is shared with the Jobcenter and the lead. */
  async function sharedWork(t: CaseFileTenant) {
    const p = await registerPerson(t.cm.client);
    await recordConsent(t.cm.client, p.id, {
      recipientOrganisationIds: [t.jobcenter.id],
      caseManagement: true,
      categories: ["work"],
    });
    const r = await addRecord(t.jc.client, p.id, "employment", { status: "job_seeking", registeredAt: "jobcenter" });
    return { p, r };
  }

  it("lets only the owner change a record; stale versions answer 409 and invalid data 400, unchanged", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const { p, r } = await sharedWork(t);
    const url = `${api}/records/${r.id}`;
    const unchanged = async () => {
      const row = await recordRow(db, t.tenantId, r.id);
      expect(row).toMatchObject({ version: 1, data: { status: "job_seeking", registeredAt: "jobcenter" } });
    };

    expectProblem(await client(app).patch(url, { data: { status: "employed" } }), 401, "unauthenticated");
    // The lead organisation sees the record but does not own it.
    const seen = await t.cm.client.get(url);
    expect(seen.statusCode, seen.body).toBe(200);
    expectProblem(await t.cm.client.patch(url, { data: { status: "employed" }, version: 1 }), 403, "forbidden");
    expectProblem(await t.cm.client.delete(url), 403, "forbidden");
    // An organisation that cannot see it: 404.
    const welfare = await t.user((await t.organisation("welfare")).id, "caseworker");
    expectProblem(await welfare.client.get(url), 404, "not-found");
    expectProblem(await welfare.client.patch(url, { data: { status: "employed" } }), 404, "not-found");
    expectProblem(await welfare.client.delete(url), 404, "not-found");
    await unchanged();

    const owner = t.jc.client;
    const invalid: [Record<string, unknown>, string][] = [
      [{ data: { status: "retired" } }, "data.status"],
      [{ data: { status: "employed", salary: 3000 } }, "data.salary"],
      [{ data: { status: "employed", since: "2024-13" } }, "data.since"],
      [{ data: { registeredAt: "jobcenter" } }, "data.status"],
      [{ validFrom: "2024-02-30" }, "validFrom"],
      [{ validFrom: "2025", validUntil: "2024-12" }, "validUntil"],
      [{ kind: "note" }, "kind"],
      [{ version: "1" }, "version"],
    ];
    for (const [body, path] of invalid) expectProblem(await owner.patch(url, body), 400, "validation-error", [path]);
    await unchanged();

    const ok = await owner.patch(url, { data: { status: "employed", employer: "Rewe", since: "2025-02" }, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, data: { status: "employed", employer: "Rewe", since: "2025-02" } });
    expectProblem(await owner.patch(url, { data: { status: "training" }, version: 1 }), 409, "version-conflict");
    expectProblem(
      await owner.patch(url, { data: { status: "training" } }, { "if-match": '"1"' }),
      409,
      "version-conflict",
    );
    expect(await recordRow(db, t.tenantId, r.id)).toMatchObject({ version: 2, data: { status: "employed" } });
    const viaHeader = await owner.patch(url, { validUntil: "2026-12" }, { "if-match": '"2"' });
    expect(viaHeader.statusCode, viaHeader.body).toBe(200);
    expect(viaHeader.json()).toMatchObject({ version: 3, validUntil: "2026-12", data: { employer: "Rewe" } });
    const [updated] = await auditRows(db, t.tenantId, { action: "record.updated" });
    expect(updated).toMatchObject({ subjectId: r.id, personId: p.id, categories: ["work"] });
    expect(updated?.details).toMatchObject({
      before: { data: { status: "job_seeking" } },
      after: { data: { status: "employed" } },
    });
    expect(await counts.records(db, t.tenantId, p.id)).toBe(1);
  });

  it("lets only the owner delete a record; afterwards it is gone", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const { p, r } = await sharedWork(t);
    const url = `${api}/records/${r.id}`;
    expectProblem(await t.cm.client.delete(url), 403, "forbidden");
    expectProblem(
      await t.jc.client.request({ method: "DELETE", url, headers: { "if-match": '"7"' } }),
      409,
      "version-conflict",
    );
    expect(await recordRow(db, t.tenantId, r.id)).toBeDefined();
    const res = await t.jc.client.delete(url);
    expect(res.statusCode, res.body).toBe(204);
    expect(await recordRow(db, t.tenantId, r.id)).toBeUndefined();
    expect(await counts.records(db, t.tenantId, p.id)).toBe(0);
    expectProblem(await t.jc.client.get(url), 404, "not-found");
    expectProblem(await t.jc.client.patch(url, { data: { status: "employed" } }), 404, "not-found");
    expectProblem(await t.jc.client.delete(url), 404, "not-found");
    const [deleted] = await auditRows(db, t.tenantId, { action: "record.deleted" });
    expect(deleted).toMatchObject({ subjectId: r.id, personId: p.id, categories: ["work"] });
    expect(deleted?.details).toMatchObject({ before: { kind: "employment" } });
  });

  it("refuses records in a category the organisation may not write, writing nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const { p } = await sharedWork(t);
    const before = await counts.records(db, t.tenantId, p.id);
    const res = await t.jc.client.post(recordsOf(p.id), { kind: "health_note", data: { text: "Diabetes" } });
    const problem = expectProblem(res, 403, "consent-required");
    expect(problem).toMatchObject({ category: "health" });
    // Its own category is open for writing.
    await addRecord(t.jc.client, p.id, "employment", { status: "training" });
    expect(await counts.records(db, t.tenantId, p.id)).toBe(before + 1);
    // A role without person data cannot write at all.
    const steering = await t.user(t.io.id, "steering");
    expectProblem(await steering.client.post(recordsOf(p.id), { kind: "note", data: { text: "x" } }), 403, "forbidden");
    expect(await counts.records(db, t.tenantId, p.id)).toBe(before + 1);
  });

  it("keeps other tenants' records out of reach", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const other = await caseFileTenant(app);
    const p = await registerPerson(other.cm.client);
    const r = await addRecord(other.cm.client, p.id, "note", { text: "fremd" });
    const c: Client = t.cm.client;
    expectProblem(await c.get(`${api}/records/${r.id}`), 404, "not-found");
    expectProblem(await c.patch(`${api}/records/${r.id}`, { data: { text: "mine" } }), 404, "not-found");
    expectProblem(await c.delete(`${api}/records/${r.id}`), 404, "not-found");
    expectProblem(await c.post(recordsOf(p.id), { kind: "note", data: { text: "x" } }), 404, "not-found");
    expect(await recordRow(db, other.tenantId, r.id)).toMatchObject({ version: 1, data: { text: "fremd" } });
    expect(await counts.records(db, other.tenantId, p.id)).toBe(1);
  });
});
