// `npm run bench`: builds the server, then prints the figures named in DESIGN.md's targets.
// Options: --only case-file, --quick (short runs), --pglite-only.
import { execSync } from "node:child_process";
import { parseArgs } from "node:util";
import { caseFileRead } from "./case-file-read.js";
import { fmt, root } from "./lib.js";
import { personList } from "./person-list.js";

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { quick: { type: "boolean" }, only: { type: "string" }, "pglite-only": { type: "boolean" } },
});
const seconds = values.quick ? 5 : 15;

execSync("npm run --silent build:server", { cwd: root, stdio: "inherit" });
const kinds: ("postgres" | "pglite")[] = values["pglite-only"] ? ["pglite"] : ["postgres", "pglite"];
const lines: string[] = [];

if (!values.only || values.only === "case-file") {
  for (const kind of kinds) {
    const r = await caseFileRead(kind, { persons: 10_000, seconds, port: 3300 });
    lines.push(
      `${r.name}: ${fmt(r.reqPerSec)} req/s, p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, errors ${r.non2xx} — target ${r.target}: ${r.met ? "met" : "NOT met"} (seeded in ${fmt(r.seedSeconds, 1)} s)`,
    );
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

process.stdout.write(
  `\nBenchmark summary (${new Date().toISOString()}, ${process.version}):\n${lines.map((l) => `  ${l}`).join("\n")}\n`,
);
