// The referral inbox: incoming and outgoing referrals with status and due filters, overdue badges
// and due dates; each row links to the referral. It opens on the open referrals (sent and accepted):
// ended ones mostly no longer show the person. The lead organisation (the integration office) mostly
// sends referrals, so its inbox opens on the outgoing ones.
import { Anchor, Group, NativeSelect, SegmentedControl, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { DataTable } from "../../app/data-table";
import { FilterBar } from "../../app/list-parts";
import { PageHeader, ProblemAlert } from "../../app/page";
import { useMe } from "../auth/auth.api";
import { useServices } from "../directory/services.api";
import { Deadlines, OverdueBadge, personName, ReferralStatusBadge, useShortDate } from "./referral-parts";
import { openStatuses, type ReferralStatus, referralStatuses, referralsQuery } from "./referrals.api";
import { useReferralStrings } from "./referrals.i18n";

const route = getRouteApi("/_app/referrals");

export function ReferralsPage() {
  const t = useReferralStrings();
  const fmt = { date: useShortDate() };
  const services = useServices();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useMe();
  const defaultDirection = me.organisation.type === "integration_office" ? "outgoing" : "incoming";
  const direction = search.direction ?? defaultDirection;
  const status = search.status ?? "open";
  const set = (patch: Record<string, string | undefined>) =>
    void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const query = useInfiniteQuery(
    referralsQuery({
      direction,
      status: status === "all" ? undefined : status === "open" ? openStatuses : [status],
      due: search.due,
    }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t("inbox.title")} description={t("inbox.intro")} />
      <FilterBar label={t("inbox.filters")}>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="direction-label">
            {t("inbox.direction")}
          </Text>
          <SegmentedControl
            aria-labelledby="direction-label"
            value={direction}
            onChange={(v) => set({ direction: v === defaultDirection ? undefined : v })}
            data={[
              { value: "incoming", label: t("inbox.incoming") },
              { value: "outgoing", label: t("inbox.outgoing") },
            ]}
            data-testid="direction"
          />
        </Stack>
        <NativeSelect
          label={t("inbox.status")}
          value={status}
          onChange={(e) => set({ status: e.currentTarget.value === "open" ? undefined : e.currentTarget.value })}
          data={[
            { value: "open", label: t("inbox.openStatus") },
            { value: "all", label: t("inbox.anyStatus") },
            ...referralStatuses.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
          data-testid="status-filter"
          w={{ base: "100%", sm: 300 }}
        />
        <NativeSelect
          label={t("inbox.due")}
          value={search.due ?? ""}
          onChange={(e) => set({ due: e.currentTarget.value || undefined })}
          data={[
            { value: "", label: t("inbox.anyDue") },
            { value: "soon", label: t("inbox.dueSoon") },
            { value: "overdue", label: t("inbox.overdue") },
          ]}
          w={{ base: "100%", sm: 200 }}
        />
      </FilterBar>
      <ProblemAlert error={query.error} />
      <DataTable
        caption={t("inbox.caption")}
        testId="referrals-table"
        loading={query.isPending}
        rows={items}
        rowKey={(r) => r.id}
        rowProps={() => ({ "data-testid": "referral-row" })}
        empty={t("inbox.empty")}
        paging={query.data ? query : undefined}
        columns={[
          {
            key: "person",
            header: t("inbox.person"),
            rowHeader: true,
            cell: (r) => (
              <>
                <Anchor
                  fw={600}
                  renderRoot={(props) => <Link {...props} to="/referrals/$referralId" params={{ referralId: r.id }} />}
                >
                  {r.person ? personName(r.person) : t("inbox.personHidden")}
                </Anchor>
                {r.person?.birthDate ? (
                  <Text size="xs" c="dimmed" fw={400}>
                    {t("inbox.born", { date: fmt.date(r.person.birthDate) })}
                  </Text>
                ) : null}
              </>
            ),
          },
          { key: "service", header: t("inbox.service"), cell: (r) => services.label(r.service) },
          {
            key: "partner",
            header: direction === "incoming" ? t("inbox.from") : t("inbox.to"),
            cell: (r) => (direction === "incoming" ? r.fromOrganisation.name : r.toOrganisation.name),
          },
          { key: "sent", header: t("inbox.sent"), nowrap: true, cell: (r) => fmt.date(r.sentAt) },
          {
            key: "status",
            header: t("inbox.status"),
            cell: (r) => (
              <Group gap={6}>
                <ReferralStatusBadge status={r.status as ReferralStatus} />
                <OverdueBadge referral={r} />
              </Group>
            ),
          },
          { key: "deadlines", header: t("inbox.deadlines"), cell: (r) => <Deadlines referral={r} /> },
        ]}
      />
    </>
  );
}
