// Person search as you type (GET /persons?q=): hits with score and the reasons of the match.
import { api, type Page } from "../../app/api-client";

export type MatchReason =
  | "same-name"
  | "name-variant"
  | "names-swapped"
  | "typo"
  | "same-birth-date"
  | "birth-year-only"
  | "placeholder-birth-date"
  | "same-birth-year"
  | "birth-date-differs"
  | "same-birth-place"
  | "same-nationality"
  | "sex-differs"
  | "no-family-name";

export type SearchHit = {
  id: string;
  givenNames: string;
  familyName: string;
  birthDate: string | null;
  caseStatus: string;
  score?: number;
  matchReasons?: string[];
};

export const searchPersons = (q: string) => api.get<Page<SearchHit>>("/persons", { q, limit: 8 });

/** A partly known date (YYYY, YYYY-MM, YYYY-MM-DD) the German way: 12.03.1990, 03.1990, 1990. */
export function formatPartialDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const [y, m, d] = value.split("-");
  return [d, m, y].filter(Boolean).join(".");
}
