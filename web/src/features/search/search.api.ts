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
