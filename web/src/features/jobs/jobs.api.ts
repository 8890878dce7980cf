// Background jobs as the tenant admin sees them: queues, last runs, failures (GET /jobs).
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../app/api-client";

export const jobNames = ["referral-overdue", "session-purge", "duplicates-nightly", "duplicates-scan"] as const;
export type JobName = (typeof jobNames)[number];
export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

export type JobRun = {
  id: string;
  state: JobState;
  forTenant: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type JobsOverview = {
  queues: {
    name: JobName;
    schedule: { cron: string; tz: string } | null;
    tenantRunnable: boolean;
    queued: number;
    active: number;
    failed: number;
    lastRun: JobRun | null;
  }[];
  failures: (JobRun & { name: JobName; error: string; attempts: number; retryable: boolean })[];
};

export const jobsQuery = queryOptions({
  queryKey: ["jobs"],
  queryFn: () => api.get<JobsOverview>("/jobs"),
  refetchInterval: 15_000,
});

export const jobsApi = {
  run: (name: JobName) => api.post<{ id: string; name: JobName }>(`/jobs/${name}/run`),
  retry: (id: string) => api.post<{ id: string; name: JobName }>(`/jobs/failed/${id}/retry`),
};
