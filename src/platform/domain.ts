// Vocabulary shared by the platform and the features (ARCHITECTURE.md "Roles and organisation types").

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

/** Organisation types whose records carry the protection mark (ARCHITECTURE.md "The access rule"). */
export const protectedProvenanceTypes: readonly OrganisationType[] = [
  "school",
  "school_office",
  "kita",
  "youth_office",
  "health_office",
  "welfare",
  "migration_counselling",
];

/** Roles that may reach person data and therefore must use a second factor when 2FA is required. */
export const rolesRequiring2fa: readonly Role[] = roles.filter((r) => r !== "steering");
