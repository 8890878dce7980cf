// Referrals between organisations: inbox (incoming/outgoing), one referral with the actions the
// API allows, the Refer dialog's options, and the SLA figures per receiving organisation.
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { type BodyOf, client, type QueryOf, type ResponseOf, type Schemas, unwrap } from "../../app/api-client";

export type Referral = Schemas["Referral"];
export type ReferralStatus = Referral["status"];
export const referralStatuses = [
  "sent",
  "accepted",
  "declined",
  "completed",
  "withdrawn",
] as const satisfies ReferralStatus[];
/** Still running: the inbox's default. */
export const openStatuses: ReferralStatus[] = ["sent", "accepted"];
export type DeclineReason = BodyOf<"/api/v1/referrals/{id}/decline", "post">["reason"];
export const declineReasons = [
  "no_capacity",
  "not_responsible",
  "not_eligible",
  "person_unreachable",
  "other",
] as const satisfies DeclineReason[];
export type Outcome = BodyOf<"/api/v1/referrals/{id}/complete", "post">["outcome"];
export const outcomes = [
  "service_provided",
  "partially_provided",
  "not_taken_up",
  "referred_on",
  "other",
] as const satisfies Outcome[];
export type ReferralAction = keyof Referral["abilities"];
type ActionPath = `/api/v1/referrals/{id}/${ReferralAction}`;

type ReferralsQuery = QueryOf<"/api/v1/referrals", "get">;
/** `status` as a list here; the API takes it comma-separated. */
export type ReferralFilters = Omit<ReferralsQuery, "status" | "limit" | "cursor"> & { status?: ReferralStatus[] };

export type NewReferral = BodyOf<"/api/v1/referrals", "post">;
export type ReferralOptions = ResponseOf<"/api/v1/persons/{id}/referral-options", "get">;
export type SlaRow = ResponseOf<"/api/v1/referrals/sla", "get">["items"][number];

export const referralsQuery = (filters: ReferralFilters) =>
  infiniteQueryOptions({
    queryKey: ["referrals", "list", filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET("/api/v1/referrals", {
          params: { query: { ...filters, status: filters.status?.join(","), limit: 50, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** A person's referrals (both directions, as far as the actor's organisation is a party). */
export const personReferralsQuery = (personId: string) =>
  queryOptions({
    queryKey: ["referrals", "person", personId],
    queryFn: () => unwrap(client.GET("/api/v1/referrals", { params: { query: { personId, limit: 100 } } })),
  });

export const referralQuery = (id: string) =>
  queryOptions({
    queryKey: ["referrals", "one", id],
    queryFn: () => unwrap(client.GET("/api/v1/referrals/{id}", { params: { path: { id } } })),
  });

export const referralOptionsQuery = (personId: string, toOrganisationId: string | null) =>
  queryOptions({
    queryKey: ["referrals", "options", personId, toOrganisationId],
    queryFn: () =>
      unwrap(
        client.GET("/api/v1/persons/{id}/referral-options", {
          params: { path: { id: personId }, query: { toOrganisationId: toOrganisationId ?? undefined } },
        }),
      ),
  });

export const slaQuery = (from?: string, to?: string) =>
  queryOptions({
    queryKey: ["referrals", "sla", from, to],
    queryFn: () => unwrap(client.GET("/api/v1/referrals/sla", { params: { query: { from, to } } })),
  });

export const referralsApi = {
  create: (body: NewReferral) => unwrap(client.POST("/api/v1/referrals", { body })),
  /** The action dialog builds the body of each action from one form; the server checks it per action. */
  act: (id: string, action: ReferralAction, body: Record<string, unknown>) =>
    unwrap(
      client.POST(`/api/v1/referrals/{id}/${action}` as ActionPath, {
        params: { path: { id } },
        body: body as BodyOf<ActionPath, "post">,
      }),
    ),
};
