// Building blocks every page uses: its heading and document title, loading and error states.
import { Alert, Box, Center, Group, Loader, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api-client";

// Focus moves to the new page's heading after an in-app navigation (not on the first load), so that
// screen-reader users hear where they are.
let focusHeadingOnMount = false;
export function enableHeadingFocus() {
  focusHeadingOnMount = true;
}

export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t("titleSuffix")}`;
  }, [title, t]);
}

export function PageHeader({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  useDocumentTitle(title);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeadingOnMount) ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <Box mb="xl">
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Box style={{ flex: "1 1 24rem", minWidth: 0 }}>
          <Title order={1} ref={ref} tabIndex={-1} className="page-heading">
            {title}
          </Title>
          {description ? (
            <Text c="dimmed" mt={6} maw="48rem">
              {description}
            </Text>
          ) : null}
        </Box>
        {actions ? <Group gap="sm">{actions}</Group> : null}
      </Group>
      {children}
    </Box>
  );
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader size="md" aria-hidden="true" />
      <VisuallyHidden>{t("loading")}</VisuallyHidden>
    </Center>
  );
}

export function problemMessage(error: unknown, t: (key: never) => string): string {
  const tt = t as (key: string) => string;
  if (!(error instanceof ApiError)) return tt("errors.generic");
  if (error.status === 0) return tt("errors.network");
  switch (error.code) {
    case "version-conflict":
      return tt("errors.versionConflict");
    case "forbidden":
      return tt("errors.forbidden");
    case "not-found":
      return tt("errors.notFound");
    case "validation-error":
      return tt("errors.validation");
    case "consent-required":
      return tt("errors.consentRequired");
    case "receiver-cannot-act":
      return tt("errors.receiverCannotAct");
    case "conflict":
      return tt("errors.conflict");
    case "rate-limited":
      return tt("errors.rateLimited");
    case "unauthenticated":
      return tt("errors.sessionExpired");
  }
  return error.status >= 500 ? tt("errors.server") : tt("errors.generic");
}

export function ProblemAlert({ error, title, action }: { error: unknown; title?: string; action?: ReactNode }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden="true" />}
      title={title}
      mb="md"
      styles={{ message: { color: "#3a0d09" }, title: { color: "#7a1a12" } }}
    >
      {problemMessage(error, t as never)}
      {action ? <Box mt="sm">{action}</Box> : null}
    </Alert>
  );
}
