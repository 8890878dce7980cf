// Case-file read under load (docs/targets.md: ≥ 1,000 req/s, p99 < 100 ms, 50 concurrent
// clients, S tier = 10,000 persons): GET /api/v1/persons/{id}?include=records for random persons
// the case manager may see.
import autocannon from "autocannon";
import { cli, fmt, freshDatabase, login, startServer } from "./lib.js";

export async function caseFileRead(
  kind: "postgres" | "pglite",
  options: { persons: number; seconds: number; port: number },
) {
  const db = await freshDatabase(kind, "s_tier");
  try {
    const t0 = Date.now();
    await cli(["seed", "--demo"], { ...db.env, STRANG_DEMO: "0" });
    await cli(["seed", "--persons", String(options.persons), "--seed", "42"], db.env);
    const seedSeconds = (Date.now() - t0) / 1000;
    const server = await startServer(db.env, options.port);
    try {
      const cookie = await login(server.url, "fallmanagement@musterstadt.example", "Musterstadt-2026");
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const r = await fetch(`${server.url}/api/v1/persons?limit=200${cursor ? `&cursor=${cursor}` : ""}`, {
          headers: { cookie },
        });
        const body = (await r.json()) as { items: { id: string }[]; nextCursor: string | null };
        ids.push(...body.items.map((p) => p.id));
        cursor = body.nextCursor;
      } while (cursor && ids.length < 2000);
      let i = 0;
      // Warm-up, then the measured run.
      await autocannon({
        url: server.url,
        connections: 10,
        duration: 2,
        headers: { cookie },
        requests: [
          { setupRequest: (req) => ({ ...req, path: `/api/v1/persons/${ids[i++ % ids.length]}?include=records` }) },
        ],
      });
      const result = await autocannon({
        url: server.url,
        connections: 50,
        duration: options.seconds,
        headers: { cookie },
        requests: [
          { setupRequest: (req) => ({ ...req, path: `/api/v1/persons/${ids[i++ % ids.length]}?include=records` }) },
        ],
      });
      const non2xx = result.non2xx + result.errors;
      return {
        name: `case-file read, S tier (${fmt(options.persons)} persons), ${kind}`,
        reqPerSec: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx,
        seedSeconds,
        target: "≥ 1,000 req/s, p99 < 100 ms (50 clients)",
        met: result.requests.average >= 1000 && result.latency.p99 < 100 && non2xx === 0,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await db.cleanup();
  }
}
