// User accounts: all of the tenant for its admin, the own organisation's for an org admin.
import { Anchor, Button, NativeSelect, Text, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../app/data-table";
import { type Role, roles } from "../../app/domain";
import { useFormat } from "../../app/format";
import { FilterBar } from "../../app/list-parts";
import { PageHeader, ProblemAlert } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { useMe } from "../auth/auth.api";
import { allOrganisationsQuery } from "../organisations/organisations.api";
import { usersQuery } from "./users.api";
import { useUserStrings } from "./users.i18n";

const route = getRouteApi("/_app/users");

export function UsersPage() {
  const t = useUserStrings();
  const { t: tc } = useTranslation();
  const { t: tv } = useTranslation("vocabulary");
  const fmt = useFormat();
  const me = useMe();
  const all = me.abilities.manageUsersOf === "all";
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [q, setQ] = useState(search.q ?? "");
  const pushQ = useDebouncedCallback((value: string) => {
    void navigate({ search: (s) => ({ ...s, q: value.trim() || undefined }), replace: true });
  }, 300);
  const organisations = useQuery(allOrganisationsQuery);
  const orgName = new Map((organisations.data ?? []).map((o) => [o.id, o.name]));
  const query = useInfiniteQuery(
    usersQuery({ q: search.q, role: search.role, organisationId: all ? search.organisationId : undefined }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={all ? t("list.intro") : t("list.introOwn", { organisation: me.organisation.name })}
        actions={
          me.abilities.assignableRoles.length > 0 ? (
            <Button component={Link} to="/users/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
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
          w={{ base: "100%", sm: 280 }}
        />
        {all ? (
          <NativeSelect
            label={t("list.organisation")}
            value={search.organisationId ?? ""}
            onChange={(e) =>
              void navigate({
                search: (s) => ({ ...s, organisationId: e.currentTarget.value || undefined }),
                replace: true,
              })
            }
            data={[
              { value: "", label: tc("filters.all") },
              ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
            ]}
            w={{ base: "100%", sm: 320 }}
          />
        ) : null}
        <NativeSelect
          label={t("list.role")}
          value={search.role ?? ""}
          onChange={(e) =>
            void navigate({
              search: (s) => ({ ...s, role: (e.currentTarget.value || undefined) as Role | undefined }),
              replace: true,
            })
          }
          data={[{ value: "", label: tc("filters.all") }, ...roles.map((r) => ({ value: r, label: tv(`role.${r}`) }))]}
          w={{ base: "100%", sm: 260 }}
        />
      </FilterBar>
      <ProblemAlert error={query.error} />
      <DataTable
        caption={t("list.caption")}
        testId="users-table"
        loading={query.isPending}
        rows={items}
        rowKey={(u) => u.id}
        empty={t("list.empty")}
        paging={query.data ? query : undefined}
        columns={[
          {
            key: "name",
            header: t("list.name"),
            rowHeader: true,
            cell: (u) => (
              <>
                <Anchor renderRoot={(props) => <Link {...props} to="/users/$userId" params={{ userId: u.id }} />}>
                  {u.name}
                </Anchor>
                <Text size="sm" c="dimmed" fw={400} style={{ wordBreak: "break-all" }}>
                  {u.email}
                </Text>
              </>
            ),
          },
          { key: "role", header: t("list.role"), cell: (u) => tv(`role.${u.role}`) },
          all && {
            key: "organisation",
            header: t("list.organisation"),
            cell: (u) => orgName.get(u.organisationId) ?? tc("status.none"),
          },
          {
            key: "lastLogin",
            header: t("list.lastLogin"),
            cell: (u) => (u.lastLoginAt ? fmt.dateTime(u.lastLoginAt) : t("list.never")),
          },
          {
            key: "status",
            header: t("list.status"),
            nowrap: true,
            cell: (u) => (
              <>
                <StatusBadge tone={u.active ? "success" : "neutral"}>
                  {u.active ? tc("status.active") : tc("status.inactive")}
                </StatusBadge>
                <Text size="xs" c="dimmed" mt={4}>
                  {t("list.twoFactor")}: {u.totpEnabled ? t("list.twoFactorOn") : t("list.twoFactorOff")}
                </Text>
              </>
            ),
          },
        ]}
      />
    </>
  );
}
