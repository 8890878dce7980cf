import { foreignKey, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { persons } from "../persons/persons.tables.js";

/** `full`: "=" and the whole name's normalised tokens ("=mohammed al hassan"), so that files with
 * the very spelling typed are always among the candidates, however common the name.
 * `pair`: two keys of one name joined by a space ("MHMT HSN"), in both orders, so that a two-word
 * query is one index range scan over exactly the persons carrying both.
 * `single`: "!" and a given-name key of a file without a family name ("!TSF"). */
export const searchKeyParts = ["given", "family", "alternative", "pair", "full", "single"] as const;
export type SearchKeyPart = (typeof searchKeyParts)[number];

/**
 * The person search index: the matching engine's short canonical keys of every name token of a
 * person (`personKeys`). Kept in the transaction that creates a person or changes its names;
 * `strang search reindex` rebuilds it. The pattern-ops index serves `key = $1` and `key like 'ab%'`.
 */
export const personSearchKeys = pgTable(
  "person_search_keys",
  {
    tenantId: uuid("tenant_id").notNull(),
    personId: uuid("person_id").notNull(),
    key: text("key").notNull(),
    part: text("part").$type<SearchKeyPart>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId, t.key] }),
    index("person_search_keys_key_idx").on(t.tenantId, t.key.op("text_pattern_ops"), t.personId),
    foreignKey({
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
      name: "person_search_keys_person_fk",
    }).onDelete("cascade"),
  ],
);
