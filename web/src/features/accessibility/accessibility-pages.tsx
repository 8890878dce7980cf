// The accessibility statement and how to give feedback on accessibility (BITV NRW: every page links them).
import { Anchor, Button, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconMail } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { deployment } from "../../app/deployment";
import { useLanguage } from "../../app/frame-parts";
import { PageHeader } from "../../app/page";
import { AdaptiveFrame } from "../../app/public-frame";
import { useTexts } from "../../app/strings";
import { accessibilityStrings, useAccessibilityStrings } from "./accessibility.i18n";
import { StatementDe, StatementEn } from "./statement-content";

export function AccessibilityStatementPage() {
  const t = useAccessibilityStrings();
  const lang = useLanguage();
  return (
    <AdaptiveFrame>
      <PageHeader title={t("statement.title")} />
      <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md" maw="52rem">
        {lang === "de" ? <StatementDe /> : <StatementEn />}
      </Paper>
    </AdaptiveFrame>
  );
}

const feedbackRoute = getRouteApi("/feedback");

export function FeedbackPage() {
  const t = useAccessibilityStrings();
  const texts = useTexts(accessibilityStrings);
  const search = feedbackRoute.useSearch();
  const email = deployment.accessibilityEmail;
  const page = `${window.location.origin}${search.from ?? "/"}`;
  const href = `mailto:${email}?subject=${encodeURIComponent(t("feedback.mailSubject"))}&body=${encodeURIComponent(
    t("feedback.mailBody", { page }),
  )}`;
  return (
    <AdaptiveFrame>
      <PageHeader title={t("feedback.title")} description={t("feedback.intro")} />
      <Stack gap="lg" maw="48rem">
        <Paper withBorder p="xl" radius="md">
          <Title order={2} mb="sm">
            {t("feedback.howTitle")}
          </Title>
          <Text mb="md">{t("feedback.how")}</Text>
          <Button
            component="a"
            href={href}
            leftSection={<IconMail size={18} aria-hidden="true" />}
            styles={{
              root: { height: "auto", minHeight: 42, paddingBlock: 8, maxWidth: "100%" },
              label: { whiteSpace: "normal", wordBreak: "break-word" },
            }}
          >
            {t("feedback.writeMail", { email })}
          </Button>
          <Title order={2} mt="xl" mb="sm">
            {t("feedback.includeTitle")}
          </Title>
          <Text mb="xs">{t("feedback.includeIntro")}</Text>
          <List spacing="xs">
            {texts.feedback.include.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Text mt="md">{t("feedback.privacy")}</Text>
          <Text mt="md">{t("feedback.answer")}</Text>
          <Text mt="md">
            {t("feedback.alternatives")}{" "}
            <Anchor component={Link} to="/accessibility">
              {t("feedback.statementLink")}
            </Anchor>
          </Text>
        </Paper>
      </Stack>
    </AdaptiveFrame>
  );
}
