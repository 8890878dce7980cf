// Person search as you type (GET /persons?q=): hits with score and the reasons of the match.
import { client, type ResponseOf, unwrap } from "../../app/api-client";

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

export type SearchHit = ResponseOf<"/api/v1/persons", "get">["items"][number];

export const searchPersons = (q: string) =>
  unwrap(client.GET("/api/v1/persons", { params: { query: { q, limit: 8 } } }));
