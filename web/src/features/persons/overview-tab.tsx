// The case file's overview: personal details (with edit), the current residence status with its
// expiry, the household, and what the organisation sees of each life domain.
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from "@mantine/core";
import { IconAlertTriangle, IconEdit, IconLock } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { ProblemAlert } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { householdQuery } from "../households/households.api";
import { useOrganisationNames } from "../organisations/organisations.api";
import { useRecordFormat } from "../records/record-format";
import { residenceQuery } from "../records/records.api";
import { useRecordStrings } from "../records/records.i18n";
import { daysUntil, usePartialDate } from "./partial-dates";
import { fullName, lifeDomains, type Person } from "./persons.api";
import { usePersonStrings } from "./persons.i18n";
import { useCountries, useLanguages } from "./reference.api";
import type { CaseTab } from "./tabs";

/** Residence documents expiring within this many days are highlighted (8 weeks, the default reminder lead time). */
const expiryWarningDays = 56;

export function OverviewTab({ person, onSelect }: { person: Person; onSelect: (tab: CaseTab) => void }) {
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ResidencePanel person={person} onSelect={onSelect} />
        <HouseholdPanel person={person} onSelect={onSelect} />
      </SimpleGrid>
      <IdentityPanel person={person} />
      <DomainsPanel person={person} onSelect={onSelect} />
    </Stack>
  );
}

