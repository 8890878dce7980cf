// Writing documents: an upload and a deletion, the row with its audit row in one transaction and
// the bytes in the storage around it, and the audit row of a download.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import {
  assertCanWriteCategory,
  groundsForItem,
  type PersonAccess,
  personAccessOrThrow,
} from "../../platform/access/person-access.js";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { protectedProvenanceTypes } from "../../platform/domain.js";
import { AppError } from "../../platform/http/errors.js";
import type { Storage } from "../../platform/storage/storage.js";
import type { Upload } from "./document-files.js";
import { type DocumentRow, documentOrThrow } from "./documents.queries.js";
import { documents } from "./documents.tables.js";

/**
 * Stores an upload: the bytes first, under a key of their own, then the row and its audit row.
 * Nothing half-written: the stored bytes go when the database refuses the document.
 */
export async function uploadDocument(
  db: Db,
  storage: Storage,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  upload: Upload,
): Promise<DocumentRow> {
  const id = randomUUID();
  const storageKey = `${actor.tenantId}/${id}`;
  await storage.put(storageKey, upload.bytes);
  try {
    return await db.transaction((tx) => insertDocument(tx, ctx, actor, personId, { id, storageKey }, upload));
  } catch (err) {
    await storage.delete(storageKey).catch(() => {});
    throw err;
  }
}

/** The row of an uploaded document (the actor's organisation owns it) and its audit row. */
async function insertDocument(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  stored: { id: string; storageKey: string },
  upload: Upload,
): Promise<DocumentRow> {
  const access = await personAccessOrThrow(tx, actor, personId);
  assertCanWriteCategory(access, upload.category);
  const [row] = await tx
    .insert(documents)
    .values({
      tenantId: actor.tenantId,
      id: stored.id,
      personId,
      category: upload.category,
      title: upload.title,
      fileName: upload.fileName,
      mediaType: upload.mediaType,
      sizeBytes: upload.bytes.length,
      sha256: upload.sha256,
      storageKey: stored.storageKey,
      ownerOrganisationId: actor.organisationId,
      protected: protectedProvenanceTypes.includes(actor.organisationType),
      uploadedBy: actor.userId,
    })
    .returning();
  if (!row) throw new AppError("internal");
  await audit(tx, ctx, {
    action: "document.uploaded",
    subjectType: "document",
    subjectId: row.id,
    personId,
    categories: [upload.category],
    grounds: [{ type: "ownership" }],
    details: { after: { mediaType: upload.mediaType, sizeBytes: upload.bytes.length, sha256: upload.sha256 } },
  });
  return row;
}

/** The audit row of a download, written once the bytes were found. */
export async function auditDownload(db: Db, ctx: AuditContext, access: PersonAccess, row: DocumentRow) {
  await audit(db, ctx, {
    action: "document.downloaded",
    subjectType: "document",
    subjectId: row.id,
    personId: row.personId,
    categories: [row.category],
    grounds: groundsForItem(access, row),
  });
}

/** Deletes a document the actor's organisation uploaded: the row with its audit row, then the bytes. */
export async function deleteDocument(
  db: Db,
  storage: Storage,
  ctx: AuditContext,
  actor: Actor,
  id: string,
): Promise<void> {
  const row = await db.transaction(async (tx) => {
    const { row } = await documentOrThrow(tx, actor, id);
    if (row.ownerOrganisationId !== actor.organisationId)
      throw new AppError("forbidden", "Only the uploading organisation deletes a document");
    await tx.delete(documents).where(and(eq(documents.tenantId, actor.tenantId), eq(documents.id, row.id)));
    await audit(tx, ctx, {
      action: "document.deleted",
      subjectType: "document",
      subjectId: row.id,
      personId: row.personId,
      categories: [row.category],
      grounds: [{ type: "ownership" }],
      details: { before: { title: row.title, mediaType: row.mediaType, sha256: row.sha256 } },
    });
    return row;
  });
  await storage.delete(row.storageKey);
}
