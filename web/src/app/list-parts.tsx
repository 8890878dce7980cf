// Shared pieces of the list pages: a filter bar, a scrolling table region, the result count for
// screen readers, "load more".
import { Button, Group, Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function FilterBar({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Paper withBorder p="md" radius="md" mb="md" role="search" aria-label={label}>
      <Group align="flex-end" gap="md" wrap="wrap">
        {children}
      </Group>
    </Paper>
  );
}

/**
 * A wide table in a bordered box that scrolls sideways on narrow screens, reachable by keyboard.
 * Positioned, so that the visually hidden texts in the table (absolutely placed) stay inside the box
 * instead of widening the page.
 */
export function TableRegion({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Paper
      withBorder
      radius="md"
      pos="relative"
      style={{ overflowX: "auto" }}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </Paper>
  );
}

export function ListFooter({
  count,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  count: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="md" gap="md">
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {t("list.showing", { count })}
        {hasMore ? ` ${t("list.more")}` : ""}
      </Text>
      {hasMore ? (
        <Button variant="default" onClick={onLoadMore} loading={loadingMore}>
          {t("actions.loadMore")}
        </Button>
      ) : null}
    </Group>
  );
}
