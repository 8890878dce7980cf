// The data-protection officer's reads: persons for an access request, a person's access report.
import { queryOptions } from "@tanstack/react-query";
import { api, type Page } from "../../app/api-client";
import type { Category } from "../consents/consents.api";

export type DpoPerson = { id: string; givenNames: string; familyName: string; birthDate: string | null };

export const groundTypes = ["ownership", "lead_organisation", "consent", "referral", "legal_basis"] as const;
export type GroundType = (typeof groundTypes)[number];
export type Ground = { type: GroundType; consentId?: string; referralId?: string; legalBasisId?: string };

export type AccessEntry = {
  id: number;
  at: string;
  action: string;
  userId: string | null;
  userName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  categories: Category[];
  grounds: Ground[];
  purpose: string | null;
};

export const dpoPersonsQuery = (q: string) =>
  queryOptions({
    queryKey: ["dpo", "persons", q],
    queryFn: () => api.get<Page<DpoPerson>>("/dpo/persons", { q }),
    // Every search writes audit rows: ask again only when the officer searches again.
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The access report: whom it is about and who saw what. */
export type AccessReport = Page<AccessEntry> & { person: DpoPerson };

export const accessLogQuery = (personId: string) =>
  queryOptions({
    queryKey: ["dpo", "access-log", personId],
    queryFn: () => api.get<AccessReport>(`/persons/${personId}/access-log`),
  });

export const exportUrl = (personId: string, format: "json" | "html", lang?: "de" | "en") =>
  `/api/v1/persons/${personId}/export?format=${format}${lang ? `&lang=${lang}` : ""}`;
