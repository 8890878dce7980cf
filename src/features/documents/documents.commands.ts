// Writing documents: the row of an upload and its deletion, each with its audit row in the
// caller's transaction, and the audit row of a download. The bytes are the storage's (the route
// puts and deletes them around the transaction).
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
import type { Upload } from "./document-files.js";
import { type DocumentRow, documentOrThrow } from "./documents.queries.js";
import { documents } from "./documents.tables.js";

/** Where a document's bytes are kept: its own key, decided before the row exists. */
export const storageKeyOf = (tenantId: string, id: string) => `${tenantId}/${id}`;

/** The row of an uploaded document whose bytes are stored under `storageKeyOf(tenant, id)`; the actor's organisation owns it. */
export async function recordUpload(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  id: string,
  upload: Upload,
): Promise<DocumentRow> {
  const access = await personAccessOrThrow(tx, actor, personId);
  assertCanWriteCategory(access, upload.category);
  const [row] = await tx
    .insert(documents)
    .values({
      tenantId: actor.tenantId,
      id,
      personId,
      category: upload.category,
      title: upload.title,
      fileName: upload.fileName,
      mediaType: upload.mediaType,
      sizeBytes: upload.bytes.length,
      sha256: upload.sha256,
      storageKey: storageKeyOf(actor.tenantId, id),
      ownerOrganisationId: actor.organisationId,
      protected: protectedProvenanceTypes.includes(actor.organisationType),
      uploadedBy: actor.userId,
    })
    .returning();
  if (!row) throw new AppError("internal");
  await audit(tx, ctx, {
    action: "document.uploaded",
    subjectType: "document",
    subjectId: id,
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

/** Deletes the row of a document the actor's organisation uploaded; returns it so that its bytes can go. */
export async function deleteDocument(tx: Db, ctx: AuditContext, actor: Actor, id: string): Promise<DocumentRow> {
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
}
