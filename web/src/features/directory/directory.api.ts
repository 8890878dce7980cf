// The organisation directory: who offers which service, in which languages, when and how to reach them.
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, type Page } from "../../app/api-client";
import type { OrganisationType } from "../../app/domain";

export type Contact = { name: string; role: string | null; email: string | null; phone: string | null };

export type DirectoryEntry = {
  id: string;
  name: string;
  type: OrganisationType;
  email: string | null;
  phone: string | null;
  address: string | null;
  services: string[];
  languages: string[];
  openingHours: string | null;
  website: string | null;
  description: string | null;
  contacts: Contact[];
  active: boolean;
  /** Someone there can act on a referral (an active user who works with person data). */
  receivesReferrals: boolean;
  version: number;
  updatedAt: string;
};

export type EntryInput = {
  email: string | null;
  phone: string | null;
  address: string | null;
  services: string[];
  languages: string[];
  openingHours: string | null;
  website: string | null;
  description: string | null;
  contacts: { name: string; role?: string | null; email?: string | null; phone?: string | null }[];
  version: number;
};

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
      return api.get<Page<DirectoryEntry>>("/organisations", { ...rest, active, limit: 30, cursor: pageParam });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const entryQuery = (id: string) =>
  queryOptions({
    queryKey: ["organisations", "one", id],
    queryFn: () => api.get<DirectoryEntry>(`/organisations/${id}`),
  });

export const directoryApi = {
  update: (id: string, body: EntryInput) => api.patch<DirectoryEntry>(`/organisations/${id}`, body),
};
