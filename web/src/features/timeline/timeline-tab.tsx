// The case file's timeline: what happened, when and by which organisation, newest first, with
// "load more". Records are described with code-list labels where the case file has them loaded.
import { Paper, Text, Title } from "@mantine/core";
import { IconFileText, IconFolder, IconNotes } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormat } from "../../app/format";
import { ListFooter } from "../../app/list-parts";
import { PageLoader, ProblemAlert } from "../../app/page";
import { useOrganisationNames } from "../organisations/organisations.api";
import { type CaseStatus, caseStatuses, type Person } from "../persons/persons.api";
import { usePersonStrings } from "../persons/persons.i18n";
import { useRecordFormat } from "../records/record-format";
import { useRecordStrings } from "../records/records.i18n";
import { type TimelineEntry, timelineQuery } from "./timeline.api";
import { useTimelineStrings } from "./timeline.i18n";

export function TimelineTab({ person }: { person: Person }) {
  const t = useTimelineStrings();
  const query = useInfiniteQuery(timelineQuery(person.id));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="timeline-heading">
      <Title order={2} id="timeline-heading">
        {t("title")}
      </Title>
      <Text c="dimmed" size="sm" mt={4} mb="md">
        {t("intro")}
      </Text>
      <ProblemAlert error={query.error} />
      {query.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{t("empty")}</Text>
        </Paper>
      ) : (
        <Paper withBorder p="lg" radius="md">
          <ol className="timeline" aria-label={t("label")} data-testid="timeline">
            {items.map((e) => (
              <TimelineItem key={`${e.type}:${e.id}`} entry={e} person={person} />
            ))}
          </ol>
        </Paper>
      )}
      {query.data ? (
        <ListFooter
          count={items.length}
          hasMore={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
        />
      ) : null}
    </section>
  );
}

function TimelineItem({ entry: e, person }: { entry: TimelineEntry; person: Person }) {
  const t = useTimelineStrings();
  const tr = useRecordStrings();
  const tp = usePersonStrings();
  const fmt = useFormat();
  const format = useRecordFormat();
  const organisations = useOrganisationNames();
  const organisation = organisations.get(e.organisationId) ?? "…";

  let title: string;
  let detail: string;
  let icon = <IconNotes size={18} />;
  if (e.type === "record") {
    const record = person.records?.find((r) => r.id === e.id);
    title = t("recordIn", { kind: format.kindLabel(e.kind ?? ""), category: tr(`category.${e.category}`) });
    detail = record ? format.summary(record) : e.summary;
  } else if (e.type === "document") {
    title = `${t("document")} · ${tr(`category.${e.category}`)}`;
    detail = e.summary;
    icon = <IconFileText size={18} />;
  } else {
    const [change = "", ...reason] = e.summary.split(" · ");
    const status = (s: string) => (caseStatuses.includes(s as CaseStatus) ? tp(`caseStatus.${s as CaseStatus}`) : s);
    title = t(`case.${e.action}` as never, { defaultValue: e.action ?? "" });
    detail = [
      change.split(" → ").map(status).join(" → "),
      reason.length ? t("reason", { reason: reason.join(" · ") }) : "",
    ]
      .filter(Boolean)
      .join(" · ");
    icon = <IconFolder size={18} />;
  }

  return (
    <li data-testid="timeline-entry">
      <span className="timeline-icon" aria-hidden="true">
        {icon}
      </span>
      <Text size="sm" c="dimmed">
        <time dateTime={e.at}>{fmt.dateTime(e.at)}</time> · {organisation}
      </Text>
      <Text fw={650}>{title}</Text>
      {detail ? <Text size="sm">{detail}</Text> : null}
    </li>
  );
}
