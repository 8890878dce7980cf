// The server's vocabulary (src/platform/domain.ts, src/platform/audit/audit-events.ts) as the web app sees it.

// One vocabulary for server and web app: the lists come from the server's own modules (plain constants).
export { type OrganisationType, organisationTypes, type Role, roles } from "../../../src/platform/domain";
export { type Category, categories, specialCategories } from "../../../src/platform/domain-categories";

export const languages = ["de", "en"] as const;
export type Language = (typeof languages)[number];
export const isLanguage = (v: unknown): v is Language => v === "de" || v === "en";
