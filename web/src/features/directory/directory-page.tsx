// The network directory: organisations by service and language, each with its services, languages,
// opening hours, address and contacts; a link to the full entry. The one list of organisations:
// those who administer them (abilities from /auth/me) add organisations here and see deactivated ones.
import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconClock, IconLanguage, IconMail, IconMapPin, IconPhone, IconPlus, IconSearch } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { type OrganisationType, organisationTypes } from "../../app/domain";
import { FilterBar, ListFooter } from "../../app/list-parts";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { useMe } from "../auth/auth.api";
import { useLanguages } from "../persons/reference.api";
import { type DirectoryEntry, directoryQuery } from "./directory.api";
import { useDirectoryStrings } from "./directory.i18n";
import "./directory.css";
import { type Services, useServices } from "./services.api";

const route = getRouteApi("/_app/directory");

export function DirectoryPage() {
  const t = useDirectoryStrings();
  const { t: tv } = useTranslation("vocabulary");
  const { t: tc } = useTranslation();
  const canManage = useMe().abilities.manageOrganisations;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const services = useServices();
  const languages = useLanguages();
  const [q, setQ] = useState(search.q ?? "");
  const set = (patch: Record<string, string | undefined>) =>
    void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const pushQ = useDebouncedCallback((value: string) => set({ q: value.trim() || undefined }), 300);
  const query = useInfiniteQuery(
    directoryQuery({
      q: search.q,
      service: search.service,
      language: search.language,
      type: search.type,
      status: canManage ? search.status : undefined,
    }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          canManage ? (
            <Button component={Link} to="/organisations/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
              {t("create")}
            </Button>
          ) : null
        }
      />
      <FilterBar label={t("filters")}>
        <TextInput
          label={t("search")}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            pushQ(e.currentTarget.value);
          }}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          w={{ base: "100%", sm: 260 }}
        />
        <Select
          label={t("service")}
          placeholder={t("anyService")}
          data={services.items}
          value={search.service ?? null}
          onChange={(v) => set({ service: v ?? undefined })}
          searchable
          clearable
          clearButtonProps={{ "aria-label": t("clearService"), "aria-hidden": false, tabIndex: 0 }}
          nothingFoundMessage={tc("list.noMatch")}
          comboboxProps={{ withinPortal: true }}
          w={{ base: "100%", sm: 300 }}
          data-testid="filter-service"
        />
        <Select
          label={t("language")}
          placeholder={t("anyLanguage")}
          data={languages.items.map((l) => ({ value: l.code, label: l.name }))}
          value={search.language ?? null}
          onChange={(v) => set({ language: v ?? undefined })}
          searchable
          clearable
          clearButtonProps={{ "aria-label": t("clearLanguage"), "aria-hidden": false, tabIndex: 0 }}
          nothingFoundMessage={tc("list.noMatch")}
          comboboxProps={{ withinPortal: true }}
          w={{ base: "100%", sm: 220 }}
          data-testid="filter-language"
        />
        <NativeSelect
          label={t("type")}
          value={search.type ?? ""}
          onChange={(e) => set({ type: (e.currentTarget.value || undefined) as OrganisationType | undefined })}
          data={[
            { value: "", label: t("all") },
            ...organisationTypes.map((type) => ({ value: type, label: tv(`orgType.${type}`) })),
          ]}
          w={{ base: "100%", sm: 240 }}
        />
        {canManage ? (
          <NativeSelect
            label={t("status")}
            value={search.status ?? ""}
            onChange={(e) => set({ status: e.currentTarget.value || undefined })}
            data={[
              { value: "", label: t("statusActive") },
              { value: "inactive", label: t("statusInactive") },
              { value: "all", label: t("statusAll") },
            ]}
            w={{ base: "100%", sm: 240 }}
          />
        ) : null}
      </FilterBar>
      <ProblemAlert error={query.error} />
      {query.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text c="dimmed">{t("empty")}</Text>
        </Paper>
      ) : (
        <ul className="directory-list" aria-label={t("results", { count: items.length })} data-testid="directory-list">
          {items.map((o) => (
            <li key={o.id}>
              <EntryCard entry={o} services={services} languageName={languages.name} />
            </li>
          ))}
        </ul>
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

function EntryCard({
  entry: o,
  services,
  languageName,
}: {
  entry: DirectoryEntry;
  services: Services;
  languageName: (code: string) => string;
}) {
  const t = useDirectoryStrings();
  const { t: tv } = useTranslation("vocabulary");
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="article"
      aria-labelledby={`org-${o.id}`}
      data-testid="directory-entry"
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <div>
          <Title order={2} size="h4" id={`org-${o.id}`}>
            <Anchor
              renderRoot={(props) => (
                <Link {...props} to="/directory/$organisationId" params={{ organisationId: o.id }} />
              )}
            >
              {o.name}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {tv(`orgType.${o.type}`)}
          </Text>
        </div>
        {o.active ? null : <StatusBadge tone="neutral">{t("inactive")}</StatusBadge>}
      </Group>
      {o.services.length > 0 ? (
        <ServiceBadges codes={o.services} label={services.label} mt="sm" />
      ) : (
        <Text size="sm" c="dimmed" mt="sm">
          {t("noServices")}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="md">
        <Fact icon={<IconLanguage size={16} />} label={t("languages")}>
          {o.languages.length > 0 ? o.languages.map(languageName).join(", ") : t("notGiven")}
        </Fact>
        <Fact icon={<IconClock size={16} />} label={t("openingHours")}>
          {o.openingHours || t("notGiven")}
        </Fact>
        <Fact icon={<IconMapPin size={16} />} label={t("address")}>
          {o.address || t("notGiven")}
        </Fact>
        <Fact icon={o.email ? <IconMail size={16} /> : <IconPhone size={16} />} label={t("contact")}>
          <Stack gap={0}>
            {o.email ? <Anchor href={`mailto:${o.email}`}>{o.email}</Anchor> : null}
            {o.phone ? <span>{o.phone}</span> : null}
            {o.contacts.map((c) => (
              <span key={`${c.name}-${c.role ?? ""}`}>
                {c.name}
                {c.role ? ` (${c.role})` : ""}
              </span>
            ))}
            {!o.email && !o.phone && o.contacts.length === 0 ? t("notGiven") : null}
          </Stack>
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}

/** The services of an entry as a list of badges. */
export function ServiceBadges({ codes, label, mt }: { codes: string[]; label: (code: string) => string; mt?: string }) {
  return (
    <ul className="badge-list" style={mt ? { marginTop: `var(--mantine-spacing-${mt})` } : undefined}>
      {codes.map((s) => (
        <li key={s}>
          <StatusBadge tone="neutral">{label(s)}</StatusBadge>
        </li>
      ))}
    </ul>
  );
}

export function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap={8} align="flex-start" wrap="nowrap">
      <span aria-hidden="true" style={{ color: "#4a5560", paddingTop: 2 }}>
        {icon}
      </span>
      <div style={{ minWidth: 0 }}>
        <Text size="xs" fw={600} c="#4a5560">
          {label}
        </Text>
        <Text size="sm" component="div" style={{ whiteSpace: "pre-line", overflowWrap: "anywhere" }}>
          {children}
        </Text>
      </div>
    </Group>
  );
}
