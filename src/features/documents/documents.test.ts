// API tests of documents: multipart upload with the type decided by the content (not the name or
// the declared type), size limit, refusals that store nothing, download with safe headers and an
// audit row, visibility, and deletion of row and file.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  api,
  auditRows,
  caseFileTenant,
  counts,
  documentRow,
  expectProblem,
  multipart,
  recordConsent,
  registerPerson,
  sampleExe,
  sampleJpeg,
  samplePdf,
  samplePng,
  upload,
} from "../../test/case-file-factories.js";
import { client, createTestApp, getTestApp, type TestApp } from "../../test/test-app.js";

const pdf = () => ({ filename: "Bescheid.pdf", contentType: "application/pdf", data: samplePdf() });

/** Records every key the app puts into its storage, to check afterwards that nothing was left. */
function watchStorage(app: TestApp) {
  const put = vi.spyOn(app.deps.storage, "put");
  return {
    keys: () => put.mock.calls.map((c) => c[0]),
    /** true when the key holds a file */
    exists: async (key: string) =>
      app.deps.storage.get(key).then(
        (stream) => {
          stream.destroy();
          return true;
        },
        () => false,
      ),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("uploading documents", () => {
  it("answers 401, 403 and 404 before reading anything, storing nothing", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const storage = watchStorage(app);
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const invisible = await registerPerson(t.jc.client);
    const body = multipart([
      { name: "category", value: "identity" },
      { name: "file", ...pdf() },
    ]);
    const anonymous = await client(app).request({ method: "POST", url: `${api}/persons/${p.id}/documents`, ...body });
    expectProblem(anonymous, 401, "unauthenticated");
    const steering = await t.user(t.io.id, "steering");
    expectProblem(await upload(steering.client, p.id, pdf(), { category: "identity" }), 403, "forbidden");
    // Without the CSRF header a session cannot change anything.
    const noCsrf = await app.inject({
      method: "POST",
      url: `${api}/persons/${p.id}/documents`,
      payload: body.payload,
      headers: { ...body.headers, cookie: t.cm.client.cookie ?? "" },
    });
    expectProblem(noCsrf, 403, "csrf-header-missing");
    expectProblem(await upload(t.cm.client, invisible.id, pdf(), { category: "identity" }), 404, "not-found");
    expectProblem(await upload(t.cm.client, crypto.randomUUID(), pdf(), { category: "identity" }), 404, "not-found");
    expect(storage.keys()).toEqual([]);
    expect(await counts.documents(db, t.tenantId)).toBe(0);
  });

  it("refuses bad forms with 400 naming the field, and JSON with 415", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const storage = watchStorage(app);
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    expectProblem(await upload(t.cm.client, p.id, pdf()), 400, "validation-error", ["category"]);
    expectProblem(await upload(t.cm.client, p.id, pdf(), { category: "secrets" }), 400, "validation-error", [
      "category",
    ]);
    expectProblem(await upload(t.cm.client, p.id, undefined, { category: "identity" }), 400, "validation-error", [
      "file",
    ]);
    const empty = { filename: "leer.pdf", contentType: "application/pdf", data: Buffer.alloc(0) };
    expectProblem(await upload(t.cm.client, p.id, empty, { category: "identity" }), 400, "validation-error", ["file"]);
    expectProblem(
      await upload(t.cm.client, p.id, pdf(), { category: "identity", owner: "someone" }),
      400,
      "validation-error",
      ["owner"],
    );
    const wrongField = multipart([
      { name: "category", value: "identity" },
      { name: "attachment", ...pdf() },
    ]);
    expectProblem(
      await t.cm.client.request({ method: "POST", url: `${api}/persons/${p.id}/documents`, ...wrongField }),
      400,
      "validation-error",
      ["attachment"],
    );
    const json = await t.cm.client.post(`${api}/persons/${p.id}/documents`, {
      category: "identity",
      file: samplePdf().toString("base64"),
    });
    expectProblem(json, 415, "unsupported-media-type");
    expect(await counts.documents(db, t.tenantId)).toBe(0);
    for (const key of storage.keys()) expect(await storage.exists(key)).toBe(false);
  });

  it.each([
    [
      "a PDF",
      { filename: "Bescheid.pdf", contentType: "application/pdf", data: samplePdf() },
      "application/pdf",
      "Bescheid.pdf",
    ],
    ["a PNG", { filename: "Foto.png", contentType: "image/png", data: samplePng() }, "image/png", "Foto.png"],
    ["a JPEG", { filename: "Pass.jpg", contentType: "image/jpeg", data: sampleJpeg() }, "image/jpeg", "Pass.jpg"],
    [
      "a PNG sent as a JPEG",
      { filename: "Foto.jpg", contentType: "image/jpeg", data: samplePng() },
      "image/png",
      "Foto.png",
    ],
    [
      "a PDF sent as octet-stream",
      { filename: "scan", contentType: "application/octet-stream", data: samplePdf() },
      "application/pdf",
      "scan.pdf",
    ],
  ])("accepts %s with the media type decided by the content", async (_what, file, mediaType, fileName) => {
    const app = await getTestApp();
    const db = app.database.db;
    const storage = watchStorage(app);
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const res = await upload(t.cm.client, p.id, file, { category: "residence", title: "Aufenthaltstitel" });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      personId: p.id,
      category: "residence",
      title: "Aufenthaltstitel",
      fileName,
      mediaType,
      sizeBytes: file.data.length,
      ownerOrganisationId: t.io.id,
    });
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    const row = await documentRow(db, t.tenantId, d.id);
    expect(row).toMatchObject({ mediaType, sizeBytes: file.data.length, protected: false, uploadedBy: t.cm.id });
    expect(storage.keys()).toEqual([row?.storageKey]);
    expect(await storage.exists(row?.storageKey ?? "")).toBe(true);
    const [audit] = await auditRows(db, t.tenantId, { action: "document.uploaded" });
    expect(audit).toMatchObject({ subjectId: d.id, personId: p.id, categories: ["residence"] });
  });

  it.each([
    [
      "a Windows executable named scan.pdf",
      { filename: "scan.pdf", contentType: "application/pdf", data: sampleExe() },
    ],
    ["a text file", { filename: "notiz.txt", contentType: "text/plain", data: Buffer.from("Termin am Montag\n") }],
    ["a text file named like a PDF", { filename: "a.pdf", contentType: "application/pdf", data: Buffer.from("%PD") }],
    [
      "an HTML page named like an image",
      { filename: "x.png", contentType: "image/png", data: Buffer.from("<html><script>alert(1)</script></html>") },
    ],
  ])("refuses %s with 415, no row and no stored file", async (_what, file) => {
    const app = await getTestApp();
    const db = app.database.db;
    const storage = watchStorage(app);
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const res = await upload(t.cm.client, p.id, file, { category: "identity" });
    expectProblem(res, 415, "unsupported-media-type");
    expect(await counts.documents(db, t.tenantId)).toBe(0);
    for (const key of storage.keys()) expect(await storage.exists(key)).toBe(false);
    expect(await auditRows(db, t.tenantId, { action: "document.uploaded" })).toEqual([]);
  });

  it("refuses a file above the size limit with 413 and stores nothing", async () => {
    const app = await createTestApp({ maxUploadBytes: 1024 });
    const db = app.database.db;
    const storage = watchStorage(app);
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const big = samplePdf(2048);
    expect(big.length).toBeGreaterThan(2048);
    const res = await upload(
      t.cm.client,
      p.id,
      { filename: "gross.pdf", contentType: "application/pdf", data: big },
      {
        category: "identity",
      },
    );
    expectProblem(res, 413, "payload-too-large");
    expect(await counts.documents(db, t.tenantId)).toBe(0);
    for (const key of storage.keys()) expect(await storage.exists(key)).toBe(false);
    // Below the limit the same app accepts it.
    const small = await upload(t.cm.client, p.id, pdf(), { category: "identity" });
    expect(small.statusCode, small.body).toBe(201);
    expect(await counts.documents(db, t.tenantId)).toBe(1);
  });

  it("refuses a category the organisation may not write and removes the stored bytes", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const storage = watchStorage(app);
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    await recordConsent(t.cm.client, p.id, { recipientOrganisationIds: [t.jobcenter.id], categories: ["work"] });
    const res = await upload(t.jc.client, p.id, pdf(), { category: "health" });
    expect(expectProblem(res, 403, "consent-required")).toMatchObject({ category: "health" });
    expect(await counts.documents(db, t.tenantId)).toBe(0);
    for (const key of storage.keys()) expect(await storage.exists(key)).toBe(false);
    const ok = await upload(t.jc.client, p.id, pdf(), { category: "work" });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it("marks documents of protected provenance", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const counselling = await t.user((await t.organisation("migration_counselling")).id, "caseworker");
    const p = await registerPerson(counselling.client);
    const res = await upload(counselling.client, p.id, pdf(), { category: "family" });
    expect(res.statusCode, res.body).toBe(201);
    expect((await documentRow(db, t.tenantId, res.json().id))?.protected).toBe(true);
  });
});

