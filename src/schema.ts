// Every drizzle table, for the database client and drizzle-kit. Feature tables live with their feature.
export * from "./features/code-lists/code-lists.tables.js";
export * from "./features/documents/documents.tables.js";
export * from "./features/households/households.tables.js";
export * from "./features/persons/persons.tables.js";
export * from "./features/records/records.tables.js";
export * from "./platform/audit/audit.tables.js";
export * from "./platform/auth/auth.tables.js";
export * from "./platform/identity/identity.tables.js";
