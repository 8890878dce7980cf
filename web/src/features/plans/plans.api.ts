// The integration plan of a person: goals per life domain, measures (optionally linked to a
// referral), case conferences with their decisions.
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../app/api-client";
import type { Category } from "../persons/persons.api";

export const goalStatuses = ["open", "in_progress", "achieved", "dropped"] as const;
export type GoalStatus = (typeof goalStatuses)[number];
export const measureStatuses = ["planned", "in_progress", "done", "cancelled"] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

type Ref = { id: string; name: string };

export type Measure = {
  id: string;
  version: number;
  title: string;
  responsibleOrganisation: Ref;
  responsibleUser: Ref | null;
  dueDate: string | null;
  status: MeasureStatus;
  referral: {
    id: string;
    status: string;
    outcome: string | null;
    outcomeNote: string | null;
    service: string;
    toOrganisationName: string;
  } | null;
  conferenceId: string | null;
};

export type Goal = {
  id: string;
  version: number;
  domain: Category;
  title: string;
  targetDate: string | null;
  status: GoalStatus;
  measures: Measure[];
};

export type Conference = {
  id: string;
  heldOn: string;
  participants: { name: string; organisationId?: string | null; role?: string | null }[];
  notes: string | null;
  decisions: { text: string; measureId?: string | null }[];
};

export type Plan = {
  goals: Goal[];
  conferences: Conference[];
  abilities: { manage: boolean; domains: Category[] };
};

export type GoalInput = { domain?: Category; title: string; targetDate?: string | null; status?: GoalStatus };
export type MeasureInput = {
  title: string;
  responsibleOrganisationId: string;
  responsibleUserId?: string | null;
  dueDate?: string | null;
  status?: MeasureStatus;
  referralId?: string | null;
};
export type ConferenceInput = {
  heldOn: string;
  participants: { name: string; organisationId?: string; role?: string }[];
  notes?: string;
  decisions: {
    text: string;
    measure?: { goalId: string; title: string; responsibleOrganisationId: string; dueDate?: string };
  }[];
};

export const planQuery = (personId: string) =>
  queryOptions({ queryKey: ["plan", personId], queryFn: () => api.get<Plan>(`/persons/${personId}/plan`) });

export const plansApi = {
  createGoal: (personId: string, body: GoalInput) => api.post<Goal>(`/persons/${personId}/plan/goals`, body),
  updateGoal: (id: string, body: Partial<GoalInput> & { version: number }) =>
    api.patch<Goal>(`/plan/goals/${id}`, body),
  createMeasure: (goalId: string, body: MeasureInput) => api.post<Measure>(`/plan/goals/${goalId}/measures`, body),
  updateMeasure: (id: string, body: Partial<MeasureInput> & { version: number }) =>
    api.patch<Measure>(`/plan/measures/${id}`, body),
  recordConference: (personId: string, body: ConferenceInput) =>
    api.post<Conference>(`/persons/${personId}/plan/conferences`, body),
};
