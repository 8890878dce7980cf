import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, type Page } from "../../app/api-client";
import type { OrganisationType } from "../../app/domain";

export type Organisation = {
  id: string;
  name: string;
  type: OrganisationType;
  email: string | null;
  phone: string | null;
  address: string | null;
  active: boolean;
  /** Someone there can act on a referral (an active user who works with person data). */
  receivesReferrals: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type OrganisationInput = {
  name: string;
  type: OrganisationType;
  email: string | null;
  phone: string | null;
  address: string | null;
  active?: boolean;
};

export const organisationQuery = (id: string) =>
  queryOptions({
    queryKey: ["organisations", "one", id],
    queryFn: () => api.get<Organisation>(`/organisations/${id}`),
  });

/** Every organisation of the tenant (for selects and name lookups); the directory is small. */
export const allOrganisationsQuery = queryOptions({
  queryKey: ["organisations", "all"],
  queryFn: async () => {
    const all: Organisation[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.get<Page<Organisation>>("/organisations", { limit: 200, cursor });
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
  create: (body: OrganisationInput) => api.post<Organisation>("/organisations", body),
  update: (id: string, body: Partial<OrganisationInput> & { version: number }) =>
    api.patch<Organisation>(`/organisations/${id}`, body),
};
