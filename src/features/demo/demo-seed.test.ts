// The demo municipality on a fresh embedded database: the network is there (agreements, consents,
// referrals in several states, plans), and what a Jobcenter clerk sees of it follows the access rule.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../platform/db/client.js";
import { organisations } from "../../platform/identity/identity.tables.js";
import { isLanguageCode } from "../../platform/reference/reference-data.js";
import { agreements } from "../agreements/agreements.tables.js";
import { duplicateCandidates } from "../duplicates/duplicates.tables.js";
import { persons } from "../persons/persons.tables.js";
import { planGoals, planMeasures } from "../plans/plans.tables.js";
import { referrals } from "../referrals/referrals.tables.js";
import { systemSeedDemo } from "./demo-seed.js";

describe("demo seed", () => {
  let database: Database;
  let tenantId: string;

  beforeAll(async () => {
    // Its own embedded database: the demo accounts' e-mail addresses are unique per deployment.
    database = await openDatabase({ dataDir: "memory://" });
    await database.migrate();
    tenantId = (await systemSeedDemo(database.db, { persons: 80 })).tenantId;
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it("seeds agreements, referrals in several states and plans with linked measures", async () => {
    const db = database.db;
    expect((await db.select().from(agreements).where(eq(agreements.tenantId, tenantId))).length).toBe(5);
    const refs = await db.select().from(referrals).where(eq(referrals.tenantId, tenantId));
    expect(refs.length).toBeGreaterThan(10);
    const states = new Set(refs.map((r) => r.status));
    expect(states.has("sent") && states.has("accepted") && states.has("completed")).toBe(true);
    for (const r of refs) {
      expect(r.acknowledgeBy >= r.sentAt.toISOString().slice(0, 10)).toBe(true);
      expect(r.firstAppointmentBy >= r.acknowledgeBy).toBe(true);
    }
    const goals = await db.select().from(planGoals).where(eq(planGoals.tenantId, tenantId));
    const measures = await db.select().from(planMeasures).where(eq(planMeasures.tenantId, tenantId));
    expect(goals.length).toBe(refs.length);
    expect(measures.filter((m) => m.referralId !== null).length).toBe(refs.length);
  });

  it("fills the network directory with services, languages and opening hours", async () => {
    const orgs = await database.db.select().from(organisations).where(eq(organisations.tenantId, tenantId));
    expect(orgs.filter((o) => o.services.length > 0).length).toBeGreaterThanOrEqual(15);
    for (const o of orgs) {
      expect(o.openingHours, o.name).toBeTruthy();
      for (const l of o.languages) expect(isLanguageCode(l), `${o.name}: ${l}`).toBe(true);
    }
  });

  it("registers some persons a second time in another spelling, and the scan lists the pairs", async () => {
    const db = database.db;
    const pairs = await db.select().from(duplicateCandidates).where(eq(duplicateCandidates.tenantId, tenantId));
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    const byId = new Map((await db.select().from(persons).where(eq(persons.tenantId, tenantId))).map((p) => [p.id, p]));
    for (const pair of pairs) {
      const [a, b] = [byId.get(pair.personAId), byId.get(pair.personBId)];
      // Another spelling, not an exact copy the registration warning would have stopped.
      expect(`${a?.givenNames} ${a?.familyName}`).not.toBe(`${b?.givenNames} ${b?.familyName}`);
      expect(pair.status).toBe("open");
    }
  });
});
