// The code list `service` (what organisations offer, what agreements and referrals name), with
// labels in the interface language. Shared by the directory, agreements, referrals and the plan.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { client, unwrap } from "../../app/api-client";

export const servicesQuery = queryOptions({
  queryKey: ["code-lists", "service"],
  queryFn: async () =>
    (await unwrap(client.GET("/api/v1/code-lists/{list}", { params: { path: { list: "service" } } }))).items,
  staleTime: 10 * 60_000,
});

export type Services = {
  items: { value: string; label: string }[];
  label: (code: string) => string;
  ready: boolean;
};

export function useServices(): Services {
  const { i18n } = useTranslation();
  const en = i18n.resolvedLanguage === "en";
  const query = useQuery(servicesQuery);
  return useMemo(() => {
    const items = (query.data ?? []).map((e) => ({ value: e.code, label: en ? e.label.en : e.label.de }));
    const byCode = new Map(items.map((i) => [i.value, i.label]));
    return { items, label: (code: string) => byCode.get(code) ?? code, ready: query.isSuccess };
  }, [query.data, query.isSuccess, en]);
}
