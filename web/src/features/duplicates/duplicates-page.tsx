// The review of possible duplicates: pairs side by side with the reasons of the match; "not a
// duplicate" dismisses a pair, "merge" opens the field-by-field merge dialog. After a merge a
// banner offers Undo.
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowBackUp, IconCheck } from "@tabler/icons-react";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { lazy, type ReactNode, Suspense, useState } from "react";
import { DataTable } from "../../app/data-table";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import { useMe } from "../auth/auth.api";
import { usePartialDate } from "../persons/partial-dates";
import { type CaseStatus, caseStatuses, type Sex, sexes } from "../persons/persons.api";
import { usePersonStrings } from "../persons/persons.i18n";
import { useCountries } from "../persons/reference.api";
import { useReasonWords } from "../search/search.i18n";
import {
  type DuplicatePair,
  duplicatesApi,
  duplicatesQueryKey,
  type MergeResult,
  type PairPerson,
} from "./duplicates.api";
import { useDuplicateStrings } from "./duplicates.i18n";

const MergeDialog = lazy(() => import("./merge-dialog").then((m) => ({ default: m.MergeDialog })));

export function DuplicatesPage() {
  const t = useDuplicateStrings();
  const words = useReasonWords();
  const me = useMe();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const [merged, setMerged] = useState<MergeResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const query = useInfiniteQuery({
    queryKey: duplicatesQueryKey,
    queryFn: ({ pageParam }) => duplicatesApi.list(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const pairs = query.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["duplicates"] });

  const dismiss = async (pair: DuplicatePair) => {
    setBusy(pair.id);
    setError(null);
    try {
      await duplicatesApi.dismiss(pair.id);
      setMerged(null);
      setMessage(t("page.dismissed"));
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const scan = async () => {
    setBusy("scan");
    setError(null);
    try {
      const r = await duplicatesApi.scan();
      setMerged(null);
      setMessage(t("page.scanned", { pairs: r.pairs, persons: r.persons }));
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const undo = async () => {
    if (!merged) return;
    setBusy("undo");
    setError(null);
    try {
      await duplicatesApi.undo(merged.mergeId);
      setMerged(null);
      setMessage(t("merge.undone"));
      await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: ["persons"] })]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t("page.title")}
        description={t("page.intro")}
        actions={
          me.user.role === "case_manager" ? (
            <Button variant="default" onClick={() => void scan()} loading={busy === "scan"}>
              {t("page.scan")}
            </Button>
          ) : null
        }
      />
      <ProblemAlert error={error} />
      <div role="status" aria-live="polite">
        {merged ? (
          <Alert
            color="green"
            variant="light"
            icon={<IconCheck aria-hidden="true" />}
            title={t("merge.done")}
            mb="md"
            data-testid="merge-banner"
            styles={{ title: { color: "#0b3d1a" }, message: { color: "#1a1d21" } }}
          >
            <Group gap="sm" mt="xs">
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={16} aria-hidden="true" />}
                onClick={() => void undo()}
                loading={busy === "undo"}
              >
                {t("merge.undo")}
              </Button>
              <Anchor
                renderRoot={(props) => (
                  <Link {...props} to="/persons/$personId" params={{ personId: merged.survivorId }} />
                )}
              >
                {t("merge.openSurvivor")}
              </Anchor>
            </Group>
          </Alert>
        ) : message ? (
          <Alert color="blue" variant="light" mb="md" styles={{ message: { color: "#1a1d21" } }}>
            {message}
          </Alert>
        ) : null}
      </div>
      {query.isPending ? (
        <PageLoader />
      ) : (
        <>
          <ProblemAlert error={query.error} />
          {pairs.length === 0 ? (
            <Text c="dimmed" py="md">
              {t("page.empty")}
            </Text>
          ) : (
            <Stack gap="md" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {pairs.map((pair, i) => (
                <Paper component="li" key={pair.id} withBorder p="lg" radius="md" data-testid="duplicate-pair">
                  <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
                    <Title order={2} size="h4">
                      {t("page.pair", { index: i + 1 })}
                    </Title>
                    <Badge color="strang" variant="light" size="lg">
                      {t("page.score", { percent: Math.round(pair.score * 100) })}
                    </Badge>
                  </Group>
                  <Text size="sm" mb="md">
                    <Text span fw={600}>
                      {t("page.reasons")}:
                    </Text>{" "}
                    {words(pair.reasons)}
                  </Text>
                  <PairTable a={pair.personA} b={pair.personB} />
                  <Group gap="sm" mt="md">
                    <Button onClick={() => setMerging(pair)}>{t("page.merge")}</Button>
                    <Button variant="default" onClick={() => void dismiss(pair)} loading={busy === pair.id}>
                      {t("page.dismiss")}
                    </Button>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
          {query.hasNextPage ? (
            <Button
              variant="default"
              mt="md"
              onClick={() => void query.fetchNextPage()}
              loading={query.isFetchingNextPage}
            >
              {t("page.loadMore")}
            </Button>
          ) : null}
        </>
      )}
      {merging ? (
        <Suspense fallback={null}>
          <MergeDialog
            pair={merging}
            onClose={() => setMerging(null)}
            onMerged={async (result) => {
              setMerging(null);
              setMessage(null);
              setMerged(result);
              await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: ["persons"] })]);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}

function PairTable({ a, b }: { a: PairPerson; b: PairPerson }) {
  const t = useDuplicateStrings();
  const tp = usePersonStrings();
  const dates = usePartialDate();
  const countries = useCountries();
  const sex = (p: PairPerson) => (sexes.includes(p.sex as Sex) ? tp(`sex.${p.sex as Sex}`) : p.sex);
  const status = (p: PairPerson) =>
    caseStatuses.includes(p.caseStatus as CaseStatus) ? tp(`caseStatus.${p.caseStatus as CaseStatus}`) : p.caseStatus;
  const name = (p: PairPerson) => (
    <Anchor renderRoot={(props) => <Link {...props} to="/persons/$personId" params={{ personId: p.id }} />}>
      {[p.givenNames, p.familyName].filter(Boolean).join(" ")}
    </Anchor>
  );
  const fields: { label: string; value: (p: PairPerson) => ReactNode }[] = [
    { label: t("field.name"), value: name },
    { label: t("field.alternativeNames"), value: (p) => p.alternativeNames.join(", ") || t("merge.empty") },
    { label: t("field.birthDate"), value: (p) => dates.format(p.birthDate, t("merge.empty")) },
    { label: t("field.birthPlace"), value: (p) => p.birthPlace ?? t("merge.empty") },
    { label: t("field.sex"), value: sex },
    {
      label: t("field.nationalities"),
      value: (p) => p.nationalities.map((c) => countries.name(c)).join(", ") || t("merge.empty"),
    },
    { label: t("field.caseStatus"), value: status },
  ];
  return (
    <DataTable
      caption={t("page.comparison")}
      rows={fields}
      rowKey={(f) => f.label}
      empty={null}
      columns={[
        { key: "field", header: t("page.field"), hideHeader: true, rowHeader: true, cell: (f) => f.label },
        { key: "a", header: t("page.personA"), cell: (f) => f.value(a) },
        { key: "b", header: t("page.personB"), cell: (f) => f.value(b) },
      ]}
    />
  );
}
