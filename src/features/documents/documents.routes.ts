// Documents attached to a person and a category: upload (type decided by content), list, download.
import { createHash, randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { z } from "zod";
import {
  assertCanWriteCategory,
  assertCategoryReadable,
  canSeeItem,
  groundsForItem,
  personDataRoles,
  uniqueGrounds,
  visibleItemSql,
} from "../../platform/access/person-access.js";
import { audit } from "../../platform/audit/audit.js";
import { protectedProvenanceTypes } from "../../platform/domain.js";
import { type Category, categories } from "../../platform/domain-categories.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError, malformedMultipart } from "../../platform/http/errors.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { textFault } from "../../platform/http/validation.js";
import { personAccessOrThrow } from "../../platform/access/person-access.js";
import { documents } from "./documents.tables.js";

const tags = ["documents"];
const personPolicy = policy.roles(...personDataRoles);
export const allowedMediaTypes = ["application/pdf", "image/jpeg", "image/png"] as const;

const documentSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    category: z.enum(categories),
    title: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    ownerOrganisationId: z.uuid(),
    createdAt: z.date(),
  })
  .meta({ id: "Document" });

type DocumentRow = typeof documents.$inferSelect;
const present = (d: DocumentRow) => ({
  id: d.id,
  personId: d.personId,
  category: d.category,
  title: d.title,
  // Also for documents stored before names were cleaned.
  fileName: documentFileName(d.fileName, d.mediaType),
  mediaType: d.mediaType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  ownerOrganisationId: d.ownerOrganisationId,
  createdAt: d.createdAt,
});

const notMultipart = () =>
  new AppError("unsupported-media-type", "Send multipart/form-data with the fields category, title and file");

const fieldError = (path: string, message: string) =>
  new AppError("validation-error", `${path}: ${message}`, { errors: [{ path, message }] });

// The extensions a stored name may keep for each accepted type; the first is given otherwise.
const extensionsOf: Record<(typeof allowedMediaTypes)[number], readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
};

