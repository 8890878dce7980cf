// The audit log: who may read it, what it shows, its hash chain and its append-only guard.
// Tests that touch the chain work in a tenant of their own: chains and verify are per tenant,
// so they never disturb other test files on the shared PostgreSQL database.
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { audit } from "../../platform/audit/audit.js";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import { sealAll, sealLockKey, sealPending, verifyChain } from "../../platform/audit/audit-chain.js";
import type { Db } from "../../platform/db/client.js";
import { roles } from "../../platform/domain.js";
import { expectProblem } from "../../test/case-file-factories.js";
import { createTenant, login, tenantWithEveryRole } from "../../test/factories.js";
import { type Client, client, getTestApp } from "../../test/test-app.js";

const api = "/api/v1";
type Item = { id: number; action: string; actorUserId: string | null; occurredAt: string; details: unknown };

const tenantRows = (db: Db, tenantId: string) =>
  db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId)).orderBy(asc(auditEvents.id));

async function walk(c: Client, query: string): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await c.get(`${api}/audit?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.statusCode, res.body).toBe(200);
    items.push(...res.json().items);
    cursor = res.json().nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { items, pages };
}

/** The error a statement raises, with the database's own message (drizzle wraps it). */
async function failureOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return `${err.message} ${err.cause?.message ?? ""}`;
  }
  throw new Error("the statement did not fail");
}

/** Runs `fn` with the append-only trigger off, in one transaction: nobody else sees it off. */
async function withoutGuard(db: Db, fn: (tx: Db) => Promise<void>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await fn(tx as unknown as Db);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  });
}

describe("GET /audit and /audit/verify: who", () => {
  it("answers 401 anonymously, 403 for every role but tenant admin and dpo", async () => {
    const app = await getTestApp();
    for (const path of ["/audit", "/audit/verify"]) {
      expectProblem(await client(app).get(`${api}${path}`), 401, "unauthenticated");
    }
    const t = await tenantWithEveryRole(app);
    for (const role of roles) {
      for (const path of ["/audit", "/audit/verify"]) {
        const res = await t.clients[role].get(`${api}${path}`);
        if (role === "tenant_admin" || role === "dpo") expect(res.statusCode, `${role} ${path}`).toBe(200);
        else expectProblem(res, 403, "forbidden");
      }
    }
  });
});

describe("GET /audit", () => {
  it("answers 400 for bad filters", async () => {
    const app = await getTestApp();
    const t = await createTenant(app.database.db);
    const c = await login(app, t.admin.email);
    const bad: [string, string][] = [
      ["action=user.exploded", "query.action"],
      ["userId=nope", "query.userId"],
      ["from=yesterday", "query.from"],
      ["to=2026-13-45", "query.to"],
      ["limit=0", "query.limit"],
      ["limit=501", "query.limit"],
      ["tenantId=x", "query.tenantId"],
      ["cursor=garbage", "query.cursor"],
    ];
    for (const [query, path] of bad) {
      expectProblem(await c.get(`${api}/audit?${query}`), 400, "validation-error", [path]);
    }
  });

  it("shows only the own tenant's events, newest first, paged without gaps or duplicates", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const a = await createTenant(db);
    const b = await createTenant(db);
    const adminA = await login(app, a.admin.email);
    const adminB = await login(app, b.admin.email);
    for (const name of ["Eins", "Zwei", "Drei"]) {
      expect((await adminA.post(`${api}/organisations`, { name, type: "other" })).statusCode).toBe(201);
      expect((await adminB.post(`${api}/organisations`, { name, type: "other" })).statusCode).toBe(201);
    }
    const expected = (await tenantRows(db, a.tenant.id)).map((r) => r.id).reverse();
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const bIds = new Set((await tenantRows(db, b.tenant.id)).map((r) => r.id));

    const { items, pages } = await walk(adminA, "limit=2");
    expect(items.map((i) => i.id)).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 2));
    expect(items.some((i) => bIds.has(i.id))).toBe(false);
    const created = items.filter((i) => i.action === "organisation.created");
    expect(created).toHaveLength(3);
    expect(created[0]).toMatchObject({
      actorUserId: a.admin.id,
      actorRole: "tenant_admin",
      subjectType: "organisation",
      details: { after: { name: "Drei", type: "other" } },
    });
  });

  it("filters by userId, action, from and to; the search itself is audited", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await tenantWithEveryRole(app);
    const admin = t.clients.tenant_admin;
    const dpo = t.clients.dpo;
    const dpoId = t.users.dpo?.id as string;
    expect((await admin.post(`${api}/organisations`, { name: "Filterbar", type: "other" })).statusCode).toBe(201);
    const rows = await tenantRows(db, t.tenant.id);

    const byUser = (await walk(dpo, `userId=${dpoId}&limit=500`)).items;
    expect(byUser.map((i) => i.id)).toEqual(
      rows
        .filter((r) => r.actorUserId === dpoId)
        .map((r) => r.id)
        .reverse(),
    );
    expect(byUser.every((i) => i.actorUserId === dpoId)).toBe(true);

    const logins = (await walk(dpo, "action=auth.login.succeeded&limit=500")).items;
    expect(logins).toHaveLength(roles.length);
    expect(logins.every((i) => i.action === "auth.login.succeeded")).toBe(true);

    // from/to bound occurredAt (inclusive); a date alone for `to` means the whole day.
    const middle = rows[Math.floor(rows.length / 2)];
    if (!middle) throw new Error("no rows");
    const from = middle.occurredAt.toISOString();
    const fromItems = (await walk(admin, `from=${encodeURIComponent(from)}&limit=500`)).items;
    const expectedFrom = rows.filter((r) => r.occurredAt >= middle.occurredAt).map((r) => r.id);
    const lastId = rows[rows.length - 1]?.id ?? 0;
    expect(
      fromItems
        .filter((i) => i.id <= lastId)
        .map((i) => i.id)
        .sort(),
    ).toEqual(expectedFrom.sort());
    const toItems = (await walk(admin, `to=${encodeURIComponent(from)}&limit=500`)).items;
    expect(toItems.map((i) => i.id).sort()).toEqual(
      rows
        .filter((r) => r.occurredAt <= middle.occurredAt)
        .map((r) => r.id)
        .sort(),
    );
    expect((await walk(admin, "to=2000-01-01&limit=500")).items).toEqual([]);
    expect((await walk(admin, "from=2999-01-01T00:00:00Z&limit=500")).items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const wholeDay = (await walk(admin, `from=${today}&to=${today}&action=organisation.created&limit=500`)).items;
    expect(wholeDay).toHaveLength(1);

    const searches = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.tenantId, t.tenant.id),
          eq(auditEvents.action, "audit.searched"),
          eq(auditEvents.actorUserId, dpoId),
        ),
      )
      .orderBy(asc(auditEvents.id));
    expect(searches.map((s) => s.details)).toEqual([
      { filters: { userId: dpoId, limit: 500 } },
      { filters: { action: "auth.login.succeeded", limit: 500 } },
    ]);
  });

  it("shows the names of changed fields of a person's events, not their content", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const personId = randomUUID();
    await audit(
      db,
      { tenantId: t.tenant.id, requestId: "test" },
      {
        action: "person.updated",
        personId,
        details: { before: { familyName: "Secretname-before" }, after: { familyName: "Secretname-after", sex: "f" } },
      },
    );
    const c = await login(app, t.admin.email);
    const res = await c.get(`${api}/audit?personId=${personId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("Secretname");
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ personId, details: { changedFields: ["familyName", "sex"] } });
  });
});

