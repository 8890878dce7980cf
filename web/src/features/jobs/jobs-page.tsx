// The tenant admin's view of the background jobs: each queue with its schedule, last run and
// counts, a run on demand for the tenant, and the failed runs with their errors and a retry.
import { Button, Stack, Table, Text, Title } from "@mantine/core";
import { IconPlayerPlay, IconRefresh } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
      <Table className="data-table" data-testid="jobs-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("job")}</Table.Th>
            <Table.Th scope="col">{t("schedule")}</Table.Th>
            <Table.Th scope="col">{t("lastRun")}</Table.Th>
            <Table.Th scope="col">{t("waiting")}</Table.Th>
            <Table.Th scope="col">{t("running")}</Table.Th>
            <Table.Th scope="col">{t("failedCount")}</Table.Th>
            <Table.Th scope="col">{t("actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {overview.queues.map((q) => (
            <Table.Tr key={q.name}>
              <Table.Th scope="row">{t(`names.${q.name}`)}</Table.Th>
              <Table.Td>{schedule(q.schedule)}</Table.Td>
              <Table.Td>
                <RunCell run={q.lastRun} />
              </Table.Td>
              <Table.Td>{fmt.number(q.queued)}</Table.Td>
              <Table.Td>{fmt.number(q.active)}</Table.Td>
              <Table.Td>{fmt.number(q.failed)}</Table.Td>
              <Table.Td>
                {q.tenantRunnable ? (
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
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
      {overview.failures.length === 0 ? (
        <Text>{t("noFailures")}</Text>
      ) : (
        <Table className="data-table" data-testid="job-failures-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("job")}</Table.Th>
              <Table.Th scope="col">{t("failedAt")}</Table.Th>
              <Table.Th scope="col">{t("error")}</Table.Th>
              <Table.Th scope="col">{t("attempts")}</Table.Th>
              <Table.Th scope="col">{t("actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overview.failures.map((f) => {
              const at = fmt.dateTime(f.finishedAt ?? f.createdAt);
              return (
                <Table.Tr key={f.id}>
                  <Table.Th scope="row">
                    {t(`names.${f.name}`)}
                    {f.forTenant ? "" : ` (${t("forAll")})`}
                  </Table.Th>
                  <Table.Td>{at}</Table.Td>
                  <Table.Td>
                    <code>{f.error}</code>
                  </Table.Td>
                  <Table.Td>{fmt.number(f.attempts)}</Table.Td>
                  <Table.Td>
                    {f.retryable ? (
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconRefresh size={16} aria-hidden="true" />}
                        aria-label={t("retryLabel", { job: t(`names.${f.name}`), at })}
                        loading={retry.isPending && retry.variables === f.id}
                        onClick={() => retry.mutate(f.id)}
                      >
                        {t("retry")}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
