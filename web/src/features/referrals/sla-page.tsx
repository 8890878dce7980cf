// SLA figures for the steering group and the tenant admin: per receiving organisation, referrals
// received, share acknowledged in time, median working days to acknowledge, open overdue.
import { Button, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { DataTable } from "../../app/data-table";
import { useFormat } from "../../app/format";
import { FilterBar } from "../../app/list-parts";
import { PageHeader, ProblemAlert } from "../../app/page";
import { slaQuery } from "./referrals.api";
import { useReferralStrings } from "./referrals.i18n";

const route = getRouteApi("/_app/reports/referrals");

export function SlaPage() {
  const t = useReferralStrings();
  const fmt = useFormat();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [from, setFrom] = useState(search.from ?? "");
  const [to, setTo] = useState(search.to ?? "");
  const query = useQuery(slaQuery(search.from, search.to));
  const items = query.data?.items ?? [];
  // The period the server applied (its default when none is chosen) fills the empty fields.
  const period = query.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when a new answer arrives
  useEffect(() => {
    if (period?.from && !from) setFrom(period.from);
    if (period?.to && !to) setTo(period.to);
  }, [period]);
  const num = (v: number | null, suppressed: boolean) =>
    suppressed || v === null ? t("sla.suppressed") : fmt.number(v);
  const percent = (v: number | null, suppressed: boolean) =>
    suppressed || v === null
      ? t("sla.suppressed")
      : new Intl.NumberFormat(fmt.locale, { style: "percent", maximumFractionDigits: 0 }).format(v > 1 ? v / 100 : v);

  return (
    <>
      <PageHeader title={t("sla.title")} description={t("sla.intro")} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void navigate({ search: { from: from || undefined, to: to || undefined }, replace: true });
        }}
      >
        <FilterBar label={t("sla.caption")}>
          <TextInput type="date" label={t("sla.from")} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="date" label={t("sla.to")} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <Button type="submit" variant="default">
            {t("sla.apply")}
          </Button>
        </FilterBar>
      </form>
      <ProblemAlert error={query.error} />
      <DataTable
        caption={t("sla.caption")}
        testId="sla-table"
        loading={query.isPending}
        rows={items}
        rowKey={(r) => r.organisationId}
        empty={t("sla.empty")}
        columns={[
          { key: "organisation", header: t("sla.organisation"), rowHeader: true, cell: (r) => r.organisationName },
          { key: "received", header: t("sla.received"), numeric: true, cell: (r) => num(r.received, r.suppressed) },
          {
            key: "acknowledged",
            header: t("sla.acknowledged"),
            numeric: true,
            cell: (r) => num(r.acknowledged, r.suppressed),
          },
          { key: "inTime", header: t("sla.inTime"), numeric: true, cell: (r) => percent(r.shareInTime, r.suppressed) },
          {
            key: "median",
            header: t("sla.median"),
            numeric: true,
            cell: (r) =>
              r.suppressed || r.medianDaysToAcknowledge === null
                ? t("sla.suppressed")
                : fmt.number(r.medianDaysToAcknowledge),
          },
          {
            key: "overdueOpen",
            header: t("sla.overdueOpen"),
            numeric: true,
            cell: (r) => num(r.overdueOpen, r.suppressed),
          },
        ]}
      />
      <Text size="sm" c="dimmed" mt="sm">
        {t("sla.suppressedNote")}
      </Text>
    </>
  );
}
