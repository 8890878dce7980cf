// The Mantine theme: a sober municipal blue whose primary shade passes WCAG AA contrast on white
// (Mantine's default blue.6 button does not: 3.55:1), and darker "dimmed" and error colours.
import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from "@mantine/core";

const strang: MantineColorsTuple = [
  "#eaf1f8",
  "#d3e1ef",
  "#a8c3df",
  "#7ca3cd",
  "#5587bd",
  "#3b74b1",
  "#2d68a7",
  "#225893",
  "#1b4a7c",
  "#123a63",
];

export const theme = createTheme({
  primaryColor: "strang",
  primaryShade: 7,
  colors: { strang },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
    fontWeight: "650",
    sizes: {
      h1: { fontSize: "1.75rem", lineHeight: "1.25" },
      h2: { fontSize: "1.3rem", lineHeight: "1.3" },
      h3: { fontSize: "1.1rem", lineHeight: "1.35" },
    },
  },
  defaultRadius: "sm",
  focusRing: "auto",
  cursorType: "pointer",
  black: "#1a1d21",
  components: {
    Button: { defaultProps: { fw: 600 } },
    Badge: { defaultProps: { tt: "none", fw: 600 } },
    Anchor: { defaultProps: { underline: "always" } },
    Table: { defaultProps: { verticalSpacing: "sm", highlightOnHover: true } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    // Mantine's defaults (gray.6 / red.6) fall below 4.5:1 on white.
    "--mantine-color-dimmed": "#4b535c",
    "--mantine-color-error": "#b42318",
    "--mantine-color-placeholder": "#6b737c",
    "--mantine-color-anchor": "#1b4a7c",
  },
  dark: {},
});
