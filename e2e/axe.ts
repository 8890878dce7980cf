// axe-core on the current page: WCAG 2.0/2.1 A and AA, zero violations, printed readably when not.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

export function formatViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary ?? "").split("\n").join("\n      ");
          return `    - ${n.target.join(" ")}\n      ${n.html.slice(0, 200)}\n      ${summary}`;
        })
        .join("\n");
      return `  ${v.id} [${v.impact ?? "?"}] ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join("\n\n");
}

/** Runs axe on the page as it is now; fails the test with the list of violations. */
export async function expectNoAxeViolations(page: Page, what?: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const label = what ?? new URL(page.url()).pathname;
  // Compared as text, so that a failure prints the readable list rather than axe's raw objects.
  expect(
    formatViolations(results.violations),
    `${results.violations.length} accessibility violation(s) on ${label}`,
  ).toBe("");
}
