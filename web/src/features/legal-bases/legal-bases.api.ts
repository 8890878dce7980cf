// Legal bases: an organisation may see categories without consent, with the legal citation.
import { queryOptions } from "@tanstack/react-query";
import { api, type Page } from "../../app/api-client";
import type { Category } from "../consents/consents.api";

export type LegalBasis = {
  id: string;
  organisationId: string;
  categories: Category[];
  citation: string;
  description: string | null;
  validFrom: string;
  validUntil: string | null;
  active: boolean;
  revokedAt: string | null;
  createdAt: string;
};

export type LegalBasisInput = {
  organisationId: string;
  categories: Category[];
  citation: string;
  description: string | null;
  validFrom: string;
  validUntil: string | null;
};

export const legalBasesQuery = queryOptions({
  queryKey: ["legal-bases"],
  queryFn: () => api.get<Page<LegalBasis>>("/legal-bases"),
});

export const legalBasesApi = {
  create: (body: LegalBasisInput) => api.post<LegalBasis>("/legal-bases", body),
  revoke: (id: string) => api.post<LegalBasis>(`/legal-bases/${id}/revoke`),
};
