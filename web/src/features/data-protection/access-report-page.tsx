// A person's access report for the data-protection officer: recipients, every disclosure with its
// ground, filters; the Art. 15 export (JSON, printable German/English) and the audit log link.
import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconArrowLeft, IconDownload, IconListDetails, IconPrinter } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Page } from "../../app/api-client";
import { useFormat } from "../../app/format";
import { FilterBar } from "../../app/list-parts";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { useConsentStrings } from "../consents/consents.i18n";
import { legalBasesQuery } from "../legal-bases/legal-bases.api";
import {
  type AccessEntry,
  accessLogQuery,
  type DpoPerson,
  exportUrl,
  type Ground,
  type GroundType,
  groundTypes,
} from "./data-protection.api";
import { useDataProtectionStrings } from "./data-protection.i18n";

const route = getRouteApi("/_app/data-protection/persons/$personId");

/** The name as found by the officer's search (until the report itself has loaded). */
function useKnownName(personId: string): string | undefined {
  const queryClient = useQueryClient();
  for (const [, page] of queryClient.getQueriesData<Page<DpoPerson>>({ queryKey: ["dpo", "persons"] })) {
    const p = page?.items.find((i) => i.id === personId);
    if (p) return `${p.givenNames} ${p.familyName}`;
  }
  return undefined;
}

