// Background jobs as the tenant admin sees them: queues, last runs, failures (GET /jobs).
import { queryOptions } from "@tanstack/react-query";
import { client, type Schemas, unwrap } from "../../app/api-client";

export type JobsOverview = Schemas["JobsOverview"];
export type JobName = JobsOverview["queues"][number]["name"];
export const jobNames = [
  "referral-overdue",
  "session-purge",
  "duplicates-nightly",
  "duplicates-scan",
] as const satisfies JobName[];
export type JobRun = NonNullable<JobsOverview["queues"][number]["lastRun"]>;
export type JobState = JobRun["state"];

export const jobsQuery = queryOptions({
  queryKey: ["jobs"],
  queryFn: () => unwrap(client.GET("/api/v1/jobs")),
  refetchInterval: 15_000,
});

export const jobsApi = {
  run: (name: JobName) => unwrap(client.POST("/api/v1/jobs/{name}/run", { params: { path: { name } } })),
  retry: (id: string) => unwrap(client.POST("/api/v1/jobs/failed/{id}/retry", { params: { path: { id } } })),
};
