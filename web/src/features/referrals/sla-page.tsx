// SLA figures for the steering group and the tenant admin: per receiving organisation, referrals
// received, share acknowledged in time, median working days to acknowledge, open overdue.
import { Button, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useFormat } from "../../app/format";
import { FilterBar, TableRegion } from "../../app/list-parts";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
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
      {query.isPending ? (
        <PageLoader />
      ) : (
        <TableRegion label={t("sla.caption")}>
          <Table className="data-table" data-testid="sla-table">
            <Table.Caption style={{ captionSide: "top" }}>
              <VisuallyHidden>{t("sla.caption")}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("sla.organisation")}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right", whiteSpace: "normal", verticalAlign: "bottom" }}>
                  {t("sla.received")}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right", whiteSpace: "normal", verticalAlign: "bottom" }}>
                  {t("sla.acknowledged")}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right", whiteSpace: "normal", verticalAlign: "bottom" }}>
                  {t("sla.inTime")}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right", whiteSpace: "normal", verticalAlign: "bottom" }}>
                  {t("sla.median")}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right", whiteSpace: "normal", verticalAlign: "bottom" }}>
                  {t("sla.overdueOpen")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text py="md" c="dimmed">
                      {t("sla.empty")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                items.map((r) => (
                  <Table.Tr key={r.organisationId}>
                    <Table.Th scope="row">{r.organisationName}</Table.Th>
                    <Table.Td style={{ textAlign: "right" }}>{num(r.received, r.suppressed)}</Table.Td>
                    <Table.Td style={{ textAlign: "right" }}>{num(r.acknowledged, r.suppressed)}</Table.Td>
                    <Table.Td style={{ textAlign: "right" }}>{percent(r.shareInTime, r.suppressed)}</Table.Td>
                    <Table.Td style={{ textAlign: "right" }}>
                      {r.suppressed || r.medianDaysToAcknowledge === null
                        ? t("sla.suppressed")
                        : fmt.number(r.medianDaysToAcknowledge)}
                    </Table.Td>
                    <Table.Td style={{ textAlign: "right" }}>{num(r.overdueOpen, r.suppressed)}</Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      <Text size="sm" c="dimmed" mt="sm">
        {t("sla.suppressedNote")}
      </Text>
    </>
  );
}
