// Consents of a person, the consent form texts, and the upload of the signed scan.
import { queryOptions } from "@tanstack/react-query";
import { ApiError, api, type Page, type Problem } from "../../app/api-client";

import { type Category, categories, specialCategories } from "../../app/domain";

export { type Category, categories, specialCategories };

export const consentMethods = ["signed_form", "verbal_witnessed", "digital"] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export const formLanguages = ["de", "en", "ar", "uk", "fa"] as const;
export type FormLanguage = (typeof formLanguages)[number];
export const isFormLanguage = (v: unknown): v is FormLanguage => formLanguages.includes(v as FormLanguage);

export type ConsentStatus = "active" | "pending" | "expired" | "revoked";

export type Consent = {
  id: string;
  personId: string;
  recipientOrganisationIds: string[];
  allPartners: boolean;
  caseManagement: boolean;
  categories: Category[];
  purpose: string;
  validFrom: string;
  validUntil: string | null;
  method: ConsentMethod;
  language: FormLanguage;
  formVersion: string | null;
  proofDocumentId: string | null;
  recordedByOrganisationId: string;
  status: ConsentStatus;
  revokedAt: string | null;
  revocationReason: string | null;
  version: number;
  createdAt: string;
};

export type ConsentInput = {
  recipientOrganisationIds: string[];
  allPartners: boolean;
  caseManagement: boolean;
  categories: Category[];
  purpose: string;
  validFrom: string;
  validUntil: string | null;
  method: ConsentMethod;
  language: FormLanguage;
  proofDocumentId: string | null;
};

export type ConsentForm = {
  language: FormLanguage;
  version: string;
  direction: "ltr" | "rtl";
  legalReviewRequired: boolean;
  title: string;
  intro: string;
  recipientsHeading: string;
  allPartners: string;
  caseManagement: string;
  categoriesHeading: string;
  purposeHeading: string;
  validityHeading: string;
  validUntilOpen: string;
  voluntary: string;
  revocation: string;
  rights: string;
  placeAndDate: string;
  signature: string;
  interpreter: string;
  categories: Record<Category, string>;
};

/** The part of GET /persons/{id} this feature needs. */
export type PersonHead = {
  id: string;
  givenNames: string;
  familyName: string;
  birthDate: string | null;
  birthDatePrecision: "full" | "year-month" | "year" | "unknown";
  languages: { code: string; interpreterNeeded: boolean }[];
  abilities: { manageConsents: boolean };
};

/** The person for the print view (without records; inside the case file its own query serves). */
export const personHeadQuery = (personId: string) =>
  queryOptions({
    queryKey: ["persons", "head", personId],
    queryFn: () => api.get<PersonHead>(`/persons/${personId}`),
  });

export const consentsQuery = (personId: string) =>
  queryOptions({
    queryKey: ["consents", "person", personId],
    queryFn: () => api.get<Page<Consent>>(`/persons/${personId}/consents`),
  });

export const consentQuery = (id: string) =>
  queryOptions({
    queryKey: ["consents", "one", id],
    queryFn: () => api.get<Consent>(`/consents/${id}`),
  });

export const consentFormQuery = (language: FormLanguage) =>
  queryOptions({
    queryKey: ["consent-forms", language],
    queryFn: () => api.get<ConsentForm>(`/consent-forms/${language}`),
    staleTime: 60 * 60_000,
  });

export type UploadedDocument = { id: string; title: string };

/** multipart/form-data, which the JSON client does not send; same CSRF header and problem handling. */
async function uploadDocument(personId: string, file: File, title: string): Promise<UploadedDocument> {
  const body = new FormData();
  body.set("category", "identity");
  body.set("title", title);
  body.set("file", file);
  let res: Response;
  try {
    res = await fetch(`/api/v1/persons/${personId}/documents`, {
      method: "POST",
      headers: { accept: "application/json, application/problem+json", "x-strang-csrf": "1" },
      credentials: "same-origin",
      body,
    });
  } catch {
    throw new ApiError(0, { type: "/problems/network", title: "Network error", status: 0 });
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const problem =
      data && typeof data === "object" && "type" in data
        ? (data as Problem)
        : { type: `/problems/http-${res.status}`, title: res.statusText, status: res.status };
    throw new ApiError(res.status, problem);
  }
  return data as UploadedDocument;
}

export const consentsApi = {
  create: (personId: string, body: ConsentInput) => api.post<Consent>(`/persons/${personId}/consents`, body),
  revoke: (id: string, reason: string | undefined) => api.post<Consent>(`/consents/${id}/revoke`, { reason }),
  uploadDocument,
};
