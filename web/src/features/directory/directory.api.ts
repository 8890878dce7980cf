// The organisation directory: who offers which service, in which languages, when and how to reach them.
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { type BodyOf, client, type Schemas, unwrap } from "../../app/api-client";
import type { OrganisationType } from "../../app/domain";

export type Contact = Schemas["OrganisationContact"];
export type DirectoryEntry = Schemas["Organisation"];
export type EntryInput = BodyOf<"/api/v1/organisations/{id}", "patch">;

export type DirectoryFilters = {
  q?: string;
  service?: string;
  language?: string;
  type?: OrganisationType;
  /** Deactivated organisations are listed only on request (their administrators reactivate them). */
  status?: "inactive" | "all";
};

export const directoryQuery = (filters: DirectoryFilters) =>
  infiniteQueryOptions({
    queryKey: ["organisations", "directory", filters],
    queryFn: ({ pageParam }) => {
      const { status, ...rest } = filters;
      const active = status === "all" ? undefined : status === "inactive" ? "false" : "true";
      const query = { ...rest, active, limit: 30, cursor: pageParam } as const;
      return unwrap(client.GET("/api/v1/organisations", { params: { query } }));
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const entryQuery = (id: string) =>
  queryOptions({
    queryKey: ["organisations", "one", id],
    queryFn: () => unwrap(client.GET("/api/v1/organisations/{id}", { params: { path: { id } } })),
  });

export const directoryApi = {
  /** The active organisations offering a service (every active one without a service). */
  providers: (service: string | undefined) =>
    unwrap(client.GET("/api/v1/organisations", { params: { query: { service, active: "true", limit: 200 } } })),
  update: (id: string, body: EntryInput) =>
    unwrap(client.PATCH("/api/v1/organisations/{id}", { params: { path: { id } }, body })),
};
