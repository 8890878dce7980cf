import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MatchInputError, runMatch } from "./match-command.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "strang-match-test-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const header = "id,givenNames,familyName,birthDate,birthPlace,sex,nationality";
const rows = [
  "a1,Mohammed,Al-Hassan,1990-03-04,Aleppo,m,SYR",
  "a2,Muhammad,Alhasan,1990,Halab,m,SYR",
  "b1,Oleksandr,Shevchenko,1980-05-06,Kyiv,m,UKR",
  "b2,Olexandr,Schewtschenko,1980-05-06,Kyjiw,m,UKR",
  "c1,Fatima,Karimi,1975-02-01,Kabul,f,AFG",
];

function input(content: string | Buffer): { inPath: string; outPath: string } {
  const inPath = path.join(dir, "persons.csv");
  fs.writeFileSync(inPath, content);
  return { inPath, outPath: path.join(dir, "links.csv") };
}

function expectError(content: string | Buffer, message: RegExp) {
  const files = input(content);
  let error: unknown;
  try {
    runMatch(files);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(MatchInputError);
  expect((error as Error).message).toMatch(message);
  // Nothing written: neither the output nor a temporary file.
  expect(fs.readdirSync(dir)).toEqual(["persons.csv"]);
}

describe("runMatch", () => {
  it("writes pairs of the same person with the ids as given", () => {
    const files = input(`${header}\n${rows.join("\n")}\n`);
    const summary = runMatch(files);
    const out = fs.readFileSync(files.outPath, "utf8").trim().split("\n");
    expect(out[0]).toBe("idA,idB,score");
    const pairs = out.slice(1).map((l) => l.split(",").slice(0, 2).sort().join(" "));
    expect(pairs.sort()).toEqual(["a1 a2", "b1 b2"]);
    expect(summary).toMatchObject({ records: 5, pairs: 2, skippedOverLongName: 0 });
  });

  it("accepts any column order, extra columns and a UTF-8 byte order mark", () => {
    const reordered = "nationality,sex,extra,birthPlace,birthDate,familyName,givenNames,id";
    const lines = rows.map((r) => {
      const [id, g, f, d, p, s, n] = r.split(",");
      return [n, s, "x", p, d, f, g, id].join(",");
    });
    const files = input(`\uFEFF${reordered}\n${lines.join("\n")}\n`);
    expect(runMatch(files).pairs).toBe(2);
  });

  it("refuses a file that is not UTF-8, naming the line", () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${header}\n${rows[0]}\nx1,J`),
      Buffer.from([0xfc]), // ü in ISO-8859-1
      Buffer.from("rgen,M\n"),
    ]);
    expectError(latin1, /line 3: the file is not UTF-8/);
  });

  it("refuses missing columns, naming them", () => {
    expectError("id,givenNames,familyName\n1,A,B\n", /line 1: missing columns birthDate, birthPlace, sex, nationality/);
  });

  it("refuses an empty file", () => {
    expectError("", /line 1: the file is empty/);
  });

  it("refuses empty and duplicate ids with line and column", () => {
    expectError(`${header}\n${rows[0]}\n,Ali,Karimi,1990,,m,AFG\n`, /line 3, column id: empty id/);
    expectError(
      `${header}\n${rows[0]}\n${rows[1]}\n${rows[0]}\n`,
      /line 4, column id: duplicate id \(first on line 2\)/,
    );
  });

  it("refuses malformed CSV, naming the line", () => {
    expectError(`${header}\n${rows[0]}\na3,"Ali,Karimi,1990,,m,AFG\n`, /line \d+: malformed CSV/);
    expectError(`${header}\n${rows[0]}\na3,Ali,Karimi\n`, /line 3: malformed CSV/);
  });

  it("treats malformed birth dates as unknown and counts them", () => {
    const files = input(
      `${header}\n${rows[0]}\na2,Muhammad,Alhasan,31.12.1990,Halab,m,SYR\na3,Ali,Karimi,1990-02-30,,m,AFG\n`,
    );
    const log: string[] = [];
    const summary = runMatch({ ...files, log: (l) => log.push(l) });
    expect(summary.unknownBirthDates).toBe(2);
    expect(log.join("\n")).toMatch(/2 birth dates .* treated as unknown/);
  });

  it("skips rows with over-long or no names and counts them", () => {
    const files = input(`${header}\n${rows.join("\n")}\nz1,${"A".repeat(10_000)},B,1990,,m,SYR\nz2,,,1990,,m,SYR\n`);
    const log: string[] = [];
    const summary = runMatch({ ...files, log: (l) => log.push(l) });
    expect(summary).toMatchObject({ records: 5, skippedOverLongName: 1, skippedNoName: 1 });
    expect(log.join("\n")).toMatch(/1 rows skipped: a name longer than 200 characters/);
  });

  it("rejects a threshold outside (0, 1]", () => {
    const files = input(`${header}\n${rows.join("\n")}\n`);
    expect(() => runMatch({ ...files, threshold: 2 })).toThrow(MatchInputError);
    expect(fs.existsSync(files.outPath)).toBe(false);
  });

  it("strang match exits non-zero with a message and no stack trace", () => {
    const files = input("id,givenNames\n1,A\n");
    const cli = path.resolve(import.meta.dirname, "../../cli.ts");
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", cli, "match", "--in", files.inPath, "--out", files.outPath],
      {
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^match: line 1: missing columns/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(files.outPath)).toBe(false);
  });
});
