// The hash chain over audit rows. Writers insert unsealed rows; `sealPending` chains every
// committed row in the order it finds them (one sealer at a time, by advisory lock), so the
// chain never serialises the requests that write audit rows.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.js";

const genesis = "0".repeat(64);
/** The advisory lock that lets one sealer run at a time. */
export const sealLockKey = 884422002;
const nullTenant = "00000000-0000-0000-0000-000000000000";

type ChainRow = {
  id: number;
  tenant_id: string | null;
  occurred_at: string | Date;
  request_id: string | null;
  action: string;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  actor_role: string | null;
  subject_type: string | null;
  subject_id: string | null;
  person_id: string | null;
  categories: string[] | string;
  purpose: string | null;
  grounds: unknown;
  details: unknown;
};

const contentColumns = sql.raw(
  "id, tenant_id, occurred_at, request_id, action, actor_user_id, actor_organisation_id, actor_role, subject_type, subject_id, person_id, categories, purpose, grounds, details",
);

const iso = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();
const parseJson = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
const textArray = (v: string[] | string) => (Array.isArray(v) ? v : v === "{}" ? [] : v.slice(1, -1).split(","));

export function rowHash(prevHash: string, row: ChainRow): string {
  const canonical = JSON.stringify([
    Number(row.id),
    row.tenant_id,
    iso(row.occurred_at),
    row.request_id,
    row.action,
    row.actor_user_id,
    row.actor_organisation_id,
    row.actor_role,
    row.subject_type,
    row.subject_id,
    row.person_id,
    textArray(row.categories),
    row.purpose,
    parseJson(row.grounds),
    parseJson(row.details),
  ]);
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}

/**
 * Seals up to `limit` committed rows; returns how many. Safe to call from several processes.
 * Gives up at once when another sealer is running, unless `wait` (then it seals after it).
 */
export async function sealPending(db: Db, limit = 5000, options: { wait?: boolean } = {}): Promise<number> {
  return db.transaction(async (tx) => {
    if (options.wait) {
      await tx.execute(sql`select pg_advisory_xact_lock(${sealLockKey})`);
    } else {
      const lock = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${sealLockKey}) as ok`);
      if (!lock[0]?.ok) return 0;
    }
    const pending = await queryRows<ChainRow>(
      tx,
      sql`select ${contentColumns} from audit_events where seq is null order by id limit ${limit}`,
    );
    if (pending.length === 0) return 0;
    const tenantKeys = [...new Set(pending.map((r) => r.tenant_id ?? nullTenant))];
    const heads = new Map<string, { seq: number; hash: string }>();
    for (const key of tenantKeys) {
      const head = (
        await queryRows<{ seq: number; hash: string }>(
          tx,
          sql`
          select seq, hash from audit_events
          where coalesce(tenant_id, ${nullTenant}::uuid) = ${key}::uuid and seq is not null
          order by seq desc limit 1`,
        )
      )[0];
      heads.set(key, head ? { seq: Number(head.seq), hash: head.hash } : { seq: 0, hash: genesis });
    }
    const sealed = pending.map((row) => {
      const key = row.tenant_id ?? nullTenant;
      const head = heads.get(key) as { seq: number; hash: string };
      const hash = rowHash(head.hash, row);
      const out = { id: Number(row.id), seq: head.seq + 1, prev: head.hash, hash };
      heads.set(key, { seq: out.seq, hash });
      return out;
    });
    await tx.execute(sql`
      update audit_events a set seq = v.seq, prev_hash = v.prev, hash = v.hash, sealed_at = now()
      from jsonb_to_recordset(${JSON.stringify(sealed)}::jsonb) as v(id bigint, seq bigint, prev text, hash text)
      where a.id = v.id`);
    return sealed.length;
  });
}

/** Seals every row committed before the call, waiting for a sealer that is running (verify, CLI). */
export async function sealAll(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealPending(db, 5000, { wait: true });
    total += n;
    if (n === 0) return total;
  }
}

export type VerifyResult = {
  ok: boolean;
  checked: number;
  firstBrokenId?: number;
  /** Rows committed but not yet sealed (they are chained moments later). */
  pending: number;
};

/** Recomputes the chain of one tenant (or of every chain when tenantId is undefined). */
export async function verifyChain(db: Db, tenantId?: string): Promise<VerifyResult> {
  const keys =
    tenantId !== undefined
      ? [tenantId]
      : (
          await queryRows<{ k: string }>(
            db,
            sql`select distinct coalesce(tenant_id, ${nullTenant}::uuid)::text as k from audit_events where seq is not null`,
          )
        ).map((r) => r.k);
  let checked = 0;
  for (const key of keys) {
    let prev = genesis;
    let expectedSeq = 1;
    for (;;) {
      const batch = await queryRows<ChainRow & { seq: number; prev_hash: string; hash: string }>(
        db,
        sql`
          select ${contentColumns}, seq, prev_hash, hash from audit_events
          where coalesce(tenant_id, ${nullTenant}::uuid) = ${key}::uuid and seq >= ${expectedSeq}
          order by seq limit 2000`,
      );
      if (batch.length === 0) break;
      for (const row of batch) {
        const broken = Number(row.seq) !== expectedSeq || row.prev_hash !== prev || rowHash(prev, row) !== row.hash;
        if (broken) {
          return { ok: false, checked, firstBrokenId: Number(row.id), pending: await countPending(db, tenantId) };
        }
        prev = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
    }
  }
  return { ok: true, checked, pending: await countPending(db, tenantId) };
}

async function countPending(db: Db, tenantId?: string): Promise<number> {
  const where = tenantId !== undefined ? sql`seq is null and tenant_id = ${tenantId}::uuid` : sql`seq is null`;
  const r = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_events where ${where}`);
  return Number(r[0]?.n ?? 0);
}
