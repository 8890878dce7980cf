// The person list: search by name or birth date, filter by case status, load more; registration
// for those who may register persons.
import { Anchor, Button, NativeSelect, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch, IconUserPlus } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../app/data-table";
import { FilterBar } from "../../app/list-parts";
import { PageHeader, ProblemAlert } from "../../app/page";
import { useMe } from "../auth/auth.api";
import { CaseStatusBadge } from "./case-status-badge";
import { usePartialDate } from "./partial-dates";
import { type CaseStatus, caseStatuses, personsQuery } from "./persons.api";
import { usePersonStrings } from "./persons.i18n";
import { useCountries } from "./reference.api";

const route = getRouteApi("/_app/persons");

export function PersonsPage() {
  const t = usePersonStrings();
  const { t: tc } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const dates = usePartialDate();
  const countries = useCountries();
  const [q, setQ] = useState(search.q ?? "");
  const pushQ = useDebouncedCallback((value: string) => {
    void navigate({ search: (s) => ({ ...s, q: value.trim() || undefined }), replace: true });
  }, 300);

  const query = useInfiniteQuery(personsQuery({ q: search.q, status: search.status }));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.intro")}
        actions={
          me.abilities.registerPersons ? (
            <Button component={Link} to="/persons/new" leftSection={<IconUserPlus size={18} aria-hidden="true" />}>
              {t("list.register")}
            </Button>
          ) : null
        }
      />
      <FilterBar label={tc("filters.label")}>
        <TextInput
          label={t("list.search")}
          description={t("list.searchDescription")}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            pushQ(e.currentTarget.value);
          }}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          w={{ base: "100%", sm: 360 }}
        />
        <NativeSelect
          label={t("list.status")}
          value={search.status ?? ""}
          onChange={(e) =>
            void navigate({
              search: (s) => ({ ...s, status: (e.currentTarget.value || undefined) as CaseStatus | undefined }),
              replace: true,
            })
          }
          data={[
            { value: "", label: tc("filters.all") },
            ...caseStatuses.map((s) => ({ value: s, label: t(`caseStatus.${s}`) })),
          ]}
          w={{ base: "100%", sm: 220 }}
        />
      </FilterBar>
      <ProblemAlert error={query.error} />
      <DataTable
        caption={t("list.caption")}
        testId="persons-table"
        loading={query.isPending}
        rows={items}
        rowKey={(p) => p.id}
        empty={t("list.empty")}
        paging={query.data ? query : undefined}
        columns={[
          {
            key: "name",
            header: t("list.name"),
            rowHeader: true,
            cell: (p) => (
              <Anchor renderRoot={(props) => <Link {...props} to="/persons/$personId" params={{ personId: p.id }} />}>
                {p.familyName ? `${p.familyName}, ${p.givenNames}` : p.givenNames}
              </Anchor>
            ),
          },
          {
            key: "birthDate",
            header: t("list.birthDate"),
            nowrap: true,
            cell: (p) => dates.format(p.birthDate, t("date.unknown")),
          },
          {
            key: "nationality",
            header: t("list.nationality"),
            cell: (p) => (p.nationalities.length > 0 ? p.nationalities.map((c) => countries.name(c)).join(", ") : "–"),
          },
          {
            key: "status",
            header: t("list.status"),
            nowrap: true,
            cell: (p) => <CaseStatusBadge status={p.caseStatus} />,
          },
        ]}
      />
    </>
  );
}