describe("the hash chain", () => {
  it("verify seals pending rows and answers ok; every row of the tenant is chained in order", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const admin = await login(app, t.admin.email);
    for (const name of ["A", "B"]) await admin.post(`${api}/organisations`, { name, type: "other" });
    const before = await tenantRows(db, t.tenant.id);
    expect(before.some((r) => r.seq === null)).toBe(true);

    const res = await admin.get(`${api}/audit/verify`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, checked: before.length, pending: 0 });

    const rows = (await tenantRows(db, t.tenant.id))
      .filter((r) => r.seq !== null)
      .sort((x, y) => (x.seq ?? 0) - (y.seq ?? 0));
    expect(rows.map((r) => r.seq)).toEqual(before.map((_, i) => i + 1));
    expect(rows[0]?.prevHash).toBe("0".repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    // Verifying is audited too (and that row waits for the next seal).
    const [verified] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.tenant.id), eq(auditEvents.action, "audit.verified")));
    expect(verified).toMatchObject({ actorUserId: t.admin.id, details: { ok: true, checked: before.length } });
    expect((await admin.get(`${api}/audit/verify`)).json()).toEqual({
      ok: true,
      checked: before.length + 1,
      pending: 0,
    });
  });

  // PGlite has one connection: two sealers can only meet on a PostgreSQL server.
  it.skipIf(!process.env.DATABASE_URL)("verify waits for a sealer that is running instead of skipping", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const admin = await login(app, t.admin.email);
    let locked: () => void = () => {};
    let release: () => void = () => {};
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Another sealer (as the server's background one) holds the lock for a moment.
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${sealLockKey})`);
      locked();
      await released;
    });
    await lockTaken;
    const verify = admin.get(`${api}/audit/verify`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await holder;
    const res = await verify;
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, pending: 0 });
    expect(res.json().checked).toBeGreaterThanOrEqual(2);
  });

  it("is append-only: UPDATE and DELETE of a row fail in the database", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    await sealAll(db);
    const [sealed] = await tenantRows(db, t.tenant.id);
    if (!sealed?.seq) throw new Error("row not sealed");
    const attempts = (id: number) => [
      sql`update audit_events set details = '{"x":1}'::jsonb where id = ${id}`,
      sql`update audit_events set action = 'auth.logout' where id = ${id}`,
      sql`update audit_events set occurred_at = now() - interval '1 day' where id = ${id}`,
      sql`delete from audit_events where id = ${id}`,
    ];
    for (const statement of attempts(sealed.id)) {
      expect(await failureOf(db.execute(statement))).toContain("append-only");
    }
    // Once sealed, not even the seal can be rewritten.
    expect(
      await failureOf(db.execute(sql`update audit_events set hash = ${"f".repeat(64)} where id = ${sealed.id}`)),
    ).toContain("append-only");
    expect(await tenantRows(db, t.tenant.id)).toEqual([sealed]);

    // A row not sealed yet is just as immutable (inside one transaction, so no sealer reaches it).
    for (const i of [0, 1, 2, 3]) {
      const message = await failureOf(
        db.transaction(async (tx) => {
          await audit(tx, { tenantId: t.tenant.id, requestId: "unsealed" }, { action: "organisation.created" });
          const [row] = await tx
            .select()
            .from(auditEvents)
            .where(and(eq(auditEvents.tenantId, t.tenant.id), eq(auditEvents.requestId, "unsealed")));
          if (!row || row.seq !== null) throw new Error("expected an unsealed row");
          await tx.execute(attempts(row.id)[i] as ReturnType<typeof sql>);
        }),
      );
      expect(message).toContain("append-only");
    }
    expect(await tenantRows(db, t.tenant.id)).toEqual([sealed]);
  });

  it("detects a row changed behind the guard's back, and names it", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    const admin = await login(app, t.admin.email);
    const created = await admin.post(`${api}/organisations`, { name: "Original", type: "other" });
    expect(created.statusCode).toBe(201);
    expect((await admin.get(`${api}/audit/verify`)).json()).toMatchObject({ ok: true });
    const [row] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.tenant.id), eq(auditEvents.action, "organisation.created")));
    if (!row?.seq) throw new Error("row not sealed");

    await withoutGuard(db, async (tx) => {
      await tx.execute(
        sql`update audit_events set details = ${JSON.stringify({ after: { name: "Forged", type: "other" } })}::jsonb where id = ${row.id}`,
      );
    });
    const broken = await admin.get(`${api}/audit/verify`);
    expect(broken.statusCode).toBe(200);
    expect(broken.json()).toMatchObject({ ok: false, firstBrokenId: row.id });
    expect(broken.json().checked).toBe(row.seq - 1);
    // Another tenant's chain is not affected.
    const other = await createTenant(db);
    await sealAll(db);
    expect(await verifyChain(db, other.tenant.id)).toMatchObject({ ok: true, checked: 1 });

    // Restored, the chain verifies again (and the shared test database stays clean).
    await withoutGuard(db, async (tx) => {
      await tx.execute(
        sql`update audit_events set details = ${JSON.stringify(row.details)}::jsonb where id = ${row.id}`,
      );
    });
    expect((await admin.get(`${api}/audit/verify`)).json()).toMatchObject({ ok: true, pending: 0 });
  });

  it("detects a deleted row", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const t = await createTenant(db);
    for (const n of [1, 2, 3]) {
      await audit(db, { tenantId: t.tenant.id }, { action: "organisation.updated", details: { n } });
    }
    await sealAll(db);
    const rows = await tenantRows(db, t.tenant.id);
    const victim = rows[2];
    const next = rows[3];
    if (!victim || !next) throw new Error("rows missing");
    await withoutGuard(db, async (tx) => {
      await tx.execute(sql`delete from audit_events where id = ${victim.id}`);
    });
    expect(await verifyChain(db, t.tenant.id)).toMatchObject({ ok: false, firstBrokenId: next.id, checked: 2 });
    // Put it back exactly as it was, so that the tenant's chain is whole again.
    await db.execute(sql`
        insert into audit_events (id, tenant_id, occurred_at, request_id, action, details, seq, prev_hash, hash, sealed_at)
        overriding system value
        values (${victim.id}, ${t.tenant.id}::uuid, ${victim.occurredAt.toISOString()}::timestamptz, ${victim.requestId},
                ${victim.action}, ${JSON.stringify(victim.details)}::jsonb, ${victim.seq}, ${victim.prevHash},
                ${victim.hash}, ${victim.sealedAt?.toISOString() ?? null}::timestamptz)`);
    expect(await verifyChain(db, t.tenant.id)).toMatchObject({ ok: true, checked: rows.length });
  });

  it("concurrent sealers produce a gapless sequence per tenant", async () => {
    const app = await getTestApp();
    const db = app.database.db;
    const [a, b] = [await createTenant(db), await createTenant(db)];
    // Writers and sealers at the same time, as in production.
    const writes = Array.from({ length: 20 }, (_, i) =>
      audit(db, { tenantId: i % 2 ? a.tenant.id : b.tenant.id }, { action: "organisation.updated", details: { i } }),
    );
    const sealers = Array.from({ length: 6 }, () => sealPending(db, 3));
    await Promise.all([...writes, ...sealers, sealPending(db), sealPending(db)]);
    await sealAll(db);
    for (const t of [a, b]) {
      const rows = await tenantRows(db, t.tenant.id);
      expect(rows).toHaveLength(11);
      const seqs = rows.map((r) => r.seq).sort((x, y) => (x ?? 0) - (y ?? 0));
      expect(seqs).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
      expect(await verifyChain(db, t.tenant.id)).toEqual({ ok: true, checked: 11, pending: 0 });
    }
    const unsealed = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, a.tenant.id), isNull(auditEvents.seq)));
    expect(unsealed).toEqual([]);
  });
});
