-- Custom migration (drizzle-kit generate --custom): the search index gains keys of files without a
-- family name ("!" and each given-name key, part 'single'; see searchKeyRows). They are the given
-- names' keys already indexed, so the existing rows give them without a reindex. A family name of
-- particles alone ("al") yields no keys either; such rare files get theirs at the next name change
-- or `strang search reindex`.
INSERT INTO "person_search_keys" ("tenant_id", "person_id", "key", "part")
SELECT k."tenant_id", k."person_id", '!' || k."key", 'single'
FROM "person_search_keys" k
JOIN "persons" p ON p."tenant_id" = k."tenant_id" AND p."id" = k."person_id"
WHERE k."part" = 'given' AND length(k."key") <= 199 AND p."family_name" !~ '[[:alnum:]]'
ON CONFLICT DO NOTHING;
