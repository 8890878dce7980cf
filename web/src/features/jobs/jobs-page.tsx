// The tenant admin's view of the background jobs: each queue with its schedule, last run and
// counts, a run on demand for the tenant, and the failed runs with their errors and a retry.
import { Button, Stack, Text, Title } from "@mantine/core";
import { IconPlayerPlay, IconRefresh } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DataTable } from "../../app/data-table";
import { useFormat } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { type JobName, type JobRun, type JobState, type JobsOverview, jobsApi, jobsQuery } from "./jobs.api";
import { useJobsStrings } from "./jobs.i18n";

const tone = (s: JobState) =>
  s === "completed" ? "success" : s === "failed" ? "danger" : s === "retry" ? "warning" : "neutral";

export function JobsPage() {
  const t = useJobsStrings();
  const query = useQuery(jobsQuery);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ProblemAlert error={query.error} />
      {query.isPending ? (
        <PageLoader />
      ) : query.data ? (
        <Stack gap="xl">
          <Queues overview={query.data} />
          <Failures overview={query.data} />
        </Stack>
      ) : null}
    </>
  );
}

function useScheduleText() {
  const t = useJobsStrings();
  return (schedule: { cron: string } | null) => {
    if (!schedule) return t("onDemand");
    if (schedule.cron === "*/15 * * * *") return t("every15");
    if (schedule.cron === "*/10 * * * *") return t("every10");
    const m = /^(\d+) (\d+) \* \* \*$/.exec(schedule.cron);
    if (m) return t("daily", { time: `${m[2]?.padStart(2, "0")}:${m[1]?.padStart(2, "0")}` });
    return schedule.cron;
  };
}

function RunCell({ run }: { run: JobRun | null }) {
  const t = useJobsStrings();
  const fmt = useFormat();
  if (!run) return <Text size="sm">{t("never")}</Text>;
  return (
    <Stack gap={2}>
      <span>
        <StatusBadge tone={tone(run.state)}>{t(`states.${run.state}`)}</StatusBadge>
      </span>
      <Text size="sm">
        {fmt.dateTime(run.finishedAt ?? run.createdAt)}
        {run.forTenant ? "" : ` (${t("forAll")})`}
      </Text>
    </Stack>
  );
}

function Queues({ overview }: { overview: JobsOverview }) {
  const t = useJobsStrings();
  const fmt = useFormat();
  const schedule = useScheduleText();
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: (name: JobName) => jobsApi.run(name),
    onSuccess: (res) => {
      notifySuccess(t("started", { job: t(`names.${res.name}`) }));
      void qc.invalidateQueries({ queryKey: jobsQuery.queryKey });
    },
  });
  return (
    <section aria-labelledby="jobs-queues">
      <Title order={2} id="jobs-queues" size="h3" mb="sm">
        {t("queuesTitle")}
      </Title>
      <ProblemAlert error={run.error} />
      <DataTable
        caption={t("queuesTitle")}
        testId="jobs-table"
        rows={overview.queues}
        rowKey={(q) => q.name}
        empty={null}
        columns={[
          { key: "job", header: t("job"), rowHeader: true, cell: (q) => t(`names.${q.name}`) },
          { key: "schedule", header: t("schedule"), cell: (q) => schedule(q.schedule) },
          { key: "lastRun", header: t("lastRun"), cell: (q) => <RunCell run={q.lastRun} /> },
          { key: "waiting", header: t("waiting"), cell: (q) => fmt.number(q.queued) },
          { key: "running", header: t("running"), cell: (q) => fmt.number(q.active) },
          { key: "failed", header: t("failedCount"), cell: (q) => fmt.number(q.failed) },
          {
            key: "actions",
            header: t("actions"),
            cell: (q) =>
              q.tenantRunnable ? (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPlayerPlay size={16} aria-hidden="true" />}
                  aria-label={t("runLabel", { job: t(`names.${q.name}`) })}
                  loading={run.isPending && run.variables === q.name}
                  onClick={() => run.mutate(q.name)}
                >
                  {t("run")}
                </Button>
              ) : null,
          },
        ]}
      />
    </section>
  );
}

function Failures({ overview }: { overview: JobsOverview }) {
  const t = useJobsStrings();
  const fmt = useFormat();
  const qc = useQueryClient();
  const retry = useMutation({
    mutationFn: (id: string) => jobsApi.retry(id),
    onSuccess: () => {
      notifySuccess(t("retried"));
      void qc.invalidateQueries({ queryKey: jobsQuery.queryKey });
    },
  });
  return (
    <section aria-labelledby="jobs-failures">
      <Title order={2} id="jobs-failures" size="h3" mb="sm">
        {t("failuresTitle")}
      </Title>
      <ProblemAlert error={retry.error} />
      <DataTable
        caption={t("failuresTitle")}
        testId="job-failures-table"
        rows={overview.failures}
        rowKey={(f) => f.id}
        empty={t("noFailures")}
        columns={[
          {
            key: "job",
            header: t("job"),
            rowHeader: true,
            cell: (f) => `${t(`names.${f.name}`)}${f.forTenant ? "" : ` (${t("forAll")})`}`,
          },
          { key: "failedAt", header: t("failedAt"), cell: (f) => fmt.dateTime(f.finishedAt ?? f.createdAt) },
          { key: "error", header: t("error"), cell: (f) => <code>{f.error}</code> },
          { key: "attempts", header: t("attempts"), cell: (f) => fmt.number(f.attempts) },
          {
            key: "actions",
            header: t("actions"),
            cell: (f) =>
              f.retryable ? (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconRefresh size={16} aria-hidden="true" />}
                  aria-label={t("retryLabel", {
                    job: t(`names.${f.name}`),
                    at: fmt.dateTime(f.finishedAt ?? f.createdAt),
                  })}
                  loading={retry.isPending && retry.variables === f.id}
                  onClick={() => retry.mutate(f.id)}
                >
                  {t("retry")}
                </Button>
              ) : null,
          },
        ]}
      />
    </section>
  );
}
