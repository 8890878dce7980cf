// Every drizzle table, for the database client and drizzle-kit. Feature tables live with their feature.
export * from "./features/agreements/agreements.tables.js";
export * from "./features/code-lists/code-lists.tables.js";
export * from "./features/consents/consents.tables.js";
export * from "./features/documents/documents.tables.js";
export * from "./features/duplicates/duplicates.tables.js";
export * from "./features/households/households.tables.js";
export * from "./features/legal-bases/legal-bases.tables.js";
export * from "./features/notifications/notifications.tables.js";
export * from "./features/persons/persons.tables.js";
export * from "./features/plans/plans.tables.js";
export * from "./features/records/records.tables.js";
export * from "./features/referrals/referrals.tables.js";
export * from "./features/search/search.tables.js";
export * from "./platform/audit/audit.tables.js";
export * from "./platform/auth/auth.tables.js";
export * from "./platform/http/idempotency.tables.js";
export * from "./platform/identity/identity.tables.js";
