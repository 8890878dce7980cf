// The audit log for the tenant admin and the data-protection officer: filters, events, chain check.
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconAlertOctagon, IconShieldCheck } from "@tabler/icons-react";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../app/data-table";
import { useFormat } from "../../app/format";
import { FilterBar } from "../../app/list-parts";
import { PageHeader, ProblemAlert } from "../../app/page";
import { vocabulary } from "../../app/vocabulary.i18n";
import { useMe } from "../auth/auth.api";
import { allOrganisationsQuery } from "../organisations/organisations.api";
import { allUsersQuery } from "../users/users.api";
import { type AuditEvent, auditApi, auditQuery } from "./audit.api";
import { useAuditStrings } from "./audit.i18n";

const route = getRouteApi("/_app/audit");
const actions = Object.keys(vocabulary.de.action);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function AuditPage() {
  const t = useAuditStrings();
  const { t: tc } = useTranslation();
  const { t: tv, i18n } = useTranslation("vocabulary");
  const fmt = useFormat();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const organisations = useQuery(allOrganisationsQuery);
  const users = useQuery({ ...allUsersQuery, enabled: me.abilities.manageUsers });
  const orgName = new Map((organisations.data ?? []).map((o) => [o.id, o.name]));
  const userName = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const query = useInfiniteQuery(auditQuery(search));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const verify = useMutation({ mutationFn: auditApi.verify });

  const set = (key: keyof typeof search, value: string) =>
    void navigate({ search: (s) => ({ ...s, [key]: value || undefined }), replace: true });
  const actionLabel = (a: string) => (i18n.exists(`vocabulary:action.${a}`) ? tv(`action.${a}` as never) : a);
  const subjectLabel = (s: string) => (i18n.exists(`vocabulary:subject.${s}`) ? tv(`subject.${s}` as never) : s);
  const sortedActions = [...actions].sort((a, b) => actionLabel(a).localeCompare(actionLabel(b), fmt.locale));

  const actorOf = (e: AuditEvent) => {
    if (!e.actorUserId) return <Text size="sm">{t("table.system")}</Text>;
    const name = e.actorName ?? userName.get(e.actorUserId);
    return (
      <>
        {name ? <Text size="sm">{name}</Text> : <span className="mono">{e.actorUserId.slice(0, 8)}</span>}
        {e.actorRole ? (
          <Text size="xs" c="dimmed">
            {i18n.exists(`vocabulary:role.${e.actorRole}`) ? tv(`role.${e.actorRole}` as never) : e.actorRole}
          </Text>
        ) : null}
      </>
    );
  };

  const subjectOf = (e: AuditEvent) => {
    if (!e.subjectType) return tc("status.none");
    const id = e.subjectId ?? "";
    const name =
      e.subjectType === "user" ? userName.get(id) : e.subjectType === "organisation" ? orgName.get(id) : undefined;
    return (
      <>
        <Text size="sm">{subjectLabel(e.subjectType)}</Text>
        {name ? (
          <Text size="xs" c="dimmed">
            {name}
          </Text>
        ) : id && e.subjectType !== "audit" ? (
          <Text size="xs" c="dimmed" className="mono">
            {id.slice(0, 8)}
          </Text>
        ) : null}
      </>
    );
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <Paper withBorder p="lg" radius="md" mb="lg">
        <Group justify="space-between" align="flex-start" gap="md">
          <div style={{ flex: "1 1 20rem" }}>
            <Title order={2} size="h3">
              {t("verify.title")}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t("verify.text")}
            </Text>
          </div>
          <Button
            onClick={() => verify.mutate()}
            loading={verify.isPending}
            leftSection={<IconShieldCheck size={18} aria-hidden="true" />}
          >
            {t("verify.button")}
          </Button>
        </Group>
        <div role="status" aria-live="polite">
          {verify.data ? (
            <Alert
              mt="md"
              variant="light"
              color={verify.data.ok ? "green" : "red"}
              icon={verify.data.ok ? <IconShieldCheck aria-hidden="true" /> : <IconAlertOctagon aria-hidden="true" />}
              data-testid="verify-result"
              styles={{ message: { color: "#1a1d21" } }}
            >
              <Text fw={600}>
                {verify.data.ok
                  ? t("verify.ok", { count: verify.data.checked, formattedCount: fmt.number(verify.data.checked) })
                  : t("verify.broken", { id: verify.data.firstBrokenId ?? "?" })}
              </Text>
              {verify.data.pending > 0 ? (
                <Text size="sm">{t("verify.pending", { count: verify.data.pending })}</Text>
              ) : null}
              <Text size="sm">{t("verify.checkedAt", { date: fmt.dateTimeSeconds(new Date()) })}</Text>
            </Alert>
          ) : null}
        </div>
        <ProblemAlert error={verify.error} />
      </Paper>
      <FilterBar label={t("filters")}>
        <NativeSelect
          label={t("action")}
          value={search.action ?? ""}
          onChange={(e) => set("action", e.currentTarget.value)}
          data={[
            { value: "", label: tc("filters.all") },
            ...sortedActions.map((a) => ({ value: a, label: actionLabel(a) })),
          ]}
          w={{ base: "100%", sm: 280 }}
        />
        {me.abilities.manageUsers ? (
          <NativeSelect
            label={t("user")}
            value={search.userId ?? ""}
            onChange={(e) => set("userId", e.currentTarget.value)}
            data={[
              { value: "", label: tc("filters.all") },
              ...(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
            ]}
            w={{ base: "100%", sm: 280 }}
          />
        ) : null}
        <NativeSelect
          label={t("organisation")}
          value={search.organisationId ?? ""}
          onChange={(e) => set("organisationId", e.currentTarget.value)}
          data={[
            { value: "", label: tc("filters.all") },
            ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
          w={{ base: "100%", sm: 280 }}
        />
        {search.personId ? (
          <TextInput
            label={t("person")}
            value={search.personId}
            readOnly
            classNames={{ input: "mono" }}
            w={{ base: "100%", sm: 340 }}
          />
        ) : null}
        <TextInput
          type="date"
          label={t("from")}
          value={search.from ?? ""}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (!v || isoDate.test(v)) set("from", v);
          }}
          w={{ base: "100%", sm: 170 }}
        />
        <TextInput
          type="date"
          label={t("to")}
          value={search.to ?? ""}
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (!v || isoDate.test(v)) set("to", v);
          }}
          w={{ base: "100%", sm: 170 }}
        />
        {Object.values(search).some(Boolean) ? (
          <Button variant="subtle" onClick={() => void navigate({ search: {}, replace: true })}>
            {tc("actions.resetFilters")}
          </Button>
        ) : null}
      </FilterBar>
      <ProblemAlert error={query.error} />
      <DataTable
        caption={t("table.caption")}
        testId="audit-table"
        compact
        loading={query.isPending}
        rows={items}
        rowKey={(e) => e.id}
        empty={t("empty")}
        paging={query.data ? query : undefined}
        columns={[
          {
            key: "time",
            header: t("table.time"),
            nowrap: true,
            cell: (e) => (
              <>
                <Text size="sm">{fmt.dateTimeSeconds(e.occurredAt)}</Text>
                <Text size="xs" c="dimmed">
                  {e.seq !== null ? t("table.sealed", { seq: e.seq }) : t("table.pending")}
                </Text>
              </>
            ),
          },
          {
            key: "action",
            header: t("table.action"),
            rowHeader: true,
            cell: (e) => (
              <Text size="sm" fw={600}>
                {actionLabel(e.action)}
              </Text>
            ),
          },
          { key: "actor", header: t("table.actor"), cell: (e) => actorOf(e) },
          {
            key: "organisation",
            header: t("table.organisation"),
            cell: (e) => (
              <Text size="sm">
                {e.actorOrganisationId ? (orgName.get(e.actorOrganisationId) ?? tc("status.none")) : tc("status.none")}
              </Text>
            ),
          },
          { key: "subject", header: t("table.subject"), cell: (e) => subjectOf(e) },
          {
            key: "details",
            header: t("table.details"),
            cell: (e) => <Details event={e} label={t("table.showDetails", { id: e.id })} />,
          },
        ]}
      />
    </>
  );
}

function Details({ event, label }: { event: AuditEvent; label: string }) {
  const { t } = useTranslation();
  const entries = Object.entries(event.details);
  const extra: [string, unknown][] = [];
  if (event.categories.length > 0) extra.push(["categories", event.categories.join(", ")]);
  if (event.purpose) extra.push(["purpose", event.purpose]);
  if (event.requestId) extra.push(["requestId", event.requestId]);
  const all = [...entries, ...extra];
  if (all.length === 0) return null;
  return (
    <details>
      <summary style={{ cursor: "pointer", fontSize: "var(--mantine-font-size-sm)" }}>
        {t("actions.show")}
        <VisuallyHidden> – {label}</VisuallyHidden>
      </summary>
      <Stack gap={2} mt={4}>
        {all.map(([k, v]) => (
          <Text key={k} size="xs" className="mono" style={{ wordBreak: "break-word", maxWidth: "28rem" }}>
            {k}: {typeof v === "string" ? v : JSON.stringify(v)}
          </Text>
        ))}
      </Stack>
    </details>
  );
}
