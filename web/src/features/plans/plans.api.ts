// The integration plan of a person: goals per life domain, measures (optionally linked to a
// referral), case conferences with their decisions.
import { queryOptions } from "@tanstack/react-query";
import { type BodyOf, client, type ResponseOf, unwrap } from "../../app/api-client";

export type Plan = ResponseOf<"/api/v1/persons/{id}/plan", "get">;
export type Goal = Plan["goals"][number];
export type Measure = Goal["measures"][number];
export type Conference = Plan["conferences"][number];

export type GoalStatus = Goal["status"];
export const goalStatuses = ["open", "in_progress", "achieved", "dropped"] as const satisfies GoalStatus[];
export type MeasureStatus = Measure["status"];
export const measureStatuses = ["planned", "in_progress", "done", "cancelled"] as const satisfies MeasureStatus[];

export type GoalInput = BodyOf<"/api/v1/persons/{id}/plan/goals", "post">;
export type GoalUpdate = BodyOf<"/api/v1/plan/goals/{id}", "patch">;
export type MeasureInput = BodyOf<"/api/v1/plan/goals/{id}/measures", "post">;
export type MeasureUpdate = BodyOf<"/api/v1/plan/measures/{id}", "patch">;
export type ConferenceInput = BodyOf<"/api/v1/persons/{id}/plan/conferences", "post">;

export const planQuery = (personId: string) =>
  queryOptions({
    queryKey: ["plan", personId],
    queryFn: () => unwrap(client.GET("/api/v1/persons/{id}/plan", { params: { path: { id: personId } } })),
  });

export const plansApi = {
  createGoal: (personId: string, body: GoalInput) =>
    unwrap(client.POST("/api/v1/persons/{id}/plan/goals", { params: { path: { id: personId } }, body })),
  updateGoal: (id: string, body: GoalUpdate) =>
    unwrap(client.PATCH("/api/v1/plan/goals/{id}", { params: { path: { id } }, body })),
  createMeasure: (goalId: string, body: MeasureInput) =>
    unwrap(client.POST("/api/v1/plan/goals/{id}/measures", { params: { path: { id: goalId } }, body })),
  updateMeasure: (id: string, body: MeasureUpdate) =>
    unwrap(client.PATCH("/api/v1/plan/measures/{id}", { params: { path: { id } }, body })),
  recordConference: (personId: string, body: ConferenceInput) =>
    unwrap(client.POST("/api/v1/persons/{id}/plan/conferences", { params: { path: { id: personId } }, body })),
};
