// The inbox: notifications newest first, unread or all; mark one or all as read; each links where the
// server says its recipient may go (a referral's page, or the deadline figures for an admin who may
// not open the referral), or nowhere.
import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { IconBellRinging, IconChecks } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useFormat } from "../../app/format";
import { ListFooter } from "../../app/list-parts";
import { notifySuccess } from "../../app/notify";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { useServices } from "../directory/services.api";
import { useOrganisationNames } from "../organisations/organisations.api";
import { type Notification, notificationsApi, notificationsQuery } from "./notifications.api";
import { useNotificationStrings } from "./notifications.i18n";

const route = getRouteApi("/_app/notifications");

export function NotificationsPage() {
  const t = useNotificationStrings();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const unread = !search.all;
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(notificationsQuery(unread));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["notifications"] });
  const readAll = useMutation({
    mutationFn: notificationsApi.readAll,
    onSuccess: async () => {
      await refresh();
      notifySuccess(t("allRead"));
    },
  });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <Button
            variant="default"
            leftSection={<IconChecks size={18} aria-hidden="true" />}
            onClick={() => readAll.mutate()}
            loading={readAll.isPending}
          >
            {t("markAllRead")}
          </Button>
        }
      />
      <Group mb="md">
        <SegmentedControl
          aria-label={t("tabsLabel")}
          value={unread ? "unread" : "all"}
          onChange={(v) => void navigate({ search: { all: v === "all" ? true : undefined }, replace: true })}
          data={[
            { value: "unread", label: t("unread") },
            { value: "all", label: t("all") },
          ]}
        />
      </Group>
      <ProblemAlert error={query.error ?? readAll.error} />
      {query.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text c="dimmed">{unread ? t("emptyUnread") : t("empty")}</Text>
        </Paper>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="notifications">
          {items.map((n) => (
            <li key={n.id}>
              <NotificationItem notification={n} onChanged={refresh} />
            </li>
          ))}
        </Stack>
      )}
      {query.data ? (
        <ListFooter
          count={items.length}
          hasMore={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
        />
      ) : null}
    </>
  );
}

/** The sentence of a notification, from its kind and neutral parameters. */
export function useNotificationText() {
  const t = useNotificationStrings();
  const fmt = useFormat();
  const services = useServices();
  const names = useOrganisationNames();
  return (n: Notification) => {
    const p = n.params;
    const str = (k: string) => (typeof p[k] === "string" ? (p[k] as string) : undefined);
    const orgRef =
      str("fromOrganisationName") ?? str("organisationName") ?? str("fromOrganisation") ?? str("organisation");
    const organisation = orgRef ? (names.get(orgRef) ?? orgRef) : undefined;
    const date = str("acknowledgeBy") ?? str("dueOn");
    const deadline = str("deadline") === "first_appointment" ? "first_appointment" : "acknowledge";
    const kind = n.kind.replace(/^referral\./, "") as "received";
    return t(`kind.${kind}`, {
      service: services.label(str("service") ?? ""),
      from: organisation ? t("from", { organisation }) : "",
      date: date ? fmt.date(date) : "–",
      deadline: t(`deadline.${deadline}`),
    });
  };
}

function NotificationItem({ notification: n, onChanged }: { notification: Notification; onChanged: () => void }) {
  const t = useNotificationStrings();
  const fmt = useFormat();
  const text = useNotificationText();
  const read = useMutation({ mutationFn: () => notificationsApi.read(n.id), onSuccess: onChanged });
  const unread = n.readAt === null;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      style={unread ? { borderLeft: "4px solid #1b4a7c" } : undefined}
      data-testid="notification"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconBellRinging size={20} aria-hidden="true" style={{ flexShrink: 0, marginTop: 2, color: "#1b4a7c" }} />
          <div style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              {unread ? <StatusBadge tone="warning">{t("new")}</StatusBadge> : null}
              <Text size="xs" c="dimmed">
                {fmt.dateTime(n.createdAt)}
              </Text>
            </Group>
            <Text mt={4} fw={unread ? 600 : 400}>
              {n.target === "subject" && n.subjectType === "referral" ? (
                <Anchor
                  renderRoot={(props) => (
                    <Link {...props} to="/referrals/$referralId" params={{ referralId: n.subjectId }} />
                  )}
                  onClick={() => (unread ? read.mutate() : undefined)}
                >
                  {text(n)}
                </Anchor>
              ) : n.target === "referral_sla" ? (
                <Anchor
                  renderRoot={(props) => <Link {...props} to="/reports/referrals" />}
                  onClick={() => (unread ? read.mutate() : undefined)}
                  data-testid="notification-sla-link"
                >
                  {text(n)}
                </Anchor>
              ) : (
                text(n)
              )}
            </Text>
          </div>
        </Group>
        {unread ? (
          <Button
            variant="subtle"
            size="compact-sm"
            style={{ flexShrink: 0 }}
            onClick={() => read.mutate()}
            loading={read.isPending}
          >
            {t("markRead")}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
