// Documents attached to a person and a category: upload (type decided by content), list, read,
// download, delete. The commands keep a document's row and its bytes (in the storage) together;
// the download streams the bytes from the storage.
import { personAccessOrThrow, personDataRoles } from "../../platform/access/person-access.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { contentDisposition, documentFileName, notMultipart, readUpload } from "./document-files.js";
import { auditDownload, deleteDocument, uploadDocument } from "./documents.commands.js";
import { documentOrThrow, presentDocument, readDocument, readDocuments } from "./documents.queries.js";
import { documentSchema, downloadQuery, listDocumentsQuery } from "./documents.schemas.js";

const tags = ["documents"];
const personPolicy = policy.roles(...personDataRoles);

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
    async function addDocument(req, reply) {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw notMultipart();
      // Check access before reading the upload: an invisible person answers 404 at once.
      await personAccessOrThrow(db(), actor, req.params.id);
      const upload = await readUpload(req);
      const row = await uploadDocument(db(), storage(), auditContext(req), actor, req.params.id, upload);
      return reply.code(201).send(presentDocument(row));
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
        querystring: listDocumentsQuery,
        response: { 200: listResponse(documentSchema) },
      },
    },
    async function listDocuments(req) {
      const rows = await readDocuments(db(), auditContext(req), actorOf(req), req.params.id, req.query.category);
      return { items: rows.map(presentDocument), nextCursor: null };
    },
  );

  app.get(
    "/documents/:id",
    {
      config: { policy: personPolicy },
      schema: { tags, summary: "A document's metadata", params: uuidParam, response: { 200: documentSchema } },
    },
    async function getDocument(req) {
      return presentDocument(await readDocument(db(), auditContext(req), actorOf(req), req.params.id));
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
        querystring: downloadQuery,
      },
    },
    async function downloadDocument(req, reply) {
      const { row, access } = await documentOrThrow(db(), actorOf(req), req.params.id);
      const stream = await storage()
        .get(row.storageKey)
        .catch(() => {
          throw new AppError("not-found", "The document's file is missing from the storage");
        });
      await auditDownload(db(), auditContext(req), access, row);
      return reply
        .header("content-type", row.mediaType)
        .header("content-length", String(row.sizeBytes))
        .header(
          "content-disposition",
          contentDisposition(req.query.disposition, documentFileName(row.fileName, row.mediaType)),
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
    async function removeDocument(req, reply) {
      await deleteDocument(db(), storage(), auditContext(req), actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
