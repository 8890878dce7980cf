// Person search at scale (docs/targets.md: p95 < 25 ms at 1,000,000 persons on PostgreSQL, and
// better recall on transliteration variants than plain pg_trgm similarity).
//
// Seeds Musterstadt, then N persons in bulk — background persons from the demo name tables plus
// persons with ground truth from bench/match-generator.ts (the same people registered by several
// agencies with spelling variants) — with their search keys. Then:
//  - our search: GET /api/v1/persons?q=<given family>&limit=20 as the lead case manager (HTTP,
//    access rule and audit row included), latency and recall (share of the other records of the
//    query's true person among the hits), and as-you-type queries (family name cut to 3 letters);
//  - plain pg_trgm: similarity(given_names || ' ' || family_name, q) with a trigram GIN index, the
//    same queries and cut-off, timed as bare SQL (no HTTP, no access rule: flattering to it).
import { randomUUID } from "node:crypto";
import os from "node:os";
import { sql } from "drizzle-orm";
import { systemSeedDemo } from "../src/features/demo/demo-seed.js";
import { names, originWeights } from "../src/features/demo/name-tables.js";
import { searchKeyRows } from "../src/features/search/search-index.js";
import { type Db, openDatabase, queryRows } from "../src/platform/db/client.js";
import { type BenchDb, fmt, freshDatabase, keptDatabase, login, startServer } from "./lib.js";
import { generateMatchData, type MatchRecord } from "./match-generator.js";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = {
  id: string;
  givenNames: string;
  familyName: string;
  birthDate: string | null;
  sex: string;
  nationality: string;
  registeredBy: string;
  lead: string | null;
};

async function insertChunk(db: Db, tenantId: string, userId: string, rows: Row[]) {
  // One JSON parameter per statement (drizzle would expand a JS array into a list of parameters).
  await db.execute(sql`insert into persons (tenant_id, id, given_names, family_name, birth_date, sex, nationalities,
      registered_by_organisation_id, lead_organisation_id, case_status, created_by)
    select ${tenantId}::uuid, t.id, t."givenNames", t."familyName", t."birthDate", t.sex, array[t.nationality],
      t."registeredBy", t.lead, 'active', ${userId}::uuid
    from json_to_recordset(${JSON.stringify(rows)}::json) as t(id uuid, "givenNames" text, "familyName" text,
      "birthDate" text, sex text, nationality text, "registeredBy" uuid, lead uuid)`);
  const keys = rows.flatMap((r) =>
    searchKeyRows({ tenantId, ...r }).map((k) => ({ p: k.personId, k: k.key, part: k.part })),
  );
  await db.execute(sql`insert into person_search_keys (tenant_id, person_id, key, part)
    select ${tenantId}::uuid, t.p, t.k, t.part from json_to_recordset(${JSON.stringify(keys)}::json) as t(p uuid, k text, part text)
    on conflict do nothing`);
}

