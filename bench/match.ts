// Duplicate detection benchmark: generated persons with ground truth → CSV → runMatch (the code
// behind `strang match`) → pairwise precision, recall, F1 and F1 after transitive closure.
// Target (docs/targets.md): 100,000 persons in < 60 s on 2 cores, pairwise F1 ≥ 0.95.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { runMatch } from "../src/features/matching/match-command.js";
import { evaluateLinkage, generateMatchData, type MatchRecord } from "./match-generator.js";

export { evaluateLinkage, generateMatchData } from "./match-generator.js";

export type MatchBenchResult = {
  records: number;
  seconds: number;
  comparisons: number;
  comparisonsPerSecond: number;
  precision: number;
  recall: number;
  f1: number;
  closureF1: number;
  closurePrecision: number;
  closureRecall: number;
  truePairs: number;
  predictedPairs: number;
  cliSeconds?: number;
};

export function writePersonsCsv(file: string, records: MatchRecord[]): void {
  const columns = ["id", "givenNames", "familyName", "birthDate", "birthPlace", "sex", "nationality"] as const;
  fs.writeFileSync(
    file,
    stringify(
      records.map((r) => columns.map((c) => r[c])),
      { header: true, columns: [...columns] },
    ),
  );
}

export function readPairsCsv(file: string): { idA: string; idB: string; score: number }[] {
  const rows = parse(fs.readFileSync(file), { columns: true }) as { idA: string; idB: string; score: string }[];
  return rows.map((r) => ({ idA: r.idA, idB: r.idB, score: Number(r.score) }));
}

export async function matchBenchmark(opts: {
  records: number;
  seed?: number;
  threshold?: number;
  /** Also time the same run through the command line (`node dist/server/cli.js match`). */
  cli?: (args: string[]) => Promise<unknown>;
}): Promise<MatchBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strang-bench-match-"));
  try {
    const data = generateMatchData(opts.records, opts.seed ?? 1);
    const inPath = path.join(dir, "persons.csv");
    const outPath = path.join(dir, "links.csv");
    writePersonsCsv(inPath, data.records);
    const t0 = performance.now();
    const summary = runMatch({
      inPath,
      outPath,
      threshold: opts.threshold,
      log: (line) => process.stderr.write(`  match: ${line}\n`),
    });
    const seconds = (performance.now() - t0) / 1000;
    const q = evaluateLinkage(data.records, readPairsCsv(outPath));
    let cliSeconds: number | undefined;
    if (opts.cli) {
      const t1 = performance.now();
      await opts.cli(["match", "--in", inPath, "--out", path.join(dir, "links-cli.csv")]);
      cliSeconds = (performance.now() - t1) / 1000;
    }
    return {
      records: summary.records,
      seconds,
      comparisons: summary.comparisons,
      comparisonsPerSecond: summary.comparisons / summary.linkSeconds,
      precision: q.precision,
      recall: q.recall,
      f1: q.f1,
      closureF1: q.closure.f1,
      closurePrecision: q.closure.precision,
      closureRecall: q.closure.recall,
      truePairs: q.truePairs,
      predictedPairs: q.predictedPairs,
      cliSeconds,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
