import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { type BodyOf, client, type QueryOf, type Schemas, unwrap } from "../../app/api-client";

export type User = Schemas["User"];
export type UserFilters = Pick<QueryOf<"/api/v1/users", "get">, "q" | "organisationId" | "role">;
export type CreateUserInput = BodyOf<"/api/v1/users", "post">;
export type UpdateUserInput = BodyOf<"/api/v1/users/{id}", "patch">;

export const usersQuery = (filters: UserFilters) =>
  infiniteQueryOptions({
    queryKey: ["users", "list", filters],
    queryFn: ({ pageParam }) =>
      unwrap(client.GET("/api/v1/users", { params: { query: { ...filters, limit: 25, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: ["users", "one", id],
    queryFn: () => unwrap(client.GET("/api/v1/users/{id}", { params: { path: { id } } })),
  });

/** All users the actor may see (for the audit page's name lookup and filter). */
export const allUsersQuery = queryOptions({
  queryKey: ["users", "all"],
  queryFn: async () => {
    const all: User[] = [];
    let cursor: string | undefined;
    do {
      const page = await unwrap(client.GET("/api/v1/users", { params: { query: { limit: 200, cursor } } }));
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  },
  staleTime: 60_000,
});

export const usersApi = {
  create: (body: CreateUserInput) => unwrap(client.POST("/api/v1/users", { body })),
  update: (id: string, body: UpdateUserInput) =>
    unwrap(client.PATCH("/api/v1/users/{id}", { params: { path: { id } }, body })),
};
