// Persons and their case file: types as the API presents them, queries and commands.
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { type BodyOf, client, type QueryOf, type Schemas, unwrap } from "../../app/api-client";
import { type Category, categories } from "../../app/domain";
import type { RecordItem } from "../records/records.api";

export { type Category, categories };
/** The life domains: every category but identity, in the order of the case file's tabs. */
export const lifeDomains = categories.filter((c): c is Exclude<Category, "identity"> => c !== "identity");
export type LifeDomain = (typeof lifeDomains)[number];

import { type CaseStatus, caseStatuses } from "./tabs";

export { type CaseStatus, caseStatuses };
export type PersonSummary = Schemas["PersonSummary"];
// openapi.json leaves the records of `include=records` open (objects of any shape: the route's
// schema does not reference the record schema), so they are typed as GET /records/{id} answers.
export type Person = Omit<Schemas["Person"], "records"> & { records?: RecordItem[] };
export type PersonInput = BodyOf<"/api/v1/persons", "post">;
export type PersonUpdate = BodyOf<"/api/v1/persons/{id}", "patch">;

export type Sex = Person["sex"];
export const sexes = ["female", "male", "diverse", "unknown"] as const satisfies Sex[];
export type HouseholdRelation = BodyOf<"/api/v1/households/{id}/members", "post">["relation"];
export const householdRelations = [
  "head",
  "spouse",
  "child",
  "parent",
  "sibling",
  "other",
] as const satisfies HouseholdRelation[];
export type Precision = Person["birthDatePrecision"];
export type Language = Person["languages"][number];
export type ClosedReason = Person["access"]["closedCategories"][number]["reason"];

export type CaseAction = "open" | "pause" | "resume" | "close" | "reopen";
/** Which actions the case state allows (the server refuses the others with 409). */
export const caseActionsFor: Record<CaseStatus, CaseAction[]> = {
  intake: ["open", "close"],
  active: ["pause", "close"],
  paused: ["resume", "close"],
  closed: ["reopen"],
};

export type PersonFilters = Pick<QueryOf<"/api/v1/persons", "get">, "q" | "status">;

/** A person answer with its records typed (see `Person`). */
const asPerson = (answer: Promise<Schemas["Person"]>) => answer as Promise<Person>;

export const personsQuery = (filters: PersonFilters) =>
  infiniteQueryOptions({
    queryKey: ["persons", "list", filters],
    queryFn: ({ pageParam }) =>
      unwrap(client.GET("/api/v1/persons", { params: { query: { ...filters, limit: 25, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The case file: the person with every record the organisation may see. */
export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ["persons", "one", id],
    queryFn: () =>
      asPerson(unwrap(client.GET("/api/v1/persons/{id}", { params: { path: { id }, query: { include: "records" } } }))),
  });

export const personsApi = {
  /** The case file header, without records. */
  get: (id: string) => asPerson(unwrap(client.GET("/api/v1/persons/{id}", { params: { path: { id } } }))),
  create: (body: PersonInput) => asPerson(unwrap(client.POST("/api/v1/persons", { body }))),
  update: (id: string, body: PersonUpdate) =>
    asPerson(unwrap(client.PATCH("/api/v1/persons/{id}", { params: { path: { id } }, body }))),
  caseAction: (id: string, action: CaseAction, body: BodyOf<"/api/v1/persons/{id}/case/open", "post">) =>
    asPerson(unwrap(client.POST(`/api/v1/persons/{id}/case/${action}`, { params: { path: { id } }, body }))),
};

export const fullName = (p: { givenNames: string; familyName: string }) =>
  [p.givenNames, p.familyName].filter(Boolean).join(" ");
