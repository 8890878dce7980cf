// Households: persons living together, with their relation to the head of the household.
import { queryOptions } from "@tanstack/react-query";
import { type BodyOf, client, type Schemas, unwrap } from "../../app/api-client";

export type Household = Schemas["Household"];
export type HouseholdMember = Household["members"][number];
export type HouseholdAddress = NonNullable<Household["address"]>;

export const householdQuery = (id: string) =>
  queryOptions({
    queryKey: ["households", id],
    queryFn: () => unwrap(client.GET("/api/v1/households/{id}", { params: { path: { id } } })),
  });

export const householdsApi = {
  create: (body: BodyOf<"/api/v1/households", "post">) => unwrap(client.POST("/api/v1/households", { body })),
  rename: (id: string, body: BodyOf<"/api/v1/households/{id}", "patch">) =>
    unwrap(client.PATCH("/api/v1/households/{id}", { params: { path: { id } }, body })),
  addMember: (id: string, body: BodyOf<"/api/v1/households/{id}/members", "post">) =>
    unwrap(client.POST("/api/v1/households/{id}/members", { params: { path: { id } }, body })),
  removeMember: (id: string, personId: string) =>
    unwrap(client.DELETE("/api/v1/households/{id}/members/{personId}", { params: { path: { id, personId } } })),
};
