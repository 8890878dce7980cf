// The data-protection officer's start: find a person for an access request; links to the tools.
import {
  Anchor,
  Box,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Text,
  TextInput,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconArrowRight, IconListDetails, IconScale, IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../app/data-table";
import { PageHeader, ProblemAlert } from "../../app/page";
import { numericDate } from "../consents/consent-parts";
import { dpoPersonsQuery } from "./data-protection.api";
import { useDataProtectionStrings } from "./data-protection.i18n";

const route = getRouteApi("/_app/data-protection");

export function DataProtectionPage() {
  const t = useDataProtectionStrings();
  const { t: tc } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [q, setQ] = useState(search.q ?? "");
  const [tooShort, setTooShort] = useState(false);
  const active = search.q && search.q.trim().length >= 2 ? search.q.trim() : undefined;
  const persons = useQuery({ ...dpoPersonsQuery(active ?? ""), enabled: Boolean(active) });
  const items = persons.data?.items ?? [];

  return (
    <>
      <PageHeader title={t("home.title")} description={t("home.intro")} />
      <Paper withBorder p="xl" radius="md" mb="xl" component="section" aria-labelledby="dpo-search-title">
        <Title order={2} size="h3" id="dpo-search-title">
          {t("home.searchTitle")}
        </Title>
        <Text size="sm" c="dimmed" mt={4} mb="md" maw="48rem">
          {t("home.searchText")}
        </Text>
        <form
          aria-labelledby="dpo-search-title"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const value = q.trim();
            setTooShort(value.length < 2);
            if (value.length >= 2) void navigate({ search: { q: value }, replace: true });
          }}
        >
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t("home.search")}
              type="search"
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              error={tooShort ? t("home.tooShort") : undefined}
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              w={{ base: "100%", sm: 360 }}
              maxLength={100}
              autoComplete="off"
            />
            <Button type="submit" mt={{ base: 0, sm: 25 }} loading={persons.isFetching}>
              {t("home.submit")}
            </Button>
          </Group>
        </form>

        <ProblemAlert error={persons.error} />
        <div role="status" aria-live="polite">
          {active && persons.data ? (
            <VisuallyHidden>{tc("list.showing", { count: items.length })}</VisuallyHidden>
          ) : null}
        </div>
        {active ? (
          <Box mt="lg">
            <DataTable
              caption={t("home.caption")}
              testId="dpo-persons"
              loading={persons.isPending}
              rows={items}
              rowKey={(p) => p.id}
              empty={t("home.none")}
              columns={[
                {
                  key: "name",
                  header: t("home.name"),
                  rowHeader: true,
                  cell: (p) => `${p.familyName}, ${p.givenNames}`,
                },
                {
                  key: "birthDate",
                  header: t("home.birthDate"),
                  cell: (p) => (p.birthDate ? numericDate(p.birthDate) : tc("status.none")),
                },
                {
                  key: "open",
                  header: t("home.open"),
                  hideHeader: true,
                  cell: (p) => (
                    <Anchor
                      fw={600}
                      aria-label={t("home.openLabel", { name: `${p.givenNames} ${p.familyName}` })}
                      renderRoot={(props) => (
                        <Link {...props} to="/data-protection/persons/$personId" params={{ personId: p.id }} />
                      )}
                    >
                      {t("home.open")}
                    </Anchor>
                  ),
                },
              ]}
            />
          </Box>
        ) : null}
      </Paper>

      <Title order={2} size="h3" mb="md">
        {t("home.toolsTitle")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ToolCard
          icon={<IconListDetails aria-hidden="true" />}
          title={t("home.auditTitle")}
          text={t("home.auditText")}
          link={
            <Anchor component={Link} to="/audit" fw={600}>
              <Group gap={6} component="span">
                {t("home.auditLink")}
                <IconArrowRight size={16} aria-hidden="true" />
              </Group>
            </Anchor>
          }
        />
        <ToolCard
          icon={<IconScale aria-hidden="true" />}
          title={t("home.legalBasesTitle")}
          text={t("home.legalBasesText")}
          link={
            <Anchor component={Link} to="/legal-bases" fw={600}>
              <Group gap={6} component="span">
                {t("home.legalBasesLink")}
                <IconArrowRight size={16} aria-hidden="true" />
              </Group>
            </Anchor>
          }
        />
      </SimpleGrid>
    </>
  );
}

function ToolCard({ icon, title, text, link }: { icon: ReactNode; title: string; text: string; link: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Group align="flex-start" gap="md" wrap="nowrap">
        <ThemeIcon size={40} radius="md" variant="light" color="strang">
          {icon}
        </ThemeIcon>
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed" mt={4} mb="sm">
            {text}
          </Text>
          {link}
        </div>
      </Group>
    </Paper>
  );
}