function Panel({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="center" mb="md" gap="sm">
        <Title order={2} id={id} size="h3">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function IdentityPanel({ person }: { person: Person }) {
  const t = usePersonStrings();
  const dates = usePartialDate();
  const countries = useCountries();
  const languages = useLanguages();
  const organisations = useOrganisationNames();
  const none = t("identity.none");
  const address = [
    person.address.street,
    person.address.addition,
    [person.address.postalCode, person.address.city].filter(Boolean).join(" "),
  ].filter(Boolean);
  const precisionNote =
    person.birthDatePrecision === "year" || person.birthDatePrecision === "year-month"
      ? ` (${t(`date.precision.${person.birthDatePrecision}`)})`
      : "";
  return (
    <Panel
      id="identity-heading"
      title={t("identity.title")}
      action={
        person.abilities.editIdentity ? (
          <Button
            renderRoot={(props) => <Link {...props} to="/persons/$personId/edit" params={{ personId: person.id }} />}
            variant="default"
            size="xs"
            leftSection={<IconEdit size={16} aria-hidden="true" />}
          >
            {t("identity.edit")}
          </Button>
        ) : null
      }
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="xs">
        <Facts
          rows={[
            [t("identity.name"), fullName(person)],
            ...(person.alternativeNames.length > 0
              ? [[t("identity.alternativeNames"), person.alternativeNames.join(", ")] as [string, ReactNode]]
              : []),
            [t("identity.birthDate"), `${dates.format(person.birthDate, t("date.unknown"))}${precisionNote}`],
            [t("identity.birthPlace"), person.birthPlace || none],
            [t("identity.sex"), t(`sex.${person.sex}`)],
            [t("identity.nationalities"), person.nationalities.map((c) => countries.name(c)).join(", ") || none],
            [
              t("identity.languages"),
              person.languages.length === 0
                ? none
                : person.languages
                    .map(
                      (l) =>
                        `${languages.name(l.code)}${l.interpreterNeeded ? ` – ${t("identity.interpreterNeeded")}` : ""}`,
                    )
                    .join(", "),
            ],
          ]}
        />
        <Facts
          rows={[
            [t("identity.phone"), person.contact.phone || none],
            [
              t("identity.email"),
              person.contact.email ? (
                <Anchor key="email" href={`mailto:${person.contact.email}`}>
                  {person.contact.email}
                </Anchor>
              ) : (
                none
              ),
            ],
            [t("identity.address"), address.length ? address.join(", ") : none],
            [t("identity.arrivedInGermanyOn"), dates.format(person.arrivedInGermanyOn, none)],
            [t("identity.arrivedInMunicipalityOn"), dates.format(person.arrivedInMunicipalityOn, none)],
            [t("identity.registeredBy"), organisations.get(person.registeredByOrganisationId) ?? "…"],
          ]}
        />
      </SimpleGrid>
    </Panel>
  );
}

function ResidencePanel({ person, onSelect }: { person: Person; onSelect: (tab: CaseTab) => void }) {
  const t = usePersonStrings();
  const dates = usePartialDate();
  const format = useRecordFormat();
  const readable =
    person.access.openCategories.includes("residence") ||
    (person.records ?? []).some((r) => r.category === "residence");
  const query = useQuery({ ...residenceQuery(person.id), enabled: readable });
  const current = query.data?.current;
  const validUntil = typeof current?.data.validUntil === "string" ? current.data.validUntil : null;
  const days = validUntil ? daysUntil(validUntil) : null;

  let body: ReactNode;
  if (!readable)
    body = (
      <Group gap="xs" wrap="nowrap">
        <IconLock size={18} aria-hidden="true" />
        <Text>{t("overview.residenceClosed")}</Text>
      </Group>
    );
  else if (query.error) body = <ProblemAlert error={query.error} />;
  else if (!current) body = <Text c="dimmed">{query.isPending ? "…" : t("overview.noResidence")}</Text>;
  else
    body = (
      <Stack gap="sm" data-testid="current-residence">
        <Group gap="sm" wrap="wrap">
          <Text fw={650}>
            {format.value(
              "residence_status",
              { name: "type", type: "code", list: "residence_status_type" },
              current.data.type,
            )}
          </Text>
          {days !== null && days < 0 ? (
            <StatusBadge tone="danger" icon={<IconAlertTriangle size={14} aria-hidden="true" />}>
              {t("overview.expired", { date: dates.format(validUntil) })}
            </StatusBadge>
          ) : days !== null && days <= expiryWarningDays ? (
            <StatusBadge tone="warning" icon={<IconAlertTriangle size={14} aria-hidden="true" />}>
              {days === 0 ? t("overview.expiresToday") : t("overview.expiresIn", { count: days })}
            </StatusBadge>
          ) : null}
        </Group>
        <Facts
          rows={format
            .entries(current)
            .filter((e) => e.name !== "type")
            .map((e) => [e.label, e.value])}
        />
        {query.data && query.data.history.length > 0 ? (
          <Text size="sm" c="dimmed">
            {t("overview.history", { count: query.data.history.length })}
          </Text>
        ) : null}
      </Stack>
    );

  return (
    <Panel
      id="residence-heading"
      title={t("overview.residence")}
      action={
        <Anchor component="button" type="button" size="sm" onClick={() => onSelect("residence")}>
          {t("overview.showResidence")}
        </Anchor>
      }
    >
      {body}
    </Panel>
  );
}

function HouseholdPanel({ person, onSelect }: { person: Person; onSelect: (tab: CaseTab) => void }) {
  const t = usePersonStrings();
  const dates = usePartialDate();
  const query = useQuery({ ...householdQuery(person.household?.id ?? ""), enabled: Boolean(person.household) });
  return (
    <Panel
      id="household-overview-heading"
      title={person.household ? `${t("overview.household")}: ${person.household.name}` : t("overview.household")}
      action={
        <Anchor component="button" type="button" size="sm" onClick={() => onSelect("household")}>
          {t("overview.showHousehold")}
        </Anchor>
      }
    >
      {!person.household ? (
        <Text c="dimmed">{t("overview.noHousehold")}</Text>
      ) : query.error ? (
        <ProblemAlert error={query.error} />
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }} data-testid="overview-household">
          {(query.data?.members ?? []).map((m) => (
            <li key={m.personId} style={{ padding: "0.3rem 0" }}>
              {m.personId === person.id ? (
                <Text span fw={600}>
                  {fullName(m)}
                </Text>
              ) : (
                <Anchor
                  renderRoot={(props) => <Link {...props} to="/persons/$personId" params={{ personId: m.personId }} />}
                  fw={600}
                >
                  {fullName(m)}
                </Anchor>
              )}
              <Text span c="dimmed" size="sm">
                {" "}
                · {t(`relation.${m.relation}`)} · {dates.format(m.birthDate, t("date.unknown"))}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function DomainsPanel({ person, onSelect }: { person: Person; onSelect: (tab: CaseTab) => void }) {
  const t = usePersonStrings();
  const tr = useRecordStrings();
  return (
    <Paper withBorder radius="md" component="section" aria-labelledby="domains-heading" style={{ overflowX: "auto" }}>
      <Title order={2} size="h3" id="domains-heading" p="lg" pb={0}>
        {t("overview.domains")}
      </Title>
      <Table className="data-table" mt="sm" horizontalSpacing="lg">
        <Table.Caption style={{ captionSide: "top", textAlign: "left", padding: "0 1.25rem" }}>
          <Text size="sm" c="dimmed" component="span">
            {t("overview.domainsCaption")}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("overview.domain")}</Table.Th>
            <Table.Th scope="col">{t("overview.entries")}</Table.Th>
            <Table.Th scope="col">{t("overview.visibility")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lifeDomains.map((d) => {
            const count = (person.records ?? []).filter((r) => r.category === d).length;
            const closed = person.access.closedCategories.filter((c) => c.category === d);
            const visibility = closed.some((c) => c.reason === "no-consent" || c.reason === "confidential")
              ? t("overview.ownOnly")
              : closed.length > 0
                ? t("overview.partly")
                : t("overview.visible");
            return (
              <Table.Tr key={d}>
                <Table.Th scope="row" fw={600}>
                  <UnstyledButton
                    onClick={() => onSelect(d)}
                    style={{ textDecoration: "underline", color: "var(--mantine-color-anchor)", fontWeight: 600 }}
                  >
                    {tr(`category.${d}`)}
                  </UnstyledButton>
                </Table.Th>
                <Table.Td>{count}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {closed.length > 0 ? <IconLock size={14} aria-hidden="true" /> : null}
                    {visibility}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
