// `npm run bench`: builds the server, then prints the figures named in DESIGN.md's targets.
// Options: --only case-file, --quick (short runs), --pglite-only.
import { execSync } from "node:child_process";
import { parseArgs } from "node:util";
import { caseFileRead } from "./case-file-read.js";
import { fmt, root } from "./lib.js";

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

process.stdout.write(
  `\nBenchmark summary (${new Date().toISOString()}, ${process.version}):\n${lines.map((l) => `  ${l}`).join("\n")}\n`,
);