/** Bulk-loads `total` persons, `withTruth` of them from the match generator; returns the ground truth. */
async function load(db: Db, total: number, withTruth: number) {
  await systemSeedDemo(db, { persons: 0 });
  const [ctx] = await queryRows<{ tenant: string; io: string; jc: string; user: string }>(
    db,
    sql`select t.id as tenant,
        (select id from organisations o where o.tenant_id = t.id and o.type = 'integration_office' limit 1) as io,
        (select id from organisations o where o.tenant_id = t.id and o.type = 'jobcenter' limit 1) as jc,
        (select id from users u where u.tenant_id = t.id and u.role = 'case_manager' limit 1) as user
      from tenants t limit 1`,
  );
  if (!ctx) throw new Error("no tenant");
  const truth = generateMatchData(withTruth, 7).records;
  const idOf = new Map<string, string>();
  const rand = mulberry32(99);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const totalWeight = originWeights.reduce((s, [, w]) => s + w, 0);
  const origin = () => {
    let r = rand() * totalWeight;
    for (const [o, w] of originWeights) {
      r -= w;
      if (r <= 0) return o;
    }
    return originWeights[0]?.[0] ?? "SYR";
  };
  const birth = () => {
    const y = 1950 + Math.floor(rand() * 70);
    const roll = rand();
    const p = (n: number) => String(n).padStart(2, "0");
    if (roll < 0.25) return String(y);
    if (roll < 0.4) return `${y}-01-01`;
    return `${y}-${p(1 + Math.floor(rand() * 12))}-${p(1 + Math.floor(rand() * 28))}`;
  };
  // The truth records are spread through the load, so they are not the newest rows.
  const truthAt = new Map<number, MatchRecord>();
  for (const [i, r] of truth.entries()) truthAt.set(Math.floor((i * total) / truth.length), r);
  const t0 = Date.now();
  let chunk: Row[] = [];
  for (let i = 0; i < total; i += 1) {
    const tr = truthAt.get(i);
    if (tr) {
      const id = randomUUID();
      idOf.set(tr.id, id);
      chunk.push({
        id,
        givenNames: tr.givenNames,
        familyName: tr.familyName,
        birthDate: tr.birthDate || null,
        sex: tr.sex === "female" || tr.sex === "male" ? tr.sex : "unknown",
        nationality: tr.nationality || "SYR",
        registeredBy: ctx.io,
        lead: ctx.io,
      });
    } else {
      const o = origin();
      const n = names[o];
      const male = rand() < 0.55;
      const visible = rand() < 0.8;
      chunk.push({
        id: randomUUID(),
        givenNames: pick(male ? n.male : n.female),
        familyName: o === "ERI" ? pick(n.male) : rand() < 0.05 ? "" : pick(n.family),
        birthDate: rand() < 0.05 ? null : birth(),
        sex: male ? "male" : "female",
        nationality: o,
        registeredBy: visible ? ctx.io : ctx.jc,
        lead: visible ? ctx.io : null,
      });
    }
    if (chunk.length === 5000 || i === total - 1) {
      await insertChunk(db, ctx.tenant, ctx.user, chunk);
      chunk = [];
      if (process.stderr.isTTY) process.stderr.write(`\r  ${fmt(i + 1)} persons`);
    }
  }
  if (process.stderr.isTTY) process.stderr.write("\n");
  // What autovacuum does after a bulk load in production: statistics and the visibility map
  // (without it, index-only scans of the key index visit the heap for every row).
  await db.execute(sql`vacuum (analyze) persons`);
  await db.execute(sql`vacuum (analyze) person_search_keys`);
  return { tenantId: ctx.tenant, truth, idOf, seedSeconds: (Date.now() - t0) / 1000 };
}

type Query = { text: string; prefix: string; expected: string[] };

function queriesFrom(truth: MatchRecord[], idOf: Map<string, string>, count: number): Query[] {
  const byCluster = new Map<string, MatchRecord[]>();
  for (const r of truth) byCluster.set(r.clusterId, [...(byCluster.get(r.clusterId) ?? []), r]);
  const rand = mulberry32(5);
  const multi = truth.filter((r) => (byCluster.get(r.clusterId)?.length ?? 0) > 1);
  const out: Query[] = [];
  while (out.length < count && multi.length > 0) {
    const r = multi[Math.floor(rand() * multi.length)] as MatchRecord;
    const others = (byCluster.get(r.clusterId) ?? []).filter((o) => o.id !== r.id);
    const text = `${r.givenNames} ${r.familyName}`.trim();
    const family = r.familyName.trim();
    out.push({
      text,
      prefix: family.length > 3 ? `${r.givenNames} ${family.slice(0, 3)}` : text,
      expected: others.map((o) => idOf.get(o.id) as string),
    });
  }
  return out;
}

const recallOf = (qs: Query[], hits: string[][]) => {
  let found = 0;
  let expected = 0;
  qs.forEach((q, i) => {
    const got = new Set(hits[i]);
    expected += q.expected.length;
    found += q.expected.filter((id) => got.has(id)).length;
  });
  return expected === 0 ? 1 : found / expected;
};

async function trigramRun(db: Db, tenantId: string, qs: Query[]) {
  await db.execute(
    sql.raw(
      `create index if not exists persons_fullname_trgm_idx on persons using gin ((given_names || ' ' || family_name) gin_trgm_ops)`,
    ),
  );
  await db.execute(sql`analyze persons`);
  const run = async (q: string) =>
    (
      await queryRows<{ id: string }>(
        db,
        sql`select id from persons where tenant_id = ${tenantId}::uuid
          and (given_names || ' ' || family_name) % ${q}
          order by similarity(given_names || ' ' || family_name, ${q}) desc limit 20`,
      )
    ).map((r) => r.id);
  for (const q of qs.slice(0, 10)) await run(q.text); // warm-up
  const times: number[] = [];
  const hits: string[][] = [];
  for (const q of qs) {
    const t0 = performance.now();
    hits.push(await run(q.text));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), recall: recallOf(qs, hits) };
}

