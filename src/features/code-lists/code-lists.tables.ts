import { date, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * Versioned code lists held as data (residence status types and their legal paragraphs, benefit
 * types, course types, language levels): a change of law is a new row, not a release.
 * Shared by all tenants; seeded and amended by migrations.
 */
export const codeListEntries = pgTable(
  "code_list_entries",
  {
    list: text("list").notNull(),
    code: text("code").notNull(),
    version: integer("version").notNull().default(1),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    labelDe: text("label_de").notNull(),
    labelEn: text("label_en").notNull(),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.list, t.code, t.version] })],
);
