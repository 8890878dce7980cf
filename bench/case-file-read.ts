// Case-file read under load (docs/targets.md: ≥ 1,000 req/s, p99 < 100 ms, 50 concurrent
// clients, S tier = 10,000 persons): GET /api/v1/persons/{id}?include=records for random persons
// the case manager may see. On PostgreSQL it runs beside a hand-written Fastify + pg route doing
// the same work (bench/hand-written-case-file.ts) on the same database with the same session, in
// alternating rounds, so that the ratio holds on a shared, noisy machine where req/s do not.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { cli, fmt, freshDatabase, login, root, type Server, startServer } from "./lib.js";
import { countingProxy } from "./round-trips.js";

type Load = { reqPerSec: number; p50: number; p99: number; non2xx: number; requests: number };
/** cpuMs: the server process's CPU time per request (Linux), steadier than req/s on a busy machine. */
type Measured = Load & { roundTrips: number; cpuMs: number };

export type CaseFileResult = {
  name: string;
  strang: Measured;
  handWritten: Measured | undefined;
  seedSeconds: number;
  target: string;
  met: boolean;
};

const readPath = (id: string) => `/api/v1/persons/${id}?include=records`;

export async function caseFileRead(
  kind: "postgres" | "pglite",
  options: { persons: number; seconds: number; port: number },
): Promise<CaseFileResult> {
  const db = await freshDatabase(kind, "case_file");
  try {
    const t0 = Date.now();
    await cli(["seed", "--demo"], { ...db.env, STRANG_DEMO: "0" });
    await cli(["seed", "--persons", String(options.persons), "--seed", "42"], db.env);
    const seedSeconds = (Date.now() - t0) / 1000;
    const measured = await measureCaseFile(db.env, options.port, options.seconds);
    return {
      name: `case-file read, S tier (${fmt(options.persons)} persons), ${kind}`,
      ...measured,
      seedSeconds,
      target: "≥ 1,000 req/s, p99 < 100 ms (50 clients)",
      met: measured.strang.reqPerSec >= 1000 && measured.strang.p99 < 100 && measured.strang.non2xx === 0,
    };
  } finally {
    await db.cleanup();
  }
}

/**
 * Strang's route and, on PostgreSQL, the hand-written one on a seeded database: warm-up, then
 * alternating rounds A B B A (a load spike on the shared machine hits both alike), then the
 * round-trip probe.
 */
export async function measureCaseFile(
  env: Record<string, string>,
  port: number,
  seconds: number,
): Promise<{ strang: Measured; handWritten: Measured | undefined }> {
  const server = await startServer(env, port);
  const servers: Server[] = [server];
  try {
    const cookie = await login(server.url, "fallmanagement@musterstadt.example", "Musterstadt-2026");
    const ids = await visiblePersonIds(server.url, cookie);
    const handWritten = env.DATABASE_URL ? await startHandWritten(env.DATABASE_URL, port + 1) : undefined;
    if (handWritten) servers.push(handWritten);
    for (const s of servers) await load(s.url, cookie, ids, 10, 2);
    const rounds = handWritten ? [server, handWritten, handWritten, server] : [server];
    const runs = new Map<Server, Load[]>();
    const cpu = new Map<Server, number>();
    for (const s of rounds) {
      const before = cpuMsOf(s);
      runs.set(s, [...(runs.get(s) ?? []), await load(s.url, cookie, ids, 50, seconds / 2)]);
      cpu.set(s, (cpu.get(s) ?? 0) + cpuMsOf(s) - before);
    }
    const measured = (s: Server, roundTrips: number): Measured => {
      const combined = combine(runs.get(s) ?? []);
      return { ...combined, roundTrips, cpuMs: (cpu.get(s) ?? Number.NaN) / combined.requests };
    };
    const roundTrips = env.DATABASE_URL
      ? await probeRoundTrips(env, port + 2, cookie, ids)
      : { strang: Number.NaN, handWritten: Number.NaN };
    return {
      strang: measured(server, roundTrips.strang),
      handWritten: handWritten ? measured(handWritten, roundTrips.handWritten) : undefined,
    };
  } finally {
    for (const s of servers) await s.stop();
  }
}

