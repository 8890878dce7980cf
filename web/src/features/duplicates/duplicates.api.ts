// Duplicates: the check before registering, candidate pairs for review, dismissal, merge and undo.
import { api, type Page } from "../../app/api-client";

export type DuplicateCandidate = {
  id: string;
  givenNames: string;
  familyName: string;
  birthDate: string | null;
  birthPlace: string | null;
  nationalities: string[];
  caseStatus: string;
  score: number;
  matchReasons: string[];
};

export type PairPerson = {
  id: string;
  givenNames: string;
  familyName: string;
  alternativeNames: string[];
  birthDate: string | null;
  birthPlace: string | null;
  sex: string;
  nationalities: string[];
  caseStatus: string;
  registeredByOrganisationId: string;
  leadOrganisationId: string | null;
  version: number;
};

export type DuplicatePair = {
  id: string;
  score: number;
  reasons: string[];
  status: "open" | "dismissed" | "merged";
  detectedAt: string;
  personA: PairPerson;
  personB: PairPerson;
};

export const mergeFieldNames = [
  "givenNames",
  "familyName",
  "birthDate",
  "birthPlace",
  "sex",
  "nationalities",
  "languages",
  "contact",
  "address",
  "arrivedInGermanyOn",
  "arrivedInMunicipalityOn",
] as const;
export type MergeField = (typeof mergeFieldNames)[number];
export type MergeChoice = "a" | "b" | "union";
export const unionFields: MergeField[] = ["nationalities", "languages"];

export type MergeResult = {
  mergeId: string;
  survivorId: string;
  mergedId: string;
  survivorVersion: number;
  moved: Record<string, number>;
};

export type DuplicateCheckInput = {
  givenNames: string;
  familyName: string;
  birthDate: string | null;
  birthPlace?: string | null;
  sex?: string;
  nationalities?: string[];
};

export const duplicatesQueryKey = ["duplicates", "list"] as const;

export const duplicatesApi = {
  check: (body: DuplicateCheckInput) =>
    // Only what the check takes (the form's body has more; the API refuses unknown fields).
    api.post<{ items: DuplicateCandidate[] }>("/persons/duplicate-check", {
      givenNames: body.givenNames,
      familyName: body.familyName,
      birthDate: body.birthDate ?? null,
      birthPlace: body.birthPlace ?? null,
      ...(body.sex ? { sex: body.sex } : {}),
      nationalities: body.nationalities ?? [],
    }),
  list: (cursor?: string) => api.get<Page<DuplicatePair>>("/duplicates", { limit: 25, cursor }),
  scan: () => api.post<{ persons: number; pairs: number }>("/duplicates/scan", {}),
  dismiss: (id: string) => api.post<{ id: string }>(`/duplicates/${id}/dismiss`, {}),
  merge: (
    survivorId: string,
    body: {
      otherPersonId: string;
      fields: Partial<Record<MergeField, MergeChoice>>;
      version: number;
      otherVersion: number;
    },
  ) => api.post<MergeResult>(`/persons/${survivorId}/merge`, body),
  undo: (mergeId: string) => api.post<{ mergeId: string }>(`/merges/${mergeId}/undo`, {}),
};
