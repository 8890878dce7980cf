// The person list of 50 with access decided in SQL, M tier (80,000 persons; docs/targets.md/issue
// target: p95 < 50 ms on PostgreSQL): sequential GET /api/v1/persons?limit=50 pages for a lead
// case manager (sees most persons) and a Jobcenter clerk (sees few, through consents).
import { cli, fmt, freshDatabase, login, startServer } from "./lib.js";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(url: string, cookie: string, requests: number) {
  const times: number[] = [];
  let cursor: string | null = null;
  let seen = 0;
  for (let i = 0; i < requests; i += 1) {
    const t0 = performance.now();
    const r = await fetch(`${url}/api/v1/persons?limit=50${cursor ? `&cursor=${cursor}` : ""}`, {
      headers: { cookie },
    });
    const body = (await r.json()) as { items: unknown[]; nextCursor: string | null };
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`list failed: ${r.status}`);
    seen += body.items.length;
    cursor = body.nextCursor && i % 10 !== 9 ? body.nextCursor : null; // walk 10 pages deep, then start over
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), perPage: seen / requests };
}

export async function personList(
  kind: "postgres" | "pglite",
  options: { persons: number; requests: number; port: number },
) {
  const db = await freshDatabase(kind, "m_tier");
  try {
    await cli(["seed", "--demo"], { ...db.env, STRANG_DEMO: "0" });
    await cli(["seed", "--persons", String(options.persons), "--seed", "43"], db.env);
    const server = await startServer(db.env, options.port);
    try {
      const out = [];
      for (const [who, email] of [
        ["lead case manager", "fallmanagement@musterstadt.example"],
        ["Jobcenter clerk", "jobcenter@musterstadt.example"],
      ] as const) {
        const cookie = await login(server.url, email, "Musterstadt-2026");
        await measure(server.url, cookie, 20); // warm-up
        const m = await measure(server.url, cookie, options.requests);
        out.push({
          name: `person list (50, access in SQL), M tier (${fmt(options.persons)} persons), ${kind}, ${who}`,
          ...m,
          target: "p95 < 50 ms on PostgreSQL",
          met: m.p95 < 50,
        });
      }
      return out;
    } finally {
      await server.stop();
    }
  } finally {
    await db.cleanup();
  }
}
