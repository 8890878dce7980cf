import { defineConfig } from "vitest/config";

// Unit and API tests. API tests run against a real database: in-memory PGlite by default,
// the PostgreSQL server in DATABASE_URL when it is set (scripts/test.mjs runs both).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    globalSetup: ["src/test/global-setup.ts"],
  },
});
