// `npm run bench`: builds the server, then prints the figures of docs/targets.md.
// Options: --only case-file, --quick (short runs), --pglite-only, --keep <database> (the search's
// PostgreSQL database, seeded once and reused: only the PostgreSQL search runs then), --search-port.
import { execSync } from "node:child_process";
import { parseArgs } from "node:util";
import { caseFileLine, caseFileRead } from "./case-file-read.js";
import { cli, fmt, root } from "./lib.js";
import { matchBenchmark } from "./match.js";
import { personList } from "./person-list.js";
import { personSearch } from "./search.js";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    quick: { type: "boolean" },
    only: { type: "string" },
    "pglite-only": { type: "boolean" },
    keep: { type: "string" },
    "search-port": { type: "string" },
  },
});
const seconds = values.quick ? 5 : 15;

execSync("npm run --silent build:server", { cwd: root, stdio: "inherit" });
const kinds: ("postgres" | "pglite")[] = values["pglite-only"]
  ? ["pglite"]
  : values.keep
    ? ["postgres"]
    : ["postgres", "pglite"];
const lines: string[] = [];

if (!values.only || values.only === "case-file") {
  for (const kind of kinds) {
    // Ports 3360 (Strang), 3361 (hand-written), 3362–3364 (the round-trip probe).
    lines.push(caseFileLine(await caseFileRead(kind, { persons: 10_000, seconds, port: 3360 })));
    process.stdout.write(`${lines[lines.length - 1]}\n`);
  }
}

if (!values.only || values.only === "person-list") {
  for (const kind of kinds) {
    const runs = await personList(kind, {
      persons: values.quick ? 20_000 : 80_000,
      requests: values.quick ? 100 : 300,
      port: 3301,
    });
    for (const r of runs) {
      const verdict = kind === "postgres" ? (r.met ? "met" : "NOT met") : "reference";
      lines.push(
        `${r.name}: p50 ${fmt(r.p50, 1)} ms, p95 ${fmt(r.p95, 1)} ms (${fmt(r.perPage, 1)} per page) — target ${r.target}: ${verdict}`,
      );
      process.stdout.write(`${lines[lines.length - 1]}\n`);
    }
  }
}

if (!values.only || values.only === "match") {
  const r = await matchBenchmark({ records: values.quick ? 20_000 : 100_000, seed: 1, cli: (args) => cli(args, {}) });
  const pct = (x: number) => fmt(x * 100, 1);
  const add = (line: string) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  add(
    `duplicate detection, ${r.records} persons: ${fmt(r.seconds, 1)} s (CLI ${r.cliSeconds === undefined ? "—" : fmt(r.cliSeconds, 1)} s) — target < 60 s: ${r.seconds < 60 ? "met" : "NOT met"}`,
  );
  add(
    `duplicate detection comparisons: ${fmt(r.comparisons)} at ${fmt(r.comparisonsPerSecond)}/s (Splink publishes ≈ 128,000 per vCPU-second)`,
  );
  add(
    `duplicate detection pairwise: precision ${pct(r.precision)} %, recall ${pct(r.recall)} %, F1 ${fmt(r.f1, 3)} — target F1 ≥ 0.95: ${r.f1 >= 0.95 ? "met" : "NOT met"}`,
  );
  add(
    `duplicate detection after transitive closure: precision ${pct(r.closurePrecision)} %, recall ${pct(r.closureRecall)} %, F1 ${fmt(r.closureF1, 3)}`,
  );
}

if (values.only === "search" || (!values.only && !values.quick)) {
  // 1,000,000 persons on PostgreSQL (the target); PGlite at 100,000 (its bulk load of 1M takes too long).
  for (const kind of kinds) {
    const r = await personSearch(kind, {
      persons: kind === "postgres" ? (values.quick ? 100_000 : 1_000_000) : values.quick ? 20_000 : 100_000,
      withTruth: 20_000,
      queries: values.quick ? 100 : 400,
      port: Number(values["search-port"] ?? 3302),
      keep: values.keep,
    });
    for (const l of r.lines) {
      lines.push(`${l} (seeded in ${fmt(r.seedSeconds, 0)} s)`);
      process.stdout.write(`${lines[lines.length - 1]}\n`);
    }
  }
}

process.stdout.write(
  `\nBenchmark summary (${new Date().toISOString()}, ${process.version}):\n${lines.map((l) => `  ${l}`).join("\n")}\n`,
);
