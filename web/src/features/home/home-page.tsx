// The start page: who you are, and what you can do (links only to what the abilities allow, the
// same rule as the navigation).
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import {
  IconAddressBook,
  IconArrowRight,
  IconArrowsExchange,
  IconBuildingCommunity,
  IconChartBar,
  IconCopy,
  IconListDetails,
  IconShieldCheck,
  IconShieldExclamation,
  IconUsers,
} from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { PageHeader } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { useMe } from "../auth/auth.api";

type Card = { key: string; icon: ReactNode; title: string; text: string; link: ReactNode };

export function HomePage() {
  const { t } = useTranslation("home");
  const { t: tv } = useTranslation("vocabulary");
  const me = useMe();
  const a = me.abilities;

  const cards: Card[] = [];
  const cardLink = (
    to:
      | "/persons"
      | "/referrals"
      | "/duplicates"
      | "/reports/referrals"
      | "/directory"
      | "/organisations"
      | "/users"
      | "/audit",
    label: string,
  ) => (
    <Anchor component={Link} to={to} fw={600}>
      <Group gap={6} component="span">
        {label}
        <IconArrowRight size={16} aria-hidden="true" />
      </Group>
    </Anchor>
  );
  if (a.workWithPersons) {
    const persons = t("cards.persons", { returnObjects: true });
    const referrals = t("cards.referrals", { returnObjects: true });
    const duplicates = t("cards.duplicates", { returnObjects: true });
    cards.push(
      {
        key: "persons",
        icon: <IconAddressBook aria-hidden="true" />,
        title: persons.title,
        text: persons.text,
        link: cardLink("/persons", persons.link),
      },
      {
        key: "referrals",
        icon: <IconArrowsExchange aria-hidden="true" />,
        title: referrals.title,
        text: referrals.text,
        link: cardLink("/referrals", referrals.link),
      },
      {
        key: "duplicates",
        icon: <IconCopy aria-hidden="true" />,
        title: duplicates.title,
        text: duplicates.text,
        link: cardLink("/duplicates", duplicates.link),
      },
    );
  }
  if (a.viewReferralReports) {
    const c = t("cards.sla", { returnObjects: true });
    cards.push({
      key: "sla",
      icon: <IconChartBar aria-hidden="true" />,
      title: c.title,
      text: c.text,
      link: cardLink("/reports/referrals", c.link),
    });
  }
  if (a.manageUsers) {
    const own = a.manageUsersOf !== "all";
    const c = own ? t("cards.usersOwn", { returnObjects: true }) : t("cards.usersAll", { returnObjects: true });
    cards.push({
      key: "users",
      icon: <IconUsers aria-hidden="true" />,
      title: c.title,
      text: c.text,
      link: cardLink("/users", c.link),
    });
  }
  {
    const c = a.manageOrganisations
      ? t("cards.organisationsManage", { returnObjects: true })
      : t("cards.organisationsView", { returnObjects: true });
    cards.push({
      key: "organisations",
      icon: <IconBuildingCommunity aria-hidden="true" />,
      title: c.title,
      text: c.text,
      link: cardLink(a.manageOrganisations ? "/organisations" : "/directory", c.link),
    });
  }
  if (a.viewAudit) {
    const c = t("cards.audit", { returnObjects: true });
    cards.push({
      key: "audit",
      icon: <IconListDetails aria-hidden="true" />,
      title: c.title,
      text: c.text,
      link: cardLink("/audit", c.link),
    });
  }

  return (
    <>
      <PageHeader
        title={t("welcome", { name: me.user.name })}
        description={
          <Trans
            t={t}
            i18nKey="youAre"
            values={{ role: tv(`role.${me.user.role}`), organisation: me.organisation.name, tenant: me.tenant.name }}
            components={{ strong: <strong /> }}
          />
        }
      />
      <Stack gap="xl">
        <section aria-labelledby="home-can-do">
          <Title order={2} id="home-can-do" mb="md">
            {t("whatYouCanDo")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
            {cards.map((c) => (
              <Paper key={c.key} withBorder p="lg" radius="md" data-testid={`home-card-${c.key}`}>
                <Stack gap="sm" h="100%">
                  <ThemeIcon variant="light" size={42} radius="md">
                    {c.icon}
                  </ThemeIcon>
                  <Title order={3}>{c.title}</Title>
                  <Text c="dimmed" style={{ flex: 1 }}>
                    {c.text}
                  </Text>
                  {c.link}
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        </section>
        <section aria-labelledby="home-security">
          <Paper withBorder p="lg" radius="md" maw="48rem">
            <Title order={2} id="home-security" mb="sm">
              {t("security.title")}
            </Title>
            <Group gap="sm" mb="md">
              {me.totpEnabled ? (
                <StatusBadge tone="success" size="lg" icon={<IconShieldCheck size={16} aria-hidden="true" />}>
                  {t("security.twoFactorOn")}
                </StatusBadge>
              ) : (
                <StatusBadge tone="warning" size="lg" icon={<IconShieldExclamation size={16} aria-hidden="true" />}>
                  {t("security.twoFactorOff")}
                </StatusBadge>
              )}
            </Group>
            <Group gap="lg">
              {!me.totpEnabled ? (
                <Anchor component={Link} to="/account/two-factor">
                  {t("security.setUp")}
                </Anchor>
              ) : null}
              <Anchor component={Link} to="/account/password">
                {t("security.changePassword")}
              </Anchor>
            </Group>
          </Paper>
        </section>
      </Stack>
    </>
  );
}