export function AccessReportPage() {
  const t = useDataProtectionStrings();
  const tcat = useConsentStrings();
  const { t: tc } = useTranslation();
  const { t: tv, i18n } = useTranslation("vocabulary");
  const fmt = useFormat();
  const { personId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const log = useQuery(accessLogQuery(personId));
  const reported = log.data?.person;
  const name = useKnownName(personId) ?? (reported ? `${reported.givenNames} ${reported.familyName}` : undefined);
  const legalBases = useQuery(legalBasesQuery);
  const citation = new Map((legalBases.data?.items ?? []).map((b) => [b.id, b.citation]));
  const entries = log.data?.items ?? [];

  const orgs = new Map<string, { name: string; count: number; last: string }>();
  for (const e of entries) {
    const key = e.organisationId ?? "";
    const o = orgs.get(key);
    if (o) o.count += 1;
    else orgs.set(key, { name: e.organisationName ?? t("report.system"), count: 1, last: e.at });
  }
  const ground = groundTypes.includes(search.ground as GroundType) ? (search.ground as GroundType) : undefined;
  const shown = entries.filter(
    (e) =>
      (!search.organisationId || e.organisationId === search.organisationId) &&
      (!ground || e.grounds.some((g) => g.type === ground)),
  );
  const set = (key: "organisationId" | "ground", value: string) =>
    void navigate({ search: (s) => ({ ...s, [key]: value || undefined }), replace: true });
  const actionLabel = (a: string) => (i18n.exists(`vocabulary:action.${a}`) ? tv(`action.${a}` as never) : a);
  const purposeLabel = (p: string) => (p === "art15" || p === "art15-lookup" || p === "search" ? t(`purpose.${p}`) : p);

  const groundText = (g: Ground) => {
    const label = groundTypes.includes(g.type) ? t(`ground.${g.type}`) : g.type;
    if (g.type === "legal_basis" && g.legalBasisId) return { label, detail: citation.get(g.legalBasisId) };
    const id = g.consentId ?? g.referralId ?? g.legalBasisId;
    return { label, detail: id ? `Nr. ${id.slice(0, 8)}` : undefined, id };
  };

  return (
    <>
      <Anchor component={Link} to="/data-protection" size="sm" fw={600} mb="sm" display="inline-block">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden="true" />
          {t("report.back")}
        </Group>
      </Anchor>
      <PageHeader
        title={name ? t("report.titleNamed", { name }) : t("report.title")}
        description={
          <>
            {name ? null : (
              <Text span className="mono" c="dimmed" display="block" mb={4}>
                {t("report.unnamed", { id: personId })}
              </Text>
            )}
            {t("report.intro")}
          </>
        }
      />

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" mb="xl">
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="export-title">
          <Title order={2} size="h3" id="export-title">
            {t("report.exportTitle")}
          </Title>
          <Text size="sm" c="dimmed" mt={4} mb="md">
            {t("report.exportText")}
          </Text>
          <Group gap="sm">
            <Button
              component="a"
              href={exportUrl(personId, "json")}
              download
              leftSection={<IconDownload size={18} aria-hidden="true" />}
            >
              {t("report.json")}
            </Button>
            <Button
              component="a"
              href={exportUrl(personId, "html", "de")}
              target="_blank"
              rel="noopener"
              variant="default"
              leftSection={<IconPrinter size={18} aria-hidden="true" />}
            >
              {t("report.printDe")}
              <VisuallyHidden> {t("report.newTab")}</VisuallyHidden>
            </Button>
            <Button
              component="a"
              href={exportUrl(personId, "html", "en")}
              target="_blank"
              rel="noopener"
              variant="default"
              leftSection={<IconPrinter size={18} aria-hidden="true" />}
            >
              {t("report.printEn")}
              <VisuallyHidden> {t("report.newTab")}</VisuallyHidden>
            </Button>
          </Group>
          <Anchor
            mt="md"
            display="inline-block"
            fw={600}
            size="sm"
            renderRoot={(props) => <Link {...props} to="/audit" search={{ personId }} />}
          >
            <Group gap={6} component="span">
              <IconListDetails size={16} aria-hidden="true" />
              {t("report.auditLink")}
            </Group>
          </Anchor>
        </Paper>

        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="recipients-title">
          <Title order={2} size="h3" id="recipients-title">
            {t("report.summaryTitle")}
          </Title>
          <Text size="sm" c="dimmed" mt={4} mb="sm">
            {t("report.summaryText")}
          </Text>
          {log.isPending ? null : orgs.size === 0 ? (
            <Text size="sm">{t("report.empty")}</Text>
          ) : (
            <Table data-testid="access-recipients" verticalSpacing={6} highlightOnHover={false}>
              <Table.Caption style={{ captionSide: "top" }}>
                <VisuallyHidden>{t("report.summaryCaption")}</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("report.organisation")}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: "end" }}>
                    {t("report.accesses")}
                  </Table.Th>
                  <Table.Th scope="col">{t("report.lastAccess")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...orgs.entries()].map(([id, o]) => (
                  <Table.Tr key={id}>
                    <Table.Th scope="row" fw={500}>
                      {id ? (
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          ta="start"
                          onClick={() => set("organisationId", id)}
                        >
                          {o.name}
                        </Anchor>
                      ) : (
                        o.name
                      )}
                    </Table.Th>
                    <Table.Td style={{ textAlign: "end" }}>{fmt.number(o.count)}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{fmt.dateTime(o.last)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>

      <FilterBar label={t("report.filters")}>
        <NativeSelect
          label={t("report.organisation")}
          value={search.organisationId ?? ""}
          onChange={(e) => set("organisationId", e.currentTarget.value)}
          data={[
            { value: "", label: tc("filters.all") },
            ...[...orgs.entries()].filter(([id]) => id).map(([id, o]) => ({ value: id, label: o.name })),
          ]}
          w={{ base: "100%", sm: 320 }}
        />
        <NativeSelect
          label={t("report.ground")}
          value={ground ?? ""}
          onChange={(e) => set("ground", e.currentTarget.value)}
          data={[
            { value: "", label: tc("filters.all") },
            ...groundTypes.map((g) => ({ value: g, label: t(`ground.${g}`) })),
          ]}
          w={{ base: "100%", sm: 240 }}
        />
        {search.organisationId || ground ? (
          <Button variant="subtle" onClick={() => void navigate({ search: {}, replace: true })}>
            {tc("actions.resetFilters")}
          </Button>
        ) : null}
      </FilterBar>

      <ProblemAlert error={log.error} />
      {log.isPending ? (
        <PageLoader />
      ) : (
        <Paper withBorder radius="md" style={{ overflowX: "auto" }}>
          <Table className="data-table" data-testid="access-log" verticalSpacing="xs">
            <Table.Caption style={{ captionSide: "top" }}>
              <VisuallyHidden>{t("report.caption")}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("report.time")}</Table.Th>
                <Table.Th scope="col">{t("report.organisation")}</Table.Th>
                <Table.Th scope="col">{t("report.action")}</Table.Th>
                <Table.Th scope="col">{t("report.categories")}</Table.Th>
                <Table.Th scope="col">{t("report.ground")}</Table.Th>
                <Table.Th scope="col">{t("report.purpose")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text py="md" c="dimmed">
                      {entries.length === 0 ? t("report.empty") : t("report.emptyFiltered")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                shown.map((e) => (
                  <EntryRow
                    key={e.id}
                    entry={e}
                    when={fmt.dateTimeSeconds(e.at)}
                    action={actionLabel(e.action)}
                    categories={e.categories.map((c) => tcat(`category.${c}` as never))}
                    grounds={e.grounds.map(groundText)}
                    purpose={e.purpose ? purposeLabel(e.purpose) : tc("status.none")}
                    system={t("report.system")}
                  />
                ))
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {log.data ? (
        <Text size="sm" c="dimmed" mt="md" role="status" aria-live="polite">
          {t("report.count", { count: shown.length })}
        </Text>
      ) : null}
    </>
  );
}

function EntryRow({
  entry: e,
  when,
  action,
  categories,
  grounds,
  purpose,
  system,
}: {
  entry: AccessEntry;
  when: string;
  action: string;
  categories: string[];
  grounds: { label: string; detail?: string | undefined }[];
  purpose: string;
  system: string;
}) {
  return (
    <Table.Tr data-testid="access-entry">
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Text size="sm">{when}</Text>
      </Table.Td>
      <Table.Th scope="row" style={{ fontSize: "var(--mantine-font-size-sm)", whiteSpace: "normal" }}>
        <Text size="sm" fw={600}>
          {e.organisationName ?? system}
        </Text>
        <Text size="xs" c="dimmed" fw={400}>
          {e.userName ?? (e.userId ? e.userId.slice(0, 8) : system)}
        </Text>
      </Table.Th>
      <Table.Td>
        <Text size="sm">{action}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{categories.join(", ")}</Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {grounds.length === 0 ? <Text size="sm">–</Text> : null}
          {grounds.map((g) => (
            <div key={`${g.label}${g.detail ?? ""}`}>
              <StatusBadge tone="neutral">{g.label}</StatusBadge>
              {g.detail ? (
                <Text size="xs" c="dimmed" className="mono" mt={2}>
                  {g.detail}
                </Text>
              ) : null}
            </div>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{purpose}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