/** One line for the summary: Strang, the hand-written route, the ratio. */
export function caseFileLine(r: CaseFileResult): string {
  const figures = (m: Measured) =>
    `${fmt(m.reqPerSec)} req/s, p50 ${fmt(m.p50)} ms, p99 ${fmt(m.p99)} ms, errors ${m.non2xx}, ${orDash(m.roundTrips, 1)} round trips and ${orDash(m.cpuMs, 2)} ms server CPU per request`;
  const strang = `${r.name}: ${figures(r.strang)} — target ${r.target}: ${r.met ? "met" : "NOT met"} (seeded in ${fmt(r.seedSeconds, 1)} s)`;
  if (!r.handWritten) return strang;
  const ratio = r.strang.reqPerSec / r.handWritten.reqPerSec;
  const cpuRatio = r.handWritten.cpuMs / r.strang.cpuMs;
  return `${strang} | hand-written Fastify + pg: ${figures(r.handWritten)} | ratio ${fmt(ratio, 2)}× (target ≥ 0.75×: ${ratio >= 0.75 ? "met" : "NOT met"}; by server CPU per request ${orDash(cpuRatio, 2)}×)`;
}

const orDash = (n: number, digits: number) => (Number.isFinite(n) ? fmt(n, digits) : "—");

/** CPU time (user + system) the server's process has used so far, in ms; NaN off Linux. */
function cpuMsOf(s: Server): number {
  try {
    const fields = fs.readFileSync(`/proc/${s.process.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime, fields 14 and 15 of the line (clock ticks of 10 ms).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Up to 2,000 persons the case manager sees, through the list endpoint. */
async function visiblePersonIds(url: string, cookie: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const r = await fetch(`${url}/api/v1/persons?limit=200${cursor ? `&cursor=${cursor}` : ""}`, {
      headers: { cookie },
    });
    const body = (await r.json()) as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...body.items.map((p) => p.id));
    cursor = body.nextCursor;
  } while (cursor && ids.length < 2000);
  return ids;
}

async function load(url: string, cookie: string, ids: string[], connections: number, seconds: number): Promise<Load> {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { cookie },
    requests: [{ setupRequest: (req) => ({ ...req, path: readPath(ids[i++ % ids.length] ?? "") }) }],
  });
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
    requests: result.requests.total,
  };
}

/** Rounds of one server together: requests over time; the worse p99 (latencies are not additive). */
function combine(rounds: Load[]): Load {
  const n = rounds.length || 1;
  return {
    reqPerSec: rounds.reduce((s, r) => s + r.reqPerSec, 0) / n,
    p50: rounds.reduce((s, r) => s + r.p50, 0) / n,
    p99: Math.max(...rounds.map((r) => r.p99)),
    non2xx: rounds.reduce((s, r) => s + r.non2xx, 0),
    requests: rounds.reduce((s, r) => s + r.requests, 0),
  };
}

/**
 * Round trips per request of each server: a second instance of each talks to the database through
 * a counting proxy; 200 sequential reads, less what the same time idle costs (Strang's audit
 * sealer and job queue poll in the background).
 */
async function probeRoundTrips(
  env: Record<string, string>,
  port: number,
  cookie: string,
  ids: string[],
): Promise<{ strang: number; handWritten: number }> {
  const proxy = await countingProxy(env.DATABASE_URL ?? "", port);
  try {
    const perRequest = async (s: Server) => {
      const reads = 200;
      await fetch(`${s.url}${readPath(ids[0] ?? "")}`, { headers: { cookie } });
      const before = proxy.count();
      const t0 = Date.now();
      for (let k = 0; k < reads; k += 1) {
        const r = await fetch(`${s.url}${readPath(ids[k % ids.length] ?? "")}`, { headers: { cookie } });
        if (!r.ok) throw new Error(`probe read failed: ${r.status}`);
        await r.arrayBuffer();
      }
      const during = proxy.count() - before;
      const idleFrom = proxy.count();
      await new Promise((resolve) => setTimeout(resolve, Date.now() - t0));
      return (during - (proxy.count() - idleFrom)) / reads;
    };
    const strang = await startServer({ ...env, DATABASE_URL: proxy.url }, port + 1);
    const strangTrips = await perRequest(strang).finally(() => strang.stop());
    const hand = await startHandWritten(proxy.url, port + 2);
    const handTrips = await perRequest(hand).finally(() => hand.stop());
    return { strang: strangTrips, handWritten: handTrips };
  } finally {
    await proxy.close();
  }
}

async function startHandWritten(databaseUrl: string, port: number): Promise<Server> {
  const child: ChildProcess = spawn("node", ["--import", "tsx", path.join(root, "bench/hand-written-case-file.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i += 1) {
    try {
      await fetch(`${url}/api/v1/persons/none`);
      break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
