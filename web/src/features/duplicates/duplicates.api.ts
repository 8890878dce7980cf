// Duplicates: the check before registering, candidate pairs for review, dismissal, merge and undo.
import { type BodyOf, client, type Schemas, unwrap } from "../../app/api-client";

export type DuplicateCandidate = Schemas["DuplicateCandidate"];
export type PairPerson = Schemas["DuplicatePairPerson"];
export type DuplicatePair = Schemas["DuplicatePair"];

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

export type MergeResult = Schemas["MergeResult"];
export type DuplicateCheckInput = BodyOf<"/api/v1/persons/duplicate-check", "post">;
export type MergeInput = BodyOf<"/api/v1/persons/{id}/merge", "post">;

export const duplicatesQueryKey = ["duplicates", "list"] as const;

export const duplicatesApi = {
  check: (body: DuplicateCheckInput) =>
    // Only what the check takes (the form's body has more; the API refuses unknown fields).
    unwrap(
      client.POST("/api/v1/persons/duplicate-check", {
        body: {
          givenNames: body.givenNames,
          familyName: body.familyName,
          birthDate: body.birthDate ?? null,
          birthPlace: body.birthPlace ?? null,
          ...(body.sex ? { sex: body.sex } : {}),
          nationalities: body.nationalities ?? [],
        },
      }),
    ),
  list: (cursor?: string) => unwrap(client.GET("/api/v1/duplicates", { params: { query: { limit: 25, cursor } } })),
  scan: () => unwrap(client.POST("/api/v1/duplicates/scan", { body: {} })),
  dismiss: (id: string) =>
    unwrap(client.POST("/api/v1/duplicates/{id}/dismiss", { params: { path: { id } }, body: {} })),
  merge: (survivorId: string, body: MergeInput) =>
    unwrap(client.POST("/api/v1/persons/{id}/merge", { params: { path: { id: survivorId } }, body })),
  undo: (mergeId: string) =>
    unwrap(client.POST("/api/v1/merges/{id}/undo", { params: { path: { id: mergeId } }, body: {} })),
};