// Bidirectional controls make a text show other than it is (`rechnung\u202Efdp.exe` reads as
// "rechnungexe.pdf"); other controls and line separators have no place in a name, a title or a
// header. Joiners (U+200C/D) stay: Persian and Indic names need them.
const controls = /[\p{Cc}\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;
const withoutControls = (text: string) => text.normalize("NFC").replace(controls, "").trim();

/**
 * The name a document is stored and offered under: without path, controls or quotes, and with
 * the extension of the type its content was detected as (the name the uploader chose is no
 * evidence of the type: `seite.html` holding a PDF is offered as `seite.pdf`).
 */
function documentFileName(name: string | undefined, mediaType: string): string {
  // Quotes would end the Content-Disposition parameter. Trailing dots and spaces are dropped by
  // Windows, which would make what stands before them the extension.
  const base = withoutControls((name ?? "").split(/[\\/]/).pop() ?? "")
    .replace(/"/g, "")
    .replace(/[.\s]+$/u, "")
    .trim();
  const allowed = extensionsOf[mediaType as keyof typeof extensionsOf] ?? [];
  // Only a suffix with a letter counts as an extension: "Bescheid vom 12.03.2024" keeps its date.
  const suffix = /^(.*)\.([\p{L}\p{N}]{1,10})$/u.exec(base);
  const hasExtension = suffix?.[2] !== undefined && /\p{L}/u.test(suffix[2]);
  const kept = hasExtension && allowed.includes((suffix?.[2] ?? "").toLowerCase()) ? suffix?.[2] : undefined;
  const extension = kept ?? allowed[0] ?? "bin";
  const stem = (hasExtension ? (suffix?.[1] ?? "") : base).replace(/[.\s]+$/u, "") || "document";
  return `${[...stem].slice(0, 200 - extension.length - 1).join("")}.${extension}`;
}

/** RFC 8187 value: percent-encoded UTF-8, including the characters encodeURIComponent leaves. */
const rfc8187 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export async function documentsRoutes(app: App) {
  const db = () => app.deps.database.db;
  const storage = () => app.deps.storage;

  app.post(
    "/persons/:id/documents",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: `Upload a document (multipart/form-data: category, title?, file). PDF, JPEG or PNG by content; at most ${Math.round(app.deps.config.maxUploadBytes / 1048576)} MB`,
        params: uuidParam,
        consumes: ["multipart/form-data"],
        response: { 201: documentSchema },
      },
      // Before the body is parsed: any other body (JSON, a form) answers 415, not a validation error.
      preParsing: async (req) => {
        if (!/^multipart\/form-data\b/i.test(req.headers["content-type"] ?? "")) throw notMultipart();
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw notMultipart();
      // Check access before reading the upload: an invisible person answers 404 at once.
      await personAccessOrThrow(db(), actor, req.params.id);
      const fields: Record<string, string> = {};
      let file: { buffer: Buffer; name: string | undefined } | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === "file") {
            if (part.fieldname !== "file") throw fieldError(part.fieldname, "Unexpected file field; use 'file'");
            file = { buffer: await part.toBuffer(), name: part.filename };
          } else if (["category", "title"].includes(part.fieldname)) {
            fields[part.fieldname] = String(part.value);
          } else {
            throw fieldError(part.fieldname, "Unknown field");
          }
        }
      } catch (err) {
        // The parser (busboy) throws plain errors for a missing or unusable boundary and a body
        // cut off before its end: the client's fault, not ours. Limits carry their own status.
        if (err instanceof AppError || (err as { statusCode?: unknown }).statusCode) throw err;
        throw malformedMultipart();
      }
      const category = z.enum(categories).safeParse(fields.category);
      if (!category.success) throw fieldError("category", `One of ${categories.join(", ")}`);
      const titleFault = fields.title === undefined ? undefined : textFault(fields.title.trim(), false);
      if (titleFault) throw fieldError("title", titleFault);
      if (!file || file.buffer.length === 0) throw fieldError("file", "A non-empty file is required");
      const detected = await fileTypeFromBuffer(file.buffer);
      if (!detected || !(allowedMediaTypes as readonly string[]).includes(detected.mime)) {
        throw new AppError(
          "unsupported-media-type",
          `The file's content is ${detected?.mime ?? "not a recognised type"}; only PDF, JPEG and PNG are accepted, whatever the file name says`,
          {
            errors: [{ path: "file", message: "Only PDF, JPEG and PNG (decided by the content)" }],
          },
        );
      }
      const fileName = documentFileName(file.name, detected.mime);
      const title = withoutControls(fields.title ?? "").slice(0, 200) || fileName;
      const id = randomUUID();
      const storageKey = `${actor.tenantId}/${id}`;
      const sha256 = createHash("sha256").update(file.buffer).digest("hex");
      await storage().put(storageKey, file.buffer);
      try {
        const row = await db().transaction(async (tx) => {
          const access = await personAccessOrThrow(tx, actor, req.params.id);
          assertCanWriteCategory(access, category.data);
          const [inserted] = await tx
            .insert(documents)
            .values({
              tenantId: actor.tenantId,
              id,
              personId: req.params.id,
              category: category.data,
              title,
              fileName,
              mediaType: detected.mime,
              sizeBytes: file.buffer.length,
              sha256,
              storageKey,
              ownerOrganisationId: actor.organisationId,
              protected: protectedProvenanceTypes.includes(actor.organisationType),
              uploadedBy: actor.userId,
            })
            .returning();
          if (!inserted) throw new AppError("internal");
          await audit(tx, auditContext(req), {
            action: "document.uploaded",
            subjectType: "document",
            subjectId: id,
            personId: req.params.id,
            categories: [category.data],
            grounds: [{ type: "ownership" }],
            details: { after: { mediaType: detected.mime, sizeBytes: file.buffer.length, sha256 } },
          });
          return inserted;
        });
        return reply.code(201).send(present(row));
      } catch (err) {
        // Nothing half-written: the stored bytes go when the database refuses the document.
        await storage()
          .delete(storageKey)
          .catch(() => {});
        throw err;
      }
    },
  );

  app.get(
    "/persons/:id/documents",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Documents of a person the organisation may see",
        params: uuidParam,
        querystring: z.strictObject({ category: z.enum(categories).optional() }),
        response: { 200: listResponse(documentSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const access = await personAccessOrThrow(db(), actor, req.params.id);
      const category = req.query.category as Category | undefined;
      const rows = await db()
        .select()
        .from(documents)
        .where(
          and(
            eq(documents.tenantId, actor.tenantId),
            eq(documents.personId, req.params.id),
            visibleItemSql(access, documents),
            category ? eq(documents.category, category) : undefined,
          ),
        )
        .orderBy(desc(documents.createdAt));
      if (category && !access.open.has(category) && rows.length === 0) assertCategoryReadable(access, category, false);
      if (rows.length > 0) {
        await audit(db(), auditContext(req), {
          action: "person.read",
          subjectType: "person",
          subjectId: req.params.id,
          personId: req.params.id,
          categories: [...new Set(rows.map((d) => d.category))],
          grounds: uniqueGrounds(rows.map((d) => groundsForItem(access, d))),
          purpose: "documents",
        });
      }
      return { items: rows.map(present), nextCursor: null };
    },
  );

  const loadVisible = async (req: Parameters<typeof actorOf>[0], id: string) => {
    const actor = actorOf(req);
    const [row] = await db()
      .select()
      .from(documents)
      .where(and(eq(documents.tenantId, actor.tenantId), eq(documents.id, id)));
    if (!row) throw new AppError("not-found", "Document not found");
    const access = await personAccessOrThrow(db(), actor, row.personId).catch(() => {
      throw new AppError("not-found", "Document not found");
    });
    if (!canSeeItem(access, row)) throw new AppError("not-found", "Document not found");
    return { row, access };
  };

  app.get(
    "/documents/:id",
    {
      config: { policy: personPolicy },
      schema: { tags, summary: "A document's metadata", params: uuidParam, response: { 200: documentSchema } },
    },
    async (req) => {
      const { row, access } = await loadVisible(req, req.params.id);
      await audit(db(), auditContext(req), {
        action: "person.read",
        subjectType: "document",
        subjectId: row.id,
        personId: row.personId,
        categories: [row.category],
        grounds: groundsForItem(access, row),
        purpose: "document metadata",
      });
      return present(row);
    },
  );

  app.get(
    "/documents/:id/content",
    {
      config: { policy: personPolicy },
      schema: {
        tags,
        summary: "Download (or, with disposition=inline, preview) the file; audited",
        params: uuidParam,
        querystring: z.strictObject({ disposition: z.enum(["attachment", "inline"]).default("attachment") }),
      },
    },
    async (req, reply) => {
      const { row, access } = await loadVisible(req, req.params.id);
      const stream = await storage()
        .get(row.storageKey)
        .catch(() => {
          throw new AppError("not-found", "The document's file is missing from the storage");
        });
      await audit(db(), auditContext(req), {
        action: "document.downloaded",
        subjectType: "document",
        subjectId: row.id,
        personId: row.personId,
        categories: [row.category],
        grounds: groundsForItem(access, row),
      });
      const fileName = documentFileName(row.fileName, row.mediaType);
      return reply
        .header("content-type", row.mediaType)
        .header("content-length", String(row.sizeBytes))
        .header(
          "content-disposition",
          `${req.query.disposition}; filename="${fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${rfc8187(fileName)}`,
        )
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .header(
          "content-security-policy",
          "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
        )
        .send(stream);
    },
  );

  app.delete(
    "/documents/:id",
    {
      config: { policy: personPolicy },
      schema: { tags, summary: "Delete a document your organisation uploaded", params: uuidParam },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { row } = await loadVisible(req, req.params.id);
      if (row.ownerOrganisationId !== actor.organisationId)
        throw new AppError("forbidden", "Only the uploading organisation deletes a document");
      await db().transaction(async (tx) => {
        await tx.delete(documents).where(and(eq(documents.tenantId, actor.tenantId), eq(documents.id, row.id)));
        await audit(tx, auditContext(req), {
          action: "document.deleted",
          subjectType: "document",
          subjectId: row.id,
          personId: row.personId,
          categories: [row.category],
          grounds: [{ type: "ownership" }],
          details: { before: { title: row.title, mediaType: row.mediaType, sha256: row.sha256 } },
        });
      });
      await storage().delete(row.storageKey);
      return reply.code(204).send();
    },
  );
}