async function httpRun(url: string, cookie: string, texts: string[]) {
  const get = async (q: string) => {
    const r = await fetch(`${url}/api/v1/persons?limit=20&q=${encodeURIComponent(q)}`, { headers: { cookie } });
    if (!r.ok) throw new Error(`search failed: ${r.status} ${await r.text()}`);
    return ((await r.json()) as { items: { id: string }[] }).items.map((i) => i.id);
  };
  for (const q of texts.slice(0, 20)) await get(q); // warm-up
  const times: number[] = [];
  const hits: string[][] = [];
  for (const q of texts) {
    const t0 = performance.now();
    hits.push(await get(q));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), hits };
}

/** The queries of a seeded database, kept in it so that a kept database can be searched again. */
async function keepQueries(db: Db, tenantId: string, qs: Query[]) {
  await db.execute(sql`create table bench_search_queries (tenant_id uuid not null, queries jsonb not null)`);
  await db.execute(sql`insert into bench_search_queries values (${tenantId}::uuid, ${JSON.stringify(qs)}::jsonb)`);
}

async function keptQueries(db: Db): Promise<{ tenantId: string; qs: Query[] } | undefined> {
  const [kept] = await queryRows<{ tenantId: string; queries: Query[] }>(
    db,
    sql`select tenant_id as "tenantId", queries from bench_search_queries`,
  ).catch(() => []); // not seeded yet: no such table
  return kept && { tenantId: kept.tenantId, qs: kept.queries };
}

/** Seeds (or, with a kept database already seeded, reuses) the persons and the queries. */
async function prepare(
  bench: BenchDb,
  options: { persons: number; withTruth: number; queries: number; kept: boolean },
) {
  const database = await openDatabase({
    databaseUrl: bench.env.DATABASE_URL,
    dataDir: bench.env.STRANG_DATA_DIR ?? "",
  });
  try {
    await database.migrate();
    const reused = options.kept ? await keptQueries(database.db) : undefined;
    if (reused) return { ...reused, seedSeconds: 0, trgm: await trigramRun(database.db, reused.tenantId, reused.qs) };
    const loaded = await load(database.db, options.persons, options.withTruth);
    const qs = queriesFrom(loaded.truth, loaded.idOf, options.queries);
    if (options.kept) await keepQueries(database.db, loaded.tenantId, qs);
    const trgm = await trigramRun(database.db, loaded.tenantId, qs);
    return { tenantId: loaded.tenantId, qs, seedSeconds: loaded.seedSeconds, trgm };
  } finally {
    await database.close();
  }
}

/** `keep` (PostgreSQL): the database's name; it is seeded once and reused by later runs with the
 * same name (the 1M seed takes minutes; comparing code versions does not need it again). */
export async function personSearch(
  kind: "postgres" | "pglite",
  options: { persons: number; withTruth: number; queries: number; port: number; keep?: string },
) {
  const kept = kind === "postgres" && options.keep !== undefined;
  const bench = kept ? await keptDatabase(options.keep ?? "") : await freshDatabase(kind, "search");
  try {
    const loaded = await prepare(bench, { ...options, kept });
    const { qs, trgm } = loaded;
    const server = await startServer(bench.env, options.port);
    try {
      const cookie = await login(server.url, "fallmanagement@musterstadt.example", "Musterstadt-2026");
      const full = await httpRun(
        server.url,
        cookie,
        qs.map((q) => q.text),
      );
      const typing = await httpRun(
        server.url,
        cookie,
        qs.map((q) => q.prefix),
      );
      // The machine is shared: the load average says how much the figures are inflated by others.
      const load = ` [load ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores]`;
      const size = `${fmt(options.persons)} persons`;
      return {
        seedSeconds: loaded.seedSeconds,
        lines: [
          `person search (variant names, HTTP, access rule + audit), ${size}, ${kind}: p50 ${fmt(full.p50, 1)} ms, p95 ${fmt(full.p95, 1)} ms, recall@20 ${fmt(recallOf(qs, full.hits) * 100, 1)} %${load} — target p95 < 25 ms on PostgreSQL at 1M: ${kind === "postgres" && options.persons >= 1_000_000 ? (full.p95 < 25 ? "met" : "NOT met") : "reference"}`,
          `person search as you type (family name cut to 3 letters), ${size}, ${kind}: p50 ${fmt(typing.p50, 1)} ms, p95 ${fmt(typing.p95, 1)} ms, recall@20 ${fmt(recallOf(qs, typing.hits) * 100, 1)} %`,
          `plain pg_trgm similarity (bare SQL, GIN trigram index), ${size}, ${kind}: p50 ${fmt(trgm.p50, 1)} ms, p95 ${fmt(trgm.p95, 1)} ms, recall@20 ${fmt(trgm.recall * 100, 1)} %`,
        ],
      };
    } finally {
      await server.stop();
    }
  } finally {
    await bench.cleanup();
  }
}
