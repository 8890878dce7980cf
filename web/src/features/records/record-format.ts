// Record data as people read it: code-list labels instead of codes, organisation and country
// names instead of ids, dates in the interface language.
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useOrganisationNames } from "../organisations/organisations.api";
import { formatPartial } from "../persons/partial-dates";
import { useCountries } from "../persons/reference.api";
import { type FieldSpec, recordFields } from "./record-fields";
import { type RecordItem, recordKindsQuery, useCodeLists } from "./records.api";
import { useRecordStrings } from "./records.i18n";

export type RecordFormatter = ReturnType<typeof useRecordFormat>;

export function useRecordFormat() {
  const t = useRecordStrings();
  const kinds = useQuery(recordKindsQuery);
  const { lists } = useCodeLists();
  const organisations = useOrganisationNames();
  const countries = useCountries();
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === "en" ? "en" : "de";

  const kindLabel = useCallback(
    (kind: string) => {
      const info = kinds.data?.find((k) => k.kind === kind);
      return info ? info.label[language] : kind;
    },
    [kinds.data, language],
  );

  /**
   * The kind inside a sentence ("Add residence status"): English writes the noun in lower case
   * (acronyms like "KiTa" stay), German nouns keep their capital.
   */
  const kindInText = useCallback(
    (kind: string) => {
      const label = kindLabel(kind);
      return language === "en" && /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
    },
    [kindLabel, language],
  );

  const codeLabel = useCallback(
    (list: string, code: string) => {
      const entry = lists.get(list)?.find((e) => e.code === code);
      return entry ? entry.label[language] : code;
    },
    [lists, language],
  );

  const value = useCallback(
    (kind: string, spec: FieldSpec, raw: unknown): string | null => {
      if (raw === undefined || raw === null || raw === "") return null;
      switch (spec.type) {
        case "code":
          return codeLabel(spec.list, String(raw));
        case "enum":
          return t(`value.${kind}.${spec.name}.${String(raw)}` as never, { defaultValue: String(raw) });
        case "boolean":
          return raw ? t("yes") : t("no");
        case "fullDate":
        case "partialDate":
          return formatPartial(String(raw), language, "");
        case "organisation":
          return organisations.get(String(raw)) ?? String(raw);
        case "country":
          return countries.name(String(raw));
        default:
          return String(raw);
      }
    },
    [codeLabel, t, language, organisations, countries],
  );

  /** The record's filled-in fields as label/value pairs, in the kind's field order. */
  const entries = useCallback(
    (record: Pick<RecordItem, "kind" | "data">) =>
      (recordFields[record.kind] ?? [])
        .map((spec) => ({
          name: spec.name,
          label: t(`field.${spec.name}` as never),
          value: value(record.kind, spec, record.data[spec.name]),
        }))
        .filter((e): e is { name: string; label: string; value: string } => e.value !== null),
    [t, value],
  );

  /** One line for lists and the timeline: values speak for themselves, dates and yes/no get their label. */
  const summary = useCallback(
    (record: Pick<RecordItem, "kind" | "data">) => {
      const parts: string[] = [];
      for (const spec of recordFields[record.kind] ?? []) {
        if (spec.name === "text") continue;
        const raw = record.data[spec.name];
        const shown = value(record.kind, spec, raw);
        if (shown === null) continue;
        if (spec.type === "code" && spec.list === "residence_paragraph") {
          const citation = lists.get(spec.list)?.find((e) => e.code === raw)?.attributes.citation;
          parts.push(typeof citation === "string" ? citation : shown);
        } else if (["fullDate", "partialDate", "boolean", "int"].includes(spec.type))
          parts.push(`${t(`field.${spec.name}` as never)}: ${shown}`);
        else parts.push(shown);
      }
      return parts.join(" · ") || truncate(String(record.data.text ?? ""), 140);
    },
    [value, lists, t],
  );

  return { kindLabel, kindInText, codeLabel, value, entries, summary, language };
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
