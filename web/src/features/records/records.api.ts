// Typed life-domain records, the record kinds and the code lists held as data.
import { queryOptions, useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../../app/api-client";
import type { Category } from "../persons/persons.api";
import { rawApi } from "../persons/raw-request";

export type RecordItem = {
  id: string;
  personId: string;
  kind: string;
  category: Category;
  data: Record<string, unknown>;
  validFrom: string | null;
  validUntil: string | null;
  ownerOrganisationId: string;
  protected: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type RecordKindInfo = {
  kind: string;
  category: Category;
  label: { de: string; en: string };
  codeLists: Record<string, string>;
};

export type CodeListEntry = {
  code: string;
  label: { de: string; en: string };
  attributes: Record<string, unknown>;
};

export const recordKindsQuery = queryOptions({
  queryKey: ["record-kinds"],
  queryFn: () => api.get<RecordKindInfo[]>("/record-kinds"),
  staleTime: Number.POSITIVE_INFINITY,
});

export const codeListQuery = (list: string) =>
  queryOptions({
    queryKey: ["code-lists", list],
    queryFn: async () => (await api.get<{ items: CodeListEntry[] }>(`/code-lists/${list}`)).items,
    staleTime: 10 * 60_000,
  });

export const codeListNames = [
  "residence_status_type",
  "residence_paragraph",
  "benefit_type",
  "course_type",
  "language_level",
] as const;

/** Every code list the record kinds use, by name (empty until loaded). */
export function useCodeLists(): { lists: Map<string, CodeListEntry[]>; ready: boolean } {
  const results = useQueries({ queries: codeListNames.map((l) => codeListQuery(l)) });
  const data = results.map((r) => r.data);
  const ready = results.every((r) => r.isSuccess);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the entries change only with the data
  return useMemo(() => ({ lists: new Map(codeListNames.map((l, i) => [l, data[i] ?? []])), ready }), [...data, ready]);
}

export const residenceQuery = (personId: string) =>
  queryOptions({
    queryKey: ["persons", "one", personId, "residence"],
    queryFn: () => api.get<{ current: RecordItem | null; history: RecordItem[] }>(`/persons/${personId}/residence`),
  });

export type RecordInput = {
  kind: string;
  data: Record<string, unknown>;
  validFrom?: string | null;
  validUntil?: string | null;
};

export const recordsApi = {
  create: (personId: string, body: RecordInput) => api.post<RecordItem>(`/persons/${personId}/records`, body),
  update: (id: string, body: { data: Record<string, unknown>; version: number }) =>
    api.patch<RecordItem>(`/records/${id}`, body),
  remove: (id: string) => rawApi.delete(`/records/${id}`),
};
