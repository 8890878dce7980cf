// What a municipality sets when it builds its deployment (Vite env variables, see web/README.md).
// Unset values show a bracketed placeholder, so the accessibility statement is complete but
// visibly unfinished until the operator fills in its contact.

const env = import.meta.env as Record<string, string | undefined>;
const value = (key: string) => {
  const v = env[key]?.trim();
  return v ? v : undefined;
};

export const deployment = {
  /** e.g. "Stadt Musterstadt"; without it the statement speaks of "the operating municipality". */
  operator: value("VITE_STRANG_OPERATOR"),
  /** The accessibility contact: name of the office, address, phone (one line each, separated by "|"). */
  accessibilityContact: value("VITE_STRANG_ACCESSIBILITY_CONTACT")
    ?.split("|")
    .map((s) => s.trim()),
  accessibilityEmail: value("VITE_STRANG_ACCESSIBILITY_EMAIL") ?? "barrierefreiheit@kommune.example",
  /** ISO date on which the statement was written or last reviewed. */
  statementDate: value("VITE_STRANG_STATEMENT_DATE") ?? "2026-11-24",
};
