// The organisation directory: search, filter by type, load more; create and edit for the tenant admin.
import { Anchor, Button, NativeSelect, Paper, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type OrganisationType, organisationTypes } from "../../app/domain";
import { FilterBar, ListFooter } from "../../app/list-parts";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { useMe } from "../auth/auth.api";
import { organisationsQuery } from "./organisations.api";

const route = getRouteApi("/_app/organisations");

export function OrganisationsPage() {
  const { t } = useTranslation("organisations");
  const { t: tc } = useTranslation();
  const { t: tv } = useTranslation("vocabulary");
  const me = useMe();
  const canManage = me.abilities.manageOrganisations;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [q, setQ] = useState(search.q ?? "");
  const pushQ = useDebouncedCallback((value: string) => {
    void navigate({ search: (s) => ({ ...s, q: value.trim() || undefined }), replace: true });
  }, 300);

  const query = useInfiniteQuery(organisationsQuery({ q: search.q, type: search.type }));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={canManage ? t("list.title") : t("list.titleDirectory")}
        description={t("list.intro")}
        actions={
          canManage ? (
            <Button component={Link} to="/organisations/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
              {t("list.create")}
            </Button>
          ) : null
        }
      />
      <FilterBar label={tc("filters.label")}>
        <TextInput
          label={t("list.search")}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            pushQ(e.currentTarget.value);
          }}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          w={{ base: "100%", sm: 320 }}
        />
        <NativeSelect
          label={t("list.type")}
          value={search.type ?? ""}
          onChange={(e) =>
            void navigate({
              search: (s) => ({ ...s, type: (e.currentTarget.value || undefined) as OrganisationType | undefined }),
              replace: true,
            })
          }
          data={[
            { value: "", label: tc("filters.all") },
            ...organisationTypes.map((type) => ({ value: type, label: tv(`orgType.${type}`) })),
          ]}
          w={{ base: "100%", sm: 300 }}
        />
      </FilterBar>
      <ProblemAlert error={query.error} />
      {query.isPending ? (
        <PageLoader />
      ) : (
        <Paper withBorder radius="md" pos="relative" style={{ overflowX: "auto" }}>
          <Table className="data-table" data-testid="organisations-table">
            <Table.Caption style={{ captionSide: "top" }}>
              <VisuallyHidden>{t("list.caption")}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("list.name")}</Table.Th>
                <Table.Th scope="col">{t("list.type")}</Table.Th>
                <Table.Th scope="col">{t("list.contact")}</Table.Th>
                <Table.Th scope="col">{t("list.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text py="md" c="dimmed">
                      {t("list.empty")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Th scope="row" fw={600}>
                      {canManage ? (
                        <Anchor
                          renderRoot={(props) => (
                            <Link {...props} to="/organisations/$organisationId" params={{ organisationId: o.id }} />
                          )}
                        >
                          {o.name}
                        </Anchor>
                      ) : (
                        o.name
                      )}
                    </Table.Th>
                    <Table.Td>{tv(`orgType.${o.type}`)}</Table.Td>
                    <Table.Td>
                      {o.email ? (
                        <Anchor href={`mailto:${o.email}`} size="sm">
                          {o.email}
                        </Anchor>
                      ) : null}
                      {o.phone ? <Text size="sm">{o.phone}</Text> : null}
                      {!o.email && !o.phone ? tc("status.none") : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <StatusBadge tone={o.active ? "success" : "neutral"}>
                        {o.active ? tc("status.active") : tc("status.inactive")}
                      </StatusBadge>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
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
    </>
  );
}
