// Kept small and free of imports: the route definitions (part of the first load) use these.

export const caseStatuses = ["intake", "active", "paused", "closed"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

// The sections of a case file, in their order; the active one is kept in the address (`?tab=`).
export const caseTabs = [
  "overview",
  "residence",
  "benefits",
  "childcare",
  "school",
  "education",
  "work",
  "housing",
  "health",
  "family",
  "notes",
  "documents",
  "timeline",
  "household",
  "plan",
  "referrals",
  "consents",
] as const;
export type CaseTab = (typeof caseTabs)[number];
