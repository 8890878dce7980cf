import { queryOptions, useQuery } from "@tanstack/react-query";
import { type BodyOf, client, type Schemas, unwrap } from "../../app/api-client";

export type Organisation = Schemas["Organisation"];
export type OrganisationInput = BodyOf<"/api/v1/organisations", "post">;
export type OrganisationUpdate = BodyOf<"/api/v1/organisations/{id}", "patch">;

export const organisationQuery = (id: string) =>
  queryOptions({
    queryKey: ["organisations", "one", id],
    queryFn: () => unwrap(client.GET("/api/v1/organisations/{id}", { params: { path: { id } } })),
  });

/** Every organisation of the tenant (for selects and name lookups); the directory is small. */
export const allOrganisationsQuery = queryOptions({
  queryKey: ["organisations", "all"],
  queryFn: async () => {
    const all: Organisation[] = [];
    let cursor: string | undefined;
    do {
      const page = await unwrap(client.GET("/api/v1/organisations", { params: { query: { limit: 200, cursor } } }));
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  },
  staleTime: 60_000,
});

export function useOrganisationNames(): Map<string, string> {
  const { data } = useQuery(allOrganisationsQuery);
  return new Map((data ?? []).map((o) => [o.id, o.name]));
}

export const organisationsApi = {
  create: (body: OrganisationInput) => unwrap(client.POST("/api/v1/organisations", { body })),
  update: (id: string, body: OrganisationUpdate) =>
    unwrap(client.PATCH("/api/v1/organisations/{id}", { params: { path: { id } }, body })),
};
