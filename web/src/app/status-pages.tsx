// 404 and "not allowed".
import { Anchor, Paper, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "./page";
import { AdaptiveFrame } from "./public-frame";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <AdaptiveFrame>
      <PageHeader title={t("notFound.title")} />
      <Paper withBorder p="xl" radius="md" maw="40rem">
        <Text mb="md">{t("notFound.text")}</Text>
        <Anchor component={Link} to="/" fw={600}>
          {t("notFound.home")}
        </Anchor>
      </Paper>
    </AdaptiveFrame>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("forbidden.title")} />
      <Paper withBorder p="xl" radius="md" maw="40rem">
        <Text mb="md">{t("forbidden.text")}</Text>
        <Anchor component={Link} to="/" fw={600}>
          {t("notFound.home")}
        </Anchor>
      </Paper>
    </>
  );
}
