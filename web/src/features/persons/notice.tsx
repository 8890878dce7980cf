// A calm, high-contrast notice (why something is not shown, what a date means), with an icon.
import { Box, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";

const tones = {
  info: { background: "#eef3f9", border: "#1b4a7c", title: "#123a63" },
  lock: { background: "#f3f1ec", border: "#6b5a2e", title: "#4a3d1d" },
  warning: { background: "#fff4e5", border: "#a15c00", title: "#6b3d00" },
} as const;

export function Notice({
  tone = "info",
  icon,
  title,
  children,
  testId,
}: {
  tone?: keyof typeof tones;
  icon?: ReactNode;
  title?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  const c = tones[tone];
  return (
    <Box
      data-testid={testId}
      p="md"
      style={{
        background: c.background,
        borderLeft: `4px solid ${c.border}`,
        borderRadius: 4,
      }}
    >
      <Group gap="sm" align="flex-start" wrap="nowrap">
        {icon ? (
          <Box c={c.title} style={{ flexShrink: 0, lineHeight: 0, paddingTop: 2 }} aria-hidden="true">
            {icon}
          </Box>
        ) : null}
        <Box style={{ minWidth: 0 }}>
          {title ? (
            <Text fw={650} c={c.title} mb={children ? 4 : 0}>
              {title}
            </Text>
          ) : null}
          {children ? (
            <Text size="sm" c="#1a1d21" component="div">
              {children}
            </Text>
          ) : null}
        </Box>
      </Group>
    </Box>
  );
}
