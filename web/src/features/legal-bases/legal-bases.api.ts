// Legal bases: an organisation may see categories without consent, with the legal citation.
import { queryOptions } from "@tanstack/react-query";
import { type BodyOf, client, type Schemas, unwrap } from "../../app/api-client";

export type LegalBasis = Schemas["LegalBasis"];
export type LegalBasisInput = BodyOf<"/api/v1/legal-bases", "post">;

export const legalBasesQuery = queryOptions({
  queryKey: ["legal-bases"],
  queryFn: () => unwrap(client.GET("/api/v1/legal-bases")),
});

export const legalBasesApi = {
  create: (body: LegalBasisInput) => unwrap(client.POST("/api/v1/legal-bases", { body })),
  revoke: (id: string) =>
    unwrap(client.POST("/api/v1/legal-bases/{id}/revoke", { params: { path: { id } }, body: {} })),
};
