-- The residence titles of the AufenthG as in force today (Fachkräfteeinwanderungsgesetz 2023/2024:
-- Blue Card § 18g, Chancenkarte § 20a, § 16g; and titles the first list lacked). A change of law is
-- data: new rows with the date the provision took effect; nothing existing is changed.
INSERT INTO code_list_entries (list, code, version, valid_from, valid_until, label_de, label_en, attributes, sort_order) VALUES
('residence_status_type', 'blaue_karte_eu', 1, '2012-08-01', NULL, 'Blaue Karte EU', 'EU Blue Card', '{}'::jsonb, 9),
('residence_status_type', 'ict_karte', 1, '2017-08-01', NULL, 'ICT-Karte', 'ICT card (intra-corporate transfer)', '{}'::jsonb, 10),
('residence_paragraph', 'aufenthg_16d', 1, '2020-03-01', NULL, '§ 16d AufenthG – Anerkennung ausländischer Berufsqualifikationen', '§ 16d AufenthG – Recognition of foreign professional qualifications', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 16d AufenthG"}'::jsonb, 36),
('residence_paragraph', 'aufenthg_16f', 1, '2020-03-01', NULL, '§ 16f AufenthG – Sprachkurse und Schulbesuch', '§ 16f AufenthG – Language courses and school attendance', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 16f AufenthG"}'::jsonb, 37),
('residence_paragraph', 'aufenthg_16g', 1, '2024-03-01', NULL, '§ 16g AufenthG – Berufsausbildung für ausreisepflichtige Ausländer', '§ 16g AufenthG – Vocational training for foreigners obliged to leave', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 16g AufenthG"}'::jsonb, 38),
('residence_paragraph', 'aufenthg_17', 1, '2020-03-01', NULL, '§ 17 AufenthG – Suche eines Ausbildungs- oder Studienplatzes', '§ 17 AufenthG – Search for a training or study place', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 17 AufenthG"}'::jsonb, 39),
('residence_paragraph', 'aufenthg_18c', 1, '2020-03-01', NULL, '§ 18c AufenthG – Niederlassungserlaubnis für Fachkräfte', '§ 18c AufenthG – Settlement permit for skilled workers', '{"statusType": "niederlassungserlaubnis", "citation": "§ 18c AufenthG"}'::jsonb, 40),
('residence_paragraph', 'aufenthg_18d', 1, '2020-03-01', NULL, '§ 18d AufenthG – Forschung', '§ 18d AufenthG – Research', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 18d AufenthG"}'::jsonb, 41),
('residence_paragraph', 'aufenthg_18g', 1, '2023-11-18', NULL, '§ 18g AufenthG – Blaue Karte EU', '§ 18g AufenthG – EU Blue Card', '{"statusType": "blaue_karte_eu", "citation": "§ 18g AufenthG"}'::jsonb, 42),
('residence_paragraph', 'aufenthg_19', 1, '2017-08-01', NULL, '§ 19 AufenthG – ICT-Karte für unternehmensintern transferierte Arbeitnehmer', '§ 19 AufenthG – ICT card for intra-corporate transferees', '{"statusType": "ict_karte", "citation": "§ 19 AufenthG"}'::jsonb, 43),
('residence_paragraph', 'aufenthg_19d', 1, '2020-03-01', NULL, '§ 19d AufenthG – Beschäftigung qualifizierter Geduldeter', '§ 19d AufenthG – Employment of qualified tolerated persons', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 19d AufenthG"}'::jsonb, 44),
('residence_paragraph', 'aufenthg_20', 1, '2020-03-01', NULL, '§ 20 AufenthG – Arbeitsplatzsuche für Fachkräfte', '§ 20 AufenthG – Job search for skilled workers', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 20 AufenthG"}'::jsonb, 45),
('residence_paragraph', 'aufenthg_20a', 1, '2024-06-01', NULL, '§ 20a AufenthG – Chancenkarte', '§ 20a AufenthG – Opportunity card (Chancenkarte)', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 20a AufenthG"}'::jsonb, 46),
('residence_paragraph', 'aufenthg_21', 1, '2005-01-01', NULL, '§ 21 AufenthG – Selbständige Tätigkeit', '§ 21 AufenthG – Self-employment', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 21 AufenthG"}'::jsonb, 47),
('residence_paragraph', 'aufenthg_25_4a', 1, '2005-01-01', NULL, '§ 25 Abs. 4a AufenthG – Opfer von Menschenhandel', '§ 25 Abs. 4a AufenthG – Victims of human trafficking', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 25 Abs. 4a AufenthG"}'::jsonb, 48),
('residence_paragraph', 'aufenthg_25_4b', 1, '2011-11-26', NULL, '§ 25 Abs. 4b AufenthG – Opfer von Arbeitsausbeutung', '§ 25 Abs. 4b AufenthG – Victims of labour exploitation', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 25 Abs. 4b AufenthG"}'::jsonb, 49),
('residence_paragraph', 'aufenthg_26_4', 1, '2005-01-01', NULL, '§ 26 Abs. 4 AufenthG – Niederlassungserlaubnis aus humanitären Gründen', '§ 26 Abs. 4 AufenthG – Settlement permit on humanitarian grounds', '{"statusType": "niederlassungserlaubnis", "citation": "§ 26 Abs. 4 AufenthG"}'::jsonb, 50),
('residence_paragraph', 'aufenthg_28_2', 1, '2005-01-01', NULL, '§ 28 Abs. 2 AufenthG – Niederlassungserlaubnis für Familienangehörige Deutscher', '§ 28 Abs. 2 AufenthG – Settlement permit for family members of Germans', '{"statusType": "niederlassungserlaubnis", "citation": "§ 28 Abs. 2 AufenthG"}'::jsonb, 51),
('residence_paragraph', 'aufenthg_31', 1, '2005-01-01', NULL, '§ 31 AufenthG – Eigenständiges Aufenthaltsrecht der Ehegatten', '§ 31 AufenthG – Independent right of residence of spouses', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 31 AufenthG"}'::jsonb, 52),
('residence_paragraph', 'aufenthg_33', 1, '2005-01-01', NULL, '§ 33 AufenthG – Geburt eines Kindes im Bundesgebiet', '§ 33 AufenthG – Birth of a child in Germany', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 33 AufenthG"}'::jsonb, 53),
('residence_paragraph', 'aufenthg_35', 1, '2005-01-01', NULL, '§ 35 AufenthG – Unbefristetes Aufenthaltsrecht der Kinder', '§ 35 AufenthG – Permanent right of residence of children', '{"statusType": "niederlassungserlaubnis", "citation": "§ 35 AufenthG"}'::jsonb, 54),
('residence_paragraph', 'aufenthg_38a', 1, '2007-08-28', NULL, '§ 38a AufenthG – In anderen EU-Staaten langfristig Aufenthaltsberechtigte', '§ 38a AufenthG – Long-term residents of other EU states', '{"statusType": "aufenthaltserlaubnis", "citation": "§ 38a AufenthG"}'::jsonb, 55),
('residence_paragraph', 'aufenthg_60b', 1, '2019-08-21', NULL, '§ 60b AufenthG – Duldung für Personen mit ungeklärter Identität', '§ 60b AufenthG – Toleration for persons of unresolved identity', '{"statusType": "duldung", "citation": "§ 60b AufenthG"}'::jsonb, 56);
--> statement-breakpoint
-- Paragraphs in the order of the law (AsylG, AufenthG by paragraph and subsection, FreizügG/EU).
WITH ordered AS (
  SELECT code, row_number() OVER (ORDER BY
    CASE WHEN code LIKE 'asylg%' THEN 0 WHEN code LIKE 'aufenthg%' THEN 1 ELSE 2 END,
    (regexp_match(code, '_(\d+)'))[1]::int,
    (regexp_match(code, '_\d+([a-z]*)'))[1],
    coalesce((regexp_match(code, '_\d+[a-z]*_(\d+)'))[1]::int, 0),
    code) - 1 AS n
  FROM code_list_entries WHERE list = 'residence_paragraph'
)
UPDATE code_list_entries c SET sort_order = o.n FROM ordered o
WHERE c.list = 'residence_paragraph' AND c.code = o.code;
--> statement-breakpoint
-- The Blue Card and the ICT card are residence titles of their own (§ 4 Abs. 1 AufenthG): listed after the residence permit.
UPDATE code_list_entries c SET sort_order = o.n
FROM (VALUES ('aufenthaltsgestattung', 0), ('duldung', 1), ('aufenthaltserlaubnis', 2), ('blaue_karte_eu', 3),
  ('ict_karte', 4), ('niederlassungserlaubnis', 5), ('daueraufenthalt_eu', 6), ('fiktionsbescheinigung', 7),
  ('temporary_protection', 8), ('eu_freedom_of_movement', 9), ('german_citizen', 10)) AS o(code, n)
WHERE c.list = 'residence_status_type' AND c.code = o.code;
