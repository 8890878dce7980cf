// Cooperation agreements between the lead organisation and its partners.
import { queryOptions } from "@tanstack/react-query";
import { type BodyOf, client, type Schemas, unwrap } from "../../app/api-client";

export type Agreement = Schemas["Agreement"];
export type AgreementInput = BodyOf<"/api/v1/agreements", "post">;
export type AgreementUpdate = BodyOf<"/api/v1/agreements/{id}", "patch">;

export const agreementsQuery = queryOptions({
  queryKey: ["agreements"],
  queryFn: () => unwrap(client.GET("/api/v1/agreements")),
});

export const agreementsApi = {
  create: (body: AgreementInput) => unwrap(client.POST("/api/v1/agreements", { body })),
  update: (id: string, body: AgreementUpdate) =>
    unwrap(client.PATCH("/api/v1/agreements/{id}", { params: { path: { id } }, body })),
};
