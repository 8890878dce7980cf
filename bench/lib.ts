// Shared pieces of the benchmarks: a fresh database per tier, a server in its own process, login.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type BenchDb = { kind: "postgres" | "pglite"; env: Record<string, string>; cleanup(): Promise<void> };

/** A fresh PostgreSQL database (DATABASE_URL's server, or the local one) or a fresh PGlite dir. */
export async function freshDatabase(kind: "postgres" | "pglite", name: string): Promise<BenchDb> {
  if (kind === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `strang-bench-${name}-`));
    return {
      kind,
      env: { STRANG_DATA_DIR: dir },
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const admin = new pg.Client({ connectionString: new URL("/postgres", base).toString() });
  await admin.connect();
  const dbName = `strang_bench_${name}`;
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(`/${dbName}`, base).toString();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `strang-bench-${name}-`));
  return {
    kind,
    env: { DATABASE_URL: url, STRANG_DATA_DIR: dataDir },
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A PostgreSQL database kept between runs (created when missing, never dropped). */
export async function keptDatabase(name: string): Promise<BenchDb> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const base = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const admin = new pg.Client({ connectionString: new URL("/postgres", base).toString() });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `strang-bench-${name}-`));
  return {
    kind: "postgres",
    env: { DATABASE_URL: new URL(`/${name}`, base).toString(), STRANG_DATA_DIR: dataDir },
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

export function run(cmd: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += String(d);
    });
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`)),
    );
  });
}

export const cli = (args: string[], env: Record<string, string>) =>
  run("node", [path.join(root, "dist/server/cli.js"), ...args], { STRANG_LOG_LEVEL: "warn", ...env });

export type Server = { url: string; process: ChildProcess; stop(): Promise<void> };

export async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  const child = spawn("node", [path.join(root, "dist/server/cli.js"), "serve"], {
    cwd: root,
    env: {
      ...process.env,
      STRANG_LOG_LEVEL: "warn",
      STRANG_DEMO: "0",
      STRANG_REQUIRE_2FA: "0",
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i += 1) {
    try {
      const r = await fetch(`${url}/ready`);
      if (r.ok) break;
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

export async function login(url: string, email: string, password: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`login failed: ${r.status}`);
  const cookie = r.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
