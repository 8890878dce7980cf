// Data categories: the unit of consent and of access (ARCHITECTURE.md "The access rule").
export const categories = [
  "identity",
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
] as const;
export type Category = (typeof categories)[number];

/** Special categories of personal data under Art. 9 GDPR. */
export const specialCategories: readonly Category[] = ["health"];
