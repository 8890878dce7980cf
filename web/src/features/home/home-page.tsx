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
import { type HomeStrings, homeStrings, useHomeStrings } from "./home.i18n";

type Card = { key: string; icon: ReactNode; title: string; text: string; link: ReactNode };
type CardStrings = keyof HomeStrings["cards"];
type Target = "/persons" | "/referrals" | "/duplicates" | "/reports/referrals" | "/directory" | "/users" | "/audit";

export function HomePage() {
  const t = useHomeStrings();
  const { t: tv } = useTranslation("vocabulary");
  const me = useMe();
  const a = me.abilities;

  const cardLink = (to: Target, label: string) => (
    <Anchor component={Link} to={to} fw={600}>
      <Group gap={6} component="span">
        {label}
        <IconArrowRight size={16} aria-hidden="true" />
      </Group>
    </Anchor>
  );
  // What the abilities allow, in this order: [test id, shown, strings, icon, target].
  const offered: [string, boolean, CardStrings, typeof IconUsers, Target][] = [
    ["persons", a.workWithPersons, "persons", IconAddressBook, "/persons"],
    ["referrals", a.workWithPersons, "referrals", IconArrowsExchange, "/referrals"],
    ["duplicates", a.workWithPersons, "duplicates", IconCopy, "/duplicates"],
    ["sla", a.viewReferralReports, "sla", IconChartBar, "/reports/referrals"],
    ["users", a.manageUsers, a.manageUsersOf === "all" ? "usersAll" : "usersOwn", IconUsers, "/users"],
    [
      "organisations",
      true,
      a.manageOrganisations ? "organisationsManage" : "organisationsView",
      IconBuildingCommunity,
      "/directory",
    ],
    ["audit", a.viewAudit, "audit", IconListDetails, "/audit"],
  ];
  const cards: Card[] = offered
    .filter(([, shown]) => shown)
    .map(([key, , strings, Icon, to]) => {
      const card = `cards.${strings}` as const;
      return {
        key,
        icon: <Icon aria-hidden="true" />,
        title: t(`${card}.title`),
        text: t(`${card}.text`),
        link: cardLink(to, t(`${card}.link`)),
      };
    });

  return (
    <>
      <PageHeader
        title={t("welcome", { name: me.user.name })}
        description={
          <Trans
            ns={homeStrings.ns as never}
            i18nKey={"youAre" as never}
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
