import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Category } from "../../platform/domain-categories.js";
import { tenants } from "../../platform/identity/identity.tables.js";
import { persons } from "../persons/persons.tables.js";

/** A file attached to a person and a category; the bytes live in the storage (storage.ts). */
export const documents = pgTable(
  "documents",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    personId: uuid("person_id").notNull(),
    category: text("category").$type<Category>().notNull(),
    title: text("title").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    ownerOrganisationId: uuid("owner_organisation_id").notNull(),
    /** Uploaded by an organisation of protected provenance (see records.protected). */
    protected: boolean("protected").notNull().default(false),
    uploadedBy: uuid("uploaded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("documents_person_idx").on(t.tenantId, t.personId, t.createdAt),
    foreignKey({
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "documents_person_fk",
    }),
  ],
);
