import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, type Page } from "../../app/api-client";
import type { Language, Role } from "../../app/domain";

export type User = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  locale: Language;
  active: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type UserFilters = { q?: string; organisationId?: string; role?: Role };

export type CreateUserInput = {
  email: string;
  name: string;
  organisationId: string;
  role: Role;
  password: string;
  locale: Language;
};

export type UpdateUserInput = {
  name?: string;
  role?: Role;
  organisationId?: string;
  locale?: Language;
  active?: boolean;
  password?: string;
  resetTotp?: true;
  version: number;
};

export const usersQuery = (filters: UserFilters) =>
  infiniteQueryOptions({
    queryKey: ["users", "list", filters],
    queryFn: ({ pageParam }) => api.get<Page<User>>("/users", { ...filters, limit: 25, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const userQuery = (id: string) =>
  queryOptions({ queryKey: ["users", "one", id], queryFn: () => api.get<User>(`/users/${id}`) });

/** All users the actor may see (for the audit page's name lookup and filter). */
export const allUsersQuery = queryOptions({
  queryKey: ["users", "all"],
  queryFn: async () => {
    const all: User[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.get<Page<User>>("/users", { limit: 200, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  },
  staleTime: 60_000,
});

export const usersApi = {
  create: (body: CreateUserInput) => api.post<User>("/users", body),
  update: (id: string, body: UpdateUserInput) => api.patch<User>(`/users/${id}`, body),
};
