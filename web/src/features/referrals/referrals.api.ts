// Referrals between organisations: inbox (incoming/outgoing), one referral with the actions the
// API allows, the Refer dialog's options, and the SLA figures per receiving organisation.
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, type Page } from "../../app/api-client";
import type { Category } from "../persons/persons.api";

export const referralStatuses = ["sent", "accepted", "declined", "completed", "withdrawn"] as const;
export type ReferralStatus = (typeof referralStatuses)[number];
/** Still running: the inbox's default. */
export const openStatuses: ReferralStatus[] = ["sent", "accepted"];
export const declineReasons = [
  "no_capacity",
  "not_responsible",
  "not_eligible",
  "person_unreachable",
  "other",
] as const;
export type DeclineReason = (typeof declineReasons)[number];
export const outcomes = ["service_provided", "partially_provided", "not_taken_up", "referred_on", "other"] as const;
export type Outcome = (typeof outcomes)[number];
export type ReferralAction = "accept" | "decline" | "complete" | "withdraw";

type Ref = { id: string; name: string };

export type Referral = {
  id: string;
  version: number;
  person: { id: string; givenNames: string; familyName: string; birthDate: string | null } | null;
  personId: string;
  fromOrganisation: Ref;
  fromUser: Ref | null;
  toOrganisation: Ref;
  service: string;
  message: string;
  sharedCategories: Category[];
  status: ReferralStatus;
  agreementId: string | null;
  acknowledgeBy: string;
  firstAppointmentBy: string;
  sentAt: string;
  respondedAt: string | null;
  declineReason: DeclineReason | null;
  responseNote: string | null;
  /** The first appointment's date in Germany (also when only the date is known). */
  firstAppointmentOn: string | null;
  /** When the first appointment takes place (ISO date-time); null when only its date is known. */
  firstAppointmentAt: string | null;
  completedAt: string | null;
  outcome: Outcome | null;
  outcomeNote: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  overdue: boolean;
  overdueKind: "acknowledge" | "first_appointment" | null;
  goalId: string | null;
  abilities: Record<ReferralAction, boolean>;
};

export type ReferralFilters = {
  direction?: "incoming" | "outgoing";
  status?: ReferralStatus[];
  due?: "soon" | "overdue";
  personId?: string;
};

export type NewReferral = {
  personId: string;
  toOrganisationId: string;
  service: string;
  message: string;
  sharedCategories: Category[];
  goalId?: string;
};

export type SlaRow = {
  organisationId: string;
  organisationName: string;
  received: number;
  acknowledged: number | null;
  acknowledgedInTime: number | null;
  shareInTime: number | null;
  medianDaysToAcknowledge: number | null;
  overdueOpen: number | null;
  suppressed: boolean;
};

export const referralsQuery = (filters: ReferralFilters) =>
  infiniteQueryOptions({
    queryKey: ["referrals", "list", filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<Referral>>("/referrals", {
        ...filters,
        status: filters.status?.join(","),
        limit: 50,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** A person's referrals (both directions, as far as the actor's organisation is a party). */
export const personReferralsQuery = (personId: string) =>
  queryOptions({
    queryKey: ["referrals", "person", personId],
    queryFn: () => api.get<Page<Referral>>("/referrals", { personId, limit: 100 }),
  });

export const referralQuery = (id: string) =>
  queryOptions({ queryKey: ["referrals", "one", id], queryFn: () => api.get<Referral>(`/referrals/${id}`) });

export const referralOptionsQuery = (personId: string, toOrganisationId: string | null) =>
  queryOptions({
    queryKey: ["referrals", "options", personId, toOrganisationId],
    queryFn: () =>
      api.get<{
        shareableCategories: Category[];
        unshareable: { category: Category; reason: "no-consent-reaches-receiver" | "confidential" }[];
      }>(`/persons/${personId}/referral-options`, {
        toOrganisationId: toOrganisationId ?? undefined,
      }),
  });

export const slaQuery = (from?: string, to?: string) =>
  queryOptions({
    queryKey: ["referrals", "sla", from, to],
    queryFn: () => api.get<{ from?: string; to?: string; items: SlaRow[] }>("/referrals/sla", { from, to }),
  });

export const referralsApi = {
  create: (body: NewReferral) => api.post<Referral>("/referrals", body),
  act: (id: string, action: ReferralAction, body: Record<string, unknown>) =>
    api.post<Referral>(`/referrals/${id}/${action}`, body),
};
