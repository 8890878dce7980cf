// Every drizzle table, for the database client and drizzle-kit. Feature tables live with their feature.
export * from "./platform/audit/audit.tables.js";
export * from "./platform/auth/auth.tables.js";
export * from "./platform/identity/identity.tables.js";
