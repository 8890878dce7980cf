// ISO reference lists (countries alpha-3, languages ISO 639) with names in the interface language.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { client, type ResponseOf, unwrap } from "../../app/api-client";
import { isLanguage, type Language } from "../../app/domain";

type List = "countries" | "languages";

const referenceQuery = (list: List, locale: Language) =>
  queryOptions({
    queryKey: ["reference", list, locale],
    queryFn: async () =>
      (await unwrap(client.GET(`/api/v1/reference/${list}`, { params: { query: { locale } } }))).items,
    staleTime: Number.POSITIVE_INFINITY,
  });

function useLocale(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "de";
}

type Entry = ResponseOf<"/api/v1/reference/countries", "get">["items"][number];

export type Reference = {
  items: Entry[];
  name: (code: string) => string;
  ready: boolean;
};

function useReference(list: List): Reference {
  const locale = useLocale();
  const query = useQuery(referenceQuery(list, locale));
  return useMemo(() => {
    const items = [...(query.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, locale));
    const byCode = new Map(items.map((i) => [i.code.toLowerCase(), i.name]));
    return { items, name: (code: string) => byCode.get(code.toLowerCase()) ?? code, ready: query.isSuccess };
  }, [query.data, query.isSuccess, locale]);
}

export const useCountries = () => useReference("countries");
export const useLanguages = () => useReference("languages");
