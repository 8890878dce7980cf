// A small status label. Mantine's light badges fall below 4.5:1 contrast, so the colours are fixed here.
import { Badge } from "@mantine/core";
import type { ReactNode } from "react";

const tones = {
  success: { background: "#e3f3e6", color: "#1b5e20", border: "#b7dfbf" },
  neutral: { background: "#eceff2", color: "#353c43", border: "#cfd5db" },
  warning: { background: "#fff3e0", color: "#7a3e00", border: "#f5d3a1" },
  danger: { background: "#fdecea", color: "#8c1d18", border: "#f2c0bb" },
} as const;

export function StatusBadge({
  tone,
  children,
  icon,
  size = "md",
}: {
  tone: keyof typeof tones;
  children: ReactNode;
  icon?: ReactNode;
  size?: "md" | "lg";
}) {
  const c = tones[tone];
  return (
    <Badge
      size={size}
      radius="sm"
      leftSection={icon}
      styles={{
        root: {
          background: c.background,
          color: c.color,
          border: `1px solid ${c.border}`,
          flexShrink: 0,
          maxWidth: "100%",
          ...(size === "lg" ? { height: "auto", minHeight: 28, paddingBlock: 4 } : {}),
        },
        label: { overflow: "visible", ...(size === "lg" ? { whiteSpace: "normal" as const } : {}) },
      }}
    >
      {children}
    </Badge>
  );
}