/** A file that starts as a PDF (what content detection reads) and carries an HTML page. */
function pdfHtmlPolyglot(): Buffer {
  const html = Buffer.from("<html><body><script>alert(document.cookie)</script></body></html>\n", "latin1");
  const pdf = samplePdf();
  const header = pdf.subarray(0, pdf.indexOf("\n") + 1);
  return Buffer.concat([header, Buffer.from("% "), html, pdf.subarray(header.length)]);
}

describe("file names", () => {
  it.each([
    ["a PDF/HTML polyglot named seite.html", "seite.html", pdfHtmlPolyglot(), "application/pdf", "seite.pdf"],
    ["a PNG named tool.exe", "tool.exe", samplePng(), "image/png", "tool.png"],
    ["a PNG without extension", "Foto", samplePng(), "image/png", "Foto.png"],
    ["a JPEG named .jpeg", "Pass.JPEG", sampleJpeg(), "image/jpeg", "Pass.JPEG"],
    [
      "a PDF named by its date",
      "Bescheid vom 12.03.2024",
      samplePdf(),
      "application/pdf",
      "Bescheid vom 12.03.2024.pdf",
    ],
    ["a PDF with a right-to-left override", "rechnung\u202Efdp.exe", samplePdf(), "application/pdf", "rechnungfdp.pdf"],
    [
      "a PDF with isolates, marks and controls",
      "\u2067Be\u200Fscheid\u2069\u200E\u061C\u0007\u001b\u0085\u2028.p\u202Bdf",
      samplePdf(),
      "application/pdf",
      "Bescheid.pdf",
    ],
    ["a PDF named only by its extension", ".pdf", samplePdf(), "application/pdf", "document.pdf"],
    ["a PDF with a path and trailing dots", "C:\\Users\\x\\brief.exe. .", samplePdf(), "application/pdf", "brief.pdf"],
    [
      "a Persian name with a zero-width non-joiner",
      "نامه\u200Cها.pdf",
      samplePdf(),
      "application/pdf",
      "نامه\u200Cها.pdf",
    ],
  ])(
    "stores %s under a clean name with the detected type's extension",
    async (_what, filename, data, mediaType, expected) => {
      const app = await getTestApp();
      const t = await caseFileTenant(app);
      const p = await registerPerson(t.cm.client);
      const up = await upload(
        t.cm.client,
        p.id,
        { filename, contentType: "application/octet-stream", data },
        {
          category: "identity",
        },
      );
      expect(up.statusCode, up.body).toBe(201);
      const d = up.json();
      expect(d).toMatchObject({ fileName: expected, mediaType, title: expected });
      expect((await documentRow(app.database.db, t.tenantId, d.id))?.fileName).toBe(expected);

      const res = await t.cm.client.get(`${api}/documents/${d.id}/content`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe(mediaType);
      const disposition = String(res.headers["content-disposition"]);
      const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? "";
      expect(decodeURIComponent(encoded)).toBe(expected);
      expect(disposition).toContain(`filename="${expected.replace(/[^\x20-\x7e]/g, "_")}"`);
      // No bidirectional or other control character survives, raw or percent-encoded.
      expect(disposition).not.toMatch(/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u);
      expect(encoded).not.toMatch(/%E2%80%A[A-E]|%E2%81%A[6-9]|%E2%80%8[EF]|%D8%9C|%[01][0-9A-F]|%7F/i);
    },
  );

  it("strips bidirectional controls from a title too, keeps its quotes, and refuses a NUL in it", async () => {
    const app = await getTestApp();
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const up = await upload(t.cm.client, p.id, pdf(), { category: "identity", title: 'Bescheid "A"\u202E fdp' });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().title).toBe('Bescheid "A" fdp');
    // C0 controls are refused by the shared text rule rather than silently dropped.
    const nul = await upload(t.cm.client, p.id, pdf(), { category: "identity", title: "Bescheid\u0000" });
    expect(nul.statusCode, nul.body).toBe(400);
  });
});

