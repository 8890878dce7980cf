// Households: persons living together, with their relation to the head of the household.
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../app/api-client";
import type { HouseholdRelation } from "../persons/persons.api";
import { rawApi } from "../persons/raw-request";

export type HouseholdMember = {
  personId: string;
  relation: HouseholdRelation;
  givenNames: string;
  familyName: string;
  birthDate: string | null;
};

export type HouseholdAddress = {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  addition: string | null;
};

export type Household = {
  id: string;
  name: string;
  version: number;
  members: HouseholdMember[];
  /** Of the first visible member with an address (head first): what a new member takes over. */
  address: HouseholdAddress | null;
};

export const householdQuery = (id: string) =>
  queryOptions({ queryKey: ["households", id], queryFn: () => api.get<Household>(`/households/${id}`) });

export const householdsApi = {
  create: (body: { name: string; members: { personId: string; relation: HouseholdRelation }[] }) =>
    api.post<Household>("/households", body),
  rename: (id: string, body: { name: string; version: number }) => api.patch<Household>(`/households/${id}`, body),
  addMember: (id: string, body: { personId: string; relation: HouseholdRelation }) =>
    api.post<Household>(`/households/${id}/members`, body),
  removeMember: (id: string, personId: string) => rawApi.delete(`/households/${id}/members/${personId}`),
};
