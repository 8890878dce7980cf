// Consents of a person, the consent form texts, and the upload of the signed scan.
import { queryOptions } from "@tanstack/react-query";
import { type BodyOf, client, type paths, type Schemas, unwrap } from "../../app/api-client";

import { type Category, categories, specialCategories } from "../../app/domain";
import { uploadDocumentForm } from "../documents/documents.api";

export { type Category, categories, specialCategories };

export type Consent = Schemas["Consent"];
export type ConsentMethod = Consent["method"];
export const consentMethods = ["signed_form", "verbal_witnessed", "digital"] as const satisfies ConsentMethod[];

/** The languages the consent form is written in. */
export type FormLanguage = paths["/api/v1/consent-forms/{language}"]["get"]["parameters"]["path"]["language"];
export const formLanguages = ["de", "en", "ar", "uk", "fa"] as const satisfies FormLanguage[];
export const isFormLanguage = (v: unknown): v is FormLanguage => formLanguages.includes(v as FormLanguage);

export type ConsentStatus = Consent["status"];
export type ConsentInput = BodyOf<"/api/v1/persons/{id}/consents", "post">;

// openapi.json describes the form text only as an object (its route's response schema is an open
// record), so its shape is written down here, as the print view reads it.
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
export type PersonHead = Pick<
  Schemas["Person"],
  "id" | "givenNames" | "familyName" | "birthDate" | "birthDatePrecision" | "languages"
> & { abilities: Pick<Schemas["Person"]["abilities"], "manageConsents"> };

/** The person for the print view (without records; inside the case file its own query serves). */
export const personHeadQuery = (personId: string) =>
  queryOptions({
    queryKey: ["persons", "head", personId],
    queryFn: () => unwrap(client.GET("/api/v1/persons/{id}", { params: { path: { id: personId } } })),
  });

const listConsents = (personId: string) =>
  unwrap(client.GET("/api/v1/persons/{id}/consents", { params: { path: { id: personId } } }));

export const consentsQuery = (personId: string) =>
  queryOptions({ queryKey: ["consents", "person", personId], queryFn: () => listConsents(personId) });

export const consentQuery = (id: string) =>
  queryOptions({
    queryKey: ["consents", "one", id],
    queryFn: () => unwrap(client.GET("/api/v1/consents/{id}", { params: { path: { id } } })),
  });

export const consentFormQuery = (language: FormLanguage) =>
  queryOptions({
    queryKey: ["consent-forms", language],
    queryFn: async () =>
      (await unwrap(client.GET("/api/v1/consent-forms/{language}", { params: { path: { language } } }))) as ConsentForm,
    staleTime: 60 * 60_000,
  });

export type UploadedDocument = Schemas["Document"];

/** The signed scan, filed as an identity document of the person. */
function uploadDocument(personId: string, file: File, title: string): Promise<UploadedDocument> {
  const form = new FormData();
  form.set("category", "identity");
  form.set("title", title);
  form.set("file", file);
  return uploadDocumentForm(personId, form);
}

export const consentsApi = {
  list: listConsents,
  create: (personId: string, body: ConsentInput) =>
    unwrap(client.POST("/api/v1/persons/{id}/consents", { params: { path: { id: personId } }, body })),
  revoke: (id: string, reason: string | undefined) =>
    unwrap(client.POST("/api/v1/consents/{id}/revoke", { params: { path: { id } }, body: { reason } })),
  uploadDocument,
};
