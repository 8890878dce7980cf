// The server's vocabulary (src/platform/domain.ts, src/platform/audit/audit-events.ts) as the web app sees it.

export const roles = [
  "tenant_admin",
  "org_admin",
  "case_manager",
  "caseworker",
  "volunteer_coordinator",
  "volunteer",
  "steering",
  "dpo",
] as const;
export type Role = (typeof roles)[number];

export const organisationTypes = [
  "integration_office",
  "immigration_office",
  "jobcenter",
  "employment_agency",
  "youth_office",
  "school_office",
  "school",
  "kita",
  "welfare",
  "migration_counselling",
  "language_school",
  "health_office",
  "volunteer_initiative",
  "other",
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

export const languages = ["de", "en"] as const;
export type Language = (typeof languages)[number];
export const isLanguage = (v: unknown): v is Language => v === "de" || v === "en";
