// Typed life-domain records, the record kinds and the code lists held as data.
import { queryOptions, useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { type BodyOf, client, type ResponseOf, type Schemas, unwrap } from "../../app/api-client";

export type RecordItem = Schemas["Record"];
export type RecordKindInfo = ResponseOf<"/api/v1/record-kinds", "get">[number];
export type CodeListEntry = Schemas["CodeListEntry"];

export const recordKindsQuery = queryOptions({
  queryKey: ["record-kinds"],
  queryFn: () => unwrap(client.GET("/api/v1/record-kinds")),
  staleTime: Number.POSITIVE_INFINITY,
});

export const codeListQuery = (list: string) =>
  queryOptions({
    queryKey: ["code-lists", list],
    queryFn: async () => (await unwrap(client.GET("/api/v1/code-lists/{list}", { params: { path: { list } } }))).items,
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
    queryFn: () => unwrap(client.GET("/api/v1/persons/{id}/residence", { params: { path: { id: personId } } })),
  });

export type RecordInput = BodyOf<"/api/v1/persons/{id}/records", "post">;
export type RecordUpdate = BodyOf<"/api/v1/records/{id}", "patch">;

export const recordsApi = {
  create: (personId: string, body: RecordInput) =>
    unwrap(client.POST("/api/v1/persons/{id}/records", { params: { path: { id: personId } }, body })),
  update: (id: string, body: RecordUpdate) =>
    unwrap(client.PATCH("/api/v1/records/{id}", { params: { path: { id } }, body })),
  remove: (id: string) => unwrap(client.DELETE("/api/v1/records/{id}", { params: { path: { id } } })),
};
