// Migrates the PostgreSQL test database once before the API tests (PGlite migrates per file).
import { openDatabase } from "../platform/db/client.js";

export default async function setup() {
  if (!process.env.DATABASE_URL) return;
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
}
