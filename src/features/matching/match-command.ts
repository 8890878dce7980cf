// `strang match --in persons.csv --out links.csv`: batch record linkage of a CSV of persons.
// Input errors that make the result untrustworthy (not UTF-8, broken CSV, missing columns, empty or
// duplicate ids) stop the run with the line and column and leave no output file; row-level
// problems that a person can live with are skipped or softened and counted (see MatchSummary).
// Messages never contain names or other personal data, only line numbers and column names.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { linkPersons, type PersonForMatching } from "./index.js";

export const requiredColumns = [
  "id",
  "givenNames",
  "familyName",
  "birthDate",
  "birthPlace",
  "sex",
  "nationality",
] as const;
/** Longer names are not names (pasted documents, broken exports): such rows are skipped. */
export const maxNameLength = 200;
const maxIdLength = 200;

export class MatchInputError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(message);
  }
}

export type MatchSummary = {
  records: number;
  /** Rows skipped: a name longer than maxNameLength characters, or no name at all. */
  skippedOverLongName: number;
  skippedNoName: number;
  /** Birth dates that are not YYYY, YYYY-MM or YYYY-MM-DD (or not a calendar date): treated as unknown. */
  unknownBirthDates: number;
  comparisons: number;
  pairs: number;
  seconds: number;
  /** Time spent linking (without reading and writing files), for comparisons per second. */
  linkSeconds: number;
};

export type MatchOptions = {
  inPath: string;
  outPath: string;
  threshold?: number;
  /** Progress and warnings (stderr in the CLI). */
  log?: (line: string) => void;
};

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
function invalidUtf8At(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    let n = 0;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms and surrogates.
    if (n === 2 && b === 0xe0 && (buf[i + 1] as number) < 0xa0) return i;
    if (n === 2 && b === 0xed && (buf[i + 1] as number) > 0x9f) return i;
    if (n === 3 && b === 0xf0 && (buf[i + 1] as number) < 0x90) return i;
    if (n === 3 && b === 0xf4 && (buf[i + 1] as number) > 0x8f) return i;
    i += n + 1;
  }
  return -1;
}

function lineOfOffset(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (buf[i] === 0x0a) line++;
  return line;
}

function validDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1850 || year > 2100) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

type Row = { record: string[]; info: { lines: number } };