describe("reading and deleting documents", () => {
  it("downloads the same bytes with safe headers and a document.downloaded audit row", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    const png = samplePng();
    const up = await upload(
      t.cm.client,
      p.id,
      { filename: "Foto Ä.png", contentType: "image/png", data: png },
      {
        category: "identity",
      },
    );
    expect(up.statusCode, up.body).toBe(201);
    const d = up.json();
    const anonymous = await client(app).get(`${api}/documents/${d.id}/content`);
    expectProblem(anonymous, 401, "unauthenticated");
    expectProblem(
      await t.cm.client.get(`${api}/documents/${d.id}/content?disposition=download`),
      400,
      "validation-error",
      ["query.disposition"],
    );

    const res = await t.cm.client.get(`${api}/documents/${d.id}/content`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(png)).toBe(true);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(res.headers["content-disposition"])).toMatch(
      /^attachment; filename="Foto _\.png"; filename\*=UTF-8''Foto%20%C3%84\.png$/,
    );
    expect(res.headers["cache-control"]).toContain("no-store");
    const inline = await t.cm.client.get(`${api}/documents/${d.id}/content?disposition=inline`);
    expect(String(inline.headers["content-disposition"])).toMatch(/^inline;/);

    const downloads = await auditRows(db, t.tenantId, { action: "document.downloaded" });
    expect(downloads).toHaveLength(2);
    expect(downloads[0]).toMatchObject({
      subjectId: d.id,
      personId: p.id,
      actorUserId: t.cm.id,
      categories: ["identity"],
    });
    expect(downloads[0]?.grounds).toEqual(expect.arrayContaining([{ type: "ownership" }]));

    const meta = await t.cm.client.get(`${api}/documents/${d.id}`);
    expect(meta.json()).toEqual(d);
    const list = await t.cm.client.get(`${api}/persons/${p.id}/documents`);
    expect(list.json()).toEqual({ items: [d], nextCursor: null });
    // Both the metadata and the list are reads of person data, and audited as such.
    const metaReads = (await auditRows(db, t.tenantId, { action: "person.read" })).filter((r) => r.personId === p.id);
    expect(metaReads.map((r) => r.purpose)).toEqual(expect.arrayContaining(["document metadata", "documents"]));
    expect((await t.cm.client.get(`${api}/persons/${p.id}/documents?category=work`)).statusCode).toBe(403);
  });

  it("hides the documents of persons and categories the organisation may not see", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await caseFileTenant(app);
    const other = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    await recordConsent(t.cm.client, p.id, { recipientOrganisationIds: [t.jobcenter.id], categories: ["work"] });
    const health = await upload(t.cm.client, p.id, pdf(), { category: "health" });
    const work = await upload(t.cm.client, p.id, pdf(), { category: "work" });
    expect(health.statusCode).toBe(201);
    expect(work.statusCode).toBe(201);
    const hidden = health.json().id;

    // The Jobcenter sees the work document only.
    const list = await t.jc.client.get(`${api}/persons/${p.id}/documents`);
    expect(list.json().items.map((d: { id: string }) => d.id)).toEqual([work.json().id]);
    expectProblem(await t.jc.client.get(`${api}/persons/${p.id}/documents?category=health`), 403, "consent-required");
    for (const url of [`${api}/documents/${hidden}`, `${api}/documents/${hidden}/content`]) {
      expectProblem(await t.jc.client.get(url), 404, "not-found");
    }
    expectProblem(await t.jc.client.delete(`${api}/documents/${hidden}`), 404, "not-found");
    // An organisation of the tenant that does not see the person: 404 for documents that exist.
    const welfare = await t.user((await t.organisation("welfare")).id, "caseworker");
    for (const url of [`${api}/documents/${work.json().id}`, `${api}/documents/${work.json().id}/content`]) {
      expectProblem(await welfare.client.get(url), 404, "not-found");
    }
    expectProblem(await welfare.client.delete(`${api}/documents/${work.json().id}`), 404, "not-found");
    // Another tenant sees nothing of the person.
    for (const url of [
      `${api}/persons/${p.id}/documents`,
      `${api}/documents/${hidden}`,
      `${api}/documents/${work.json().id}/content`,
    ]) {
      expectProblem(await other.cm.client.get(url), 404, "not-found");
    }
    const reads = await auditRows(db, t.tenantId, { action: "document.downloaded" });
    expect(reads).toEqual([]);
    expect(await counts.documents(db, t.tenantId, p.id)).toBe(2);
  });

  it("lets only the uploading organisation delete; the row and the file go", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const storage = watchStorage(app);
    const t = await caseFileTenant(app);
    const p = await registerPerson(t.cm.client);
    await recordConsent(t.cm.client, p.id, { recipientOrganisationIds: [t.jobcenter.id], categories: ["work"] });
    const up = await upload(t.cm.client, p.id, pdf(), { category: "work" });
    expect(up.statusCode, up.body).toBe(201);
    const d = up.json();
    const key = (await documentRow(db, t.tenantId, d.id))?.storageKey ?? "";
    expect(storage.keys()).toEqual([key]);

    expectProblem(await client(app).delete(`${api}/documents/${d.id}`), 401, "unauthenticated");
    expect((await t.jc.client.get(`${api}/documents/${d.id}`)).statusCode).toBe(200);
    expectProblem(await t.jc.client.delete(`${api}/documents/${d.id}`), 403, "forbidden");
    expect(await documentRow(db, t.tenantId, d.id)).toBeDefined();
    expect(await storage.exists(key)).toBe(true);

    const res = await t.cm.client.delete(`${api}/documents/${d.id}`);
    expect(res.statusCode, res.body).toBe(204);
    expect(await documentRow(db, t.tenantId, d.id)).toBeUndefined();
    expect(await storage.exists(key)).toBe(false);
    expectProblem(await t.cm.client.get(`${api}/documents/${d.id}`), 404, "not-found");
    expectProblem(await t.cm.client.get(`${api}/documents/${d.id}/content`), 404, "not-found");
    expectProblem(await t.cm.client.delete(`${api}/documents/${d.id}`), 404, "not-found");
    const [deleted] = await auditRows(db, t.tenantId, { action: "document.deleted" });
    expect(deleted).toMatchObject({ subjectId: d.id, personId: p.id, categories: ["work"] });
  });
});
