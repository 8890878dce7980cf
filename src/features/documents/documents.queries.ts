// Reading documents: the scoped loader, the person's list and a document's metadata (each read
// audited), and the check consents make of a proof document.
import { and, desc, eq } from "drizzle-orm";
import {
  assertCategoryReadable,
  groundsForItem,
  type PersonAccess,
  personAccessOrThrow,
  personItemOrThrow,
  uniqueGrounds,
  visibleItemSql,
} from "../../platform/access/person-access.js";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import type { Category } from "../../platform/domain-categories.js";
import { documentFileName } from "./document-files.js";
import { documents } from "./documents.tables.js";

export type DocumentRow = typeof documents.$inferSelect;

export const presentDocument = (d: DocumentRow) => ({
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

/** A document the actor may see, with the person's access; 404 for one it may not see, as for none. */
export async function documentOrThrow(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ row: DocumentRow; access: PersonAccess }> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.tenantId, actor.tenantId), eq(documents.id, id)));
  return personItemOrThrow(db, actor, row, "Document not found");
}

/**
 * The person's documents the actor may see, newest first, optionally of one category. Asking for
 * a closed category in which the actor sees none answers 403 consent-required.
 */
export async function readDocuments(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  category: Category | undefined,
): Promise<DocumentRow[]> {
  const access = await personAccessOrThrow(db, actor, personId);
  const rows = await db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, actor.tenantId),
        eq(documents.personId, personId),
        visibleItemSql(access, documents),
        category ? eq(documents.category, category) : undefined,
      ),
    )
    .orderBy(desc(documents.createdAt));
  if (category && !access.open.has(category) && rows.length === 0) assertCategoryReadable(access, category, false);
  if (rows.length > 0) {
    await audit(db, ctx, {
      action: "person.read",
      subjectType: "person",
      subjectId: personId,
      personId,
      categories: [...new Set(rows.map((d) => d.category))],
      grounds: uniqueGrounds(rows.map((d) => groundsForItem(access, d))),
      purpose: "documents",
    });
  }
  return rows;
}

/** GET /documents/{id}: a document's metadata, its read audited. */
export async function readDocument(db: Db, ctx: AuditContext, actor: Actor, id: string): Promise<DocumentRow> {
  const { row, access } = await documentOrThrow(db, actor, id);
  await audit(db, ctx, {
    action: "person.read",
    subjectType: "document",
    subjectId: row.id,
    personId: row.personId,
    categories: [row.category],
    grounds: groundsForItem(access, row),
    purpose: "document metadata",
  });
  return row;
}

/**
 * Whether a document of this id is one of the person's. For the proof of a consent, asked by
 * those who manage the person's consents: it answers only that, never anything of the document.
 */
export async function isDocumentOfPerson(db: Db, actor: Actor, personId: string, documentId: string) {
  const [doc] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.tenantId, actor.tenantId), eq(documents.id, documentId), eq(documents.personId, personId)));
  return doc !== undefined;
}