/** Reads and validates the input; throws MatchInputError naming line and column. */
export function readPersonsCsv(
  inPath: string,
  log: (line: string) => void = () => {},
): {
  persons: PersonForMatching[];
  summary: Pick<MatchSummary, "skippedOverLongName" | "skippedNoName" | "unknownBirthDates">;
} {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(inPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new MatchInputError(`cannot read ${inPath}${code ? ` (${code})` : ""}`);
  }
  const bad = invalidUtf8At(buf);
  if (bad >= 0)
    throw new MatchInputError(
      `line ${lineOfOffset(buf, bad)}: the file is not UTF-8 (invalid byte at offset ${bad}); save it as UTF-8`,
      lineOfOffset(buf, bad),
    );
  let text = buf.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let rows: Row[];
  try {
    rows = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: false,
    }) as unknown as Row[];
  } catch (err) {
    const e = err as Error & { lines?: number; code?: string };
    throw new MatchInputError(
      `line ${e.lines ?? "?"}: malformed CSV (${e.code ?? "parse error"}: ${e.message.replace(/:.*$/s, "")})`,
      e.lines,
    );
  }
  const header = rows[0];
  if (!header) throw new MatchInputError("line 1: the file is empty; a header line with the columns is required", 1);
  const names = header.record.map((h) => h.trim().replace(/^\uFEFF/, ""));
  const col = new Map<string, number>();
  names.forEach((h, i) => {
    const req = requiredColumns.find((c) => c.toLowerCase() === h.toLowerCase());
    if (req && !col.has(req)) col.set(req, i);
  });
  const missing = requiredColumns.filter((c) => !col.has(c));
  if (missing.length > 0)
    throw new MatchInputError(
      `line 1: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (required: ${requiredColumns.join(",")})`,
      1,
      missing[0],
    );
  const get = (r: string[], c: (typeof requiredColumns)[number]) => (r[col.get(c) as number] ?? "").trim();
  const firstLine = new Map<string, number>();
  const persons: PersonForMatching[] = [];
  const summary = { skippedOverLongName: 0, skippedNoName: 0, unknownBirthDates: 0 };
  for (let i = 1; i < rows.length; i++) {
    const { record, info } = rows[i] as Row;
    const line = info.lines;
    const id = get(record, "id");
    if (!id) throw new MatchInputError(`line ${line}, column id: empty id`, line, "id");
    if (id.length > maxIdLength)
      throw new MatchInputError(`line ${line}, column id: id longer than ${maxIdLength} characters`, line, "id");
    const seen = firstLine.get(id);
    if (seen !== undefined)
      throw new MatchInputError(`line ${line}, column id: duplicate id (first on line ${seen})`, line, "id");
    firstLine.set(id, line);
    const givenNames = get(record, "givenNames");
    const familyName = get(record, "familyName");
    if (givenNames.length > maxNameLength || familyName.length > maxNameLength) {
      summary.skippedOverLongName++;
      continue;
    }
    if (!givenNames && !familyName) {
      summary.skippedNoName++;
      continue;
    }
    let birthDate: string | null = get(record, "birthDate") || null;
    if (birthDate && !validDate(birthDate)) {
      summary.unknownBirthDates++;
      birthDate = null;
    }
    const nationality = get(record, "nationality");
    persons.push({
      id,
      givenNames,
      familyName,
      birthDate,
      birthPlace: get(record, "birthPlace").slice(0, maxNameLength) || null,
      sex: get(record, "sex") || null,
      nationalities: nationality ? nationality.split(/[;|/ ]+/).filter(Boolean) : [],
    });
  }
  if (summary.skippedOverLongName > 0)
    log(`warning: ${summary.skippedOverLongName} rows skipped: a name longer than ${maxNameLength} characters`);
  if (summary.skippedNoName > 0) log(`warning: ${summary.skippedNoName} rows skipped: no given or family name`);
  if (summary.unknownBirthDates > 0)
    log(`warning: ${summary.unknownBirthDates} birth dates not YYYY, YYYY-MM or YYYY-MM-DD: treated as unknown`);
  return { persons, summary };
}

export function runMatch(opts: MatchOptions): MatchSummary {
  const log = opts.log ?? (() => {});
  const threshold = opts.threshold ?? 0.8;
  if (!(threshold > 0 && threshold <= 1)) throw new MatchInputError("--threshold takes a number above 0 and at most 1");
  const t0 = performance.now();
  const { persons, summary } = readPersonsCsv(opts.inPath, log);
  const large = persons.length >= 20_000;
  if (large) log(`read ${persons.length} persons`);
  const tLink = performance.now();
  const { pairs, comparisons } = linkPersons(persons, {
    threshold,
    onProgress: large ? (done, total) => log(`compared ${done} / ${total} persons`) : undefined,
  });
  const linkSeconds = (performance.now() - tLink) / 1000;
  // Write beside the target and rename: a failed run leaves no half-written file.
  const dir = path.dirname(path.resolve(opts.outPath));
  const tmp = path.join(dir, `.${path.basename(opts.outPath)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeSync(fd, "idA,idB,score\n");
      const chunk = 10_000;
      for (let i = 0; i < pairs.length; i += chunk)
        fs.writeSync(fd, stringify(pairs.slice(i, i + chunk).map((p) => [p.idA, p.idB, p.score.toFixed(4)])));
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, opts.outPath);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    throw new MatchInputError(`cannot write ${opts.outPath}${code ? ` (${code})` : ""}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const result: MatchSummary = {
    records: persons.length,
    ...summary,
    comparisons,
    pairs: pairs.length,
    seconds,
    linkSeconds,
  };
  log(
    `records ${result.records}, skipped ${summary.skippedOverLongName + summary.skippedNoName}, unknown birth dates ${summary.unknownBirthDates}, comparisons ${comparisons} (${Math.round(comparisons / Math.max(linkSeconds, 1e-6))}/s), pairs ${pairs.length}, ${seconds.toFixed(1)} s`,
  );
  return result;
}
