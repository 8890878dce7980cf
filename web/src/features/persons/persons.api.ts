// Persons and their case file: types as the API presents them, queries and commands.
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, type Page } from "../../app/api-client";
import { type Category, categories } from "../../app/domain";
import type { RecordItem } from "../records/records.api";

export { type Category, categories };
/** The life domains: every category but identity, in the order of the case file's tabs. */
export const lifeDomains = categories.filter((c): c is Exclude<Category, "identity"> => c !== "identity");
export type LifeDomain = (typeof lifeDomains)[number];

import { type CaseStatus, caseStatuses } from "./tabs";

export { type CaseStatus, caseStatuses };
export const sexes = ["female", "male", "diverse", "unknown"] as const;
export type Sex = (typeof sexes)[number];
export const householdRelations = ["head", "spouse", "child", "parent", "sibling", "other"] as const;
export type HouseholdRelation = (typeof householdRelations)[number];
export type Precision = "full" | "year-month" | "year" | "unknown";

export type Language = { code: string; interpreterNeeded: boolean };

export type PersonSummary = {
  id: string;
  givenNames: string;
  familyName: string;
  birthDate: string | null;
  birthDatePrecision: Precision;
  nationalities: string[];
  caseStatus: CaseStatus;
  leadOrganisationId: string | null;
  version: number;
};

export type ClosedReason = "no-consent" | "protected-provenance" | "confidential";

export type Person = {
  id: string;
  givenNames: string;
  familyName: string;
  alternativeNames: string[];
  birthDate: string | null;
  birthDatePrecision: Precision;
  birthPlace: string | null;
  sex: Sex;
  nationalities: string[];
  languages: Language[];
  contact: { phone?: string | null; email?: string | null };
  address: { street?: string | null; postalCode?: string | null; city?: string | null; addition?: string | null };
  arrivedInGermanyOn: string | null;
  arrivedInMunicipalityOn: string | null;
  registeredByOrganisationId: string;
  case: {
    status: CaseStatus;
    leadOrganisationId: string | null;
    leadCaseManagerId: string | null;
    openedOn: string | null;
    closedOn: string | null;
    closingReason: string | null;
  };
  household?: { id: string; name: string; relation: HouseholdRelation } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  access: { openCategories: Category[]; closedCategories: { category: Category; reason: ClosedReason }[] };
  abilities: {
    editIdentity: boolean;
    manageCase: boolean;
    manageConsents: boolean;
    addRecordCategories: Category[];
    openCategories: Category[];
  };
  records?: RecordItem[];
};

export type PersonInput = {
  givenNames: string;
  familyName: string;
  alternativeNames: string[];
  birthDate: string | null;
  birthPlace: string | null;
  sex: Sex;
  nationalities: string[];
  languages: Language[];
  contact: { phone: string | null; email: string | null };
  address: { street: string | null; postalCode: string | null; city: string | null; addition: string | null };
  arrivedInGermanyOn: string | null;
  arrivedInMunicipalityOn: string | null;
};

export type CaseAction = "open" | "pause" | "resume" | "close" | "reopen";
/** Which actions the case state allows (the server refuses the others with 409). */
export const caseActionsFor: Record<CaseStatus, CaseAction[]> = {
  intake: ["open", "close"],
  active: ["pause", "close"],
  paused: ["resume", "close"],
  closed: ["reopen"],
};

export type PersonFilters = { q?: string; status?: CaseStatus };

export const personsQuery = (filters: PersonFilters) =>
  infiniteQueryOptions({
    queryKey: ["persons", "list", filters],
    queryFn: ({ pageParam }) => api.get<Page<PersonSummary>>("/persons", { ...filters, limit: 25, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The case file: the person with every record the organisation may see. */
export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ["persons", "one", id],
    queryFn: () => api.get<Person>(`/persons/${id}`, { include: "records" }),
  });

export const personsApi = {
  create: (body: PersonInput & { householdId?: string; householdRelation?: HouseholdRelation }) =>
    api.post<Person>("/persons", body),
  update: (id: string, body: Partial<PersonInput> & { version: number }) => api.patch<Person>(`/persons/${id}`, body),
  caseAction: (id: string, action: CaseAction, body: { reason?: string; version: number }) =>
    api.post<Person>(`/persons/${id}/case/${action}`, body),
};

export const fullName = (p: { givenNames: string; familyName: string }) =>
  [p.givenNames, p.familyName].filter(Boolean).join(" ");
