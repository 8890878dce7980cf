// Person search as you type: the typed words become the matching engine's keys and are looked up
// in `person_search_keys` (every word must match one of its keys, the last one as a prefix, in any
// order); a typed birth date narrows; only persons the actor may see (`visiblePersonSql`); the
// candidates are ranked by `comparePersons` between the query and each person.
import { and, eq, type SQL, sql } from "drizzle-orm";
import { visiblePersonSql } from "../../platform/access/person-access.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { precisionOf } from "../../platform/reference/partial-date.js";
import {
  comparePersons,
  type MatchReason,
  nameTokens,
  type PersonForMatching,
  personKeys,
  queryKeys,
} from "../matching/index.js";
import { persons } from "../persons/persons.tables.js";
import { personSearchKeys } from "./search.tables.js";
import { fullNameKey, pairKey, singleNameKey } from "./search-index.js";

/** A typed birth date: year, year-month, full, or day and month without a year. */
export type TypedDate = { year?: number; month?: number; day?: number };

export type ParsedQuery = { words: string[]; date: TypedDate | undefined };

const validDay = (d: number) => d >= 1 && d <= 31;
const validMonth = (m: number) => m >= 1 && m <= 12;
const validYear = (y: number) => y >= 1850 && y <= 2200;

/** Parses one typed word as a (partial) date, or undefined. */
export function parseTypedDate(word: string): TypedDate | undefined {
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(word);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(d) && validMonth(mo) && validYear(y) ? { year: y, month: mo, day: d } : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(d) && validMonth(mo) && validYear(y) ? { year: y, month: mo, day: d } : undefined;
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(word) ?? null;
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return validMonth(mo) && validYear(y) ? { year: y, month: mo } : undefined;
  }
  m = /^(\d{1,2})[./](\d{4})$/.exec(word);
  if (m) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    return validMonth(mo) && validYear(y) ? { year: y, month: mo } : undefined;
  }
  m = /^(\d{4})$/.exec(word);
  if (m) return validYear(Number(m[1])) ? { year: Number(m[1]) } : undefined;
  m = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(word);
  if (m) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    return validDay(d) && validMonth(mo) ? { month: mo, day: d } : undefined;
  }
  return undefined;
}

/** Splits typed text into name words and at most one birth date (the last one typed wins). */
export function parseQuery(q: string): ParsedQuery {
  const words: string[] = [];
  let date: TypedDate | undefined;
  for (const raw of q.split(/\s+/).filter(Boolean).slice(0, 8)) {
    const d = /\d/.test(raw) ? parseTypedDate(raw) : undefined;
    if (d) date = d;
    else if (!/\d/.test(raw)) words.push(raw);
  }
  return { words, date };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The typed date as the comparison sees it (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), if it has a year. */
export function typedDateValue(d: TypedDate | undefined): string | null {
  if (!d?.year) return null;
  if (!d.month) return String(d.year);
  if (!d.day) return `${d.year}-${pad(d.month)}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/**
 * SQL: the person's recorded birth date is compatible with the typed one. A person recorded with
 * a year only, or with the placeholder 01.01. of that year, matches any typed date of that year.
 */
export function birthDateNarrowing(d: TypedDate, column = persons.birthDate): SQL {
  if (!d.year) {
    return sql`${column} like ${`%-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`}`;
  }
  const y = String(d.year);
  const yearOnly = sql`(${column} = ${y} or ${column} = ${`${y}-01-01`})`;
  if (!d.month) return sql`${column} like ${`${y}%`}`;
  const ym = `${y}-${pad(d.month)}`;
  if (!d.day) return sql`(${column} like ${`${ym}%`} or ${yearOnly})`;
  return sql`(${column} = ${`${ym}-${pad(d.day)}`} or ${column} = ${ym} or ${yearOnly})`;
}

/**
 * The name tokens of the typed words, read together as the index reads a stored name: compounds
 * span words ("Abd ar-Rahman" is one name, Abdulrahman, not "abd", "ar" and "rahman").
 */
export const typedTokens = (words: string[]) => nameTokens(words.join(" "));

/** The keys each typed word may match: complete words exactly, the last one as a prefix. */
export function wordKeys(words: string[]): { exact: string[][]; lastPrefix: string[] | undefined } {
  const tokens = typedTokens(words);
  const exact: string[][] = [];
  let lastPrefix: string[] | undefined;
  tokens.forEach((t, i) => {
    const last = i === tokens.length - 1;
    const keys = [...new Set(queryKeys(t, last))].filter((k) => k.length > 0);
    // A token without keys (e.g. a particle the engine drops) narrows nothing.
    if (keys.length === 0) return;
    if (last) lastPrefix = keys;
    else exact.push(keys);
  });
  return { exact, lastPrefix };
}

const likePrefix = (k: string) => `${k.replace(/[\\%_]/g, "\\$&")}%`;

function keyExists(tenantId: string, condition: SQL): SQL {
  return sql`exists (select 1 from ${personSearchKeys} where ${personSearchKeys.tenantId} = ${tenantId}::uuid and ${personSearchKeys.personId} = ${persons.id} and ${condition})`;
}

/**
 * The persons carrying a matching key, read from at most `bound` index entries (a range scan of
 * the key index stops there). A short or common key ("Al", "Mohammed") matches a fifth of a city;
 * as `exists`, PostgreSQL would sort and de-duplicate every one of those index entries (a quarter
 * of a second at a million persons) before returning the first candidate. No `order by`: the
 * index is `text_pattern_ops`, so ordering by the key would sort the whole range again.
 * `anyOf` are the key conditions (see keyIn, keyLike), each scanned on its own and appended in
 * order: joined by `or` in one scan, PostgreSQL reads every entry of every range into a bitmap and
 * then the table's pages (about one page per entry, the bound's worth: a few milliseconds at a
 * million persons) instead of the index alone.
 */
function keyDriven(tenantId: string, anyOf: SQL[], bound: number): SQL {
  const scan = (condition: SQL) =>
    sql`select ${personSearchKeys.personId} from ${personSearchKeys} where ${personSearchKeys.tenantId} = ${tenantId}::uuid and ${condition} limit ${bound}`;
  if (anyOf.length === 1) return sql`${persons.id} in (${scan(anyOf[0] as SQL)})`;
  const scans = sql.join(
    anyOf.map((condition) => sql`(${scan(condition)})`),
    sql` union all `,
  );
  return sql`${persons.id} in (select "person_id" from (${scans}) as matched limit ${bound})`;
}

/**
 * Index entries a driving key may read: enough for the candidates of a pass even where the
 * actor sees only a part of the persons (each entry is one person's key; a person has a few).
 */
const driverBound = 4000;
/** Fewer for the fallbacks: their candidates are ranked only to fill a short result list. */
const fallbackBound = 800;

/** One condition (one index scan): the key is one of `keys`. */
const keyIn = (keys: string[]) =>
  sql`${personSearchKeys.key} in (${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )})`;
/** One condition per key (each a range scan of the index): the key begins with it. */
const keyLike = (keys: string[]) => keys.map((k) => sql`${personSearchKeys.key} like ${likePrefix(k)}`);

const candidateColumns = {
  id: persons.id,
  givenNames: persons.givenNames,
  familyName: persons.familyName,
  alternativeNames: persons.alternativeNames,
  birthDate: persons.birthDate,
  birthPlace: persons.birthPlace,
  sex: persons.sex,
  nationalities: persons.nationalities,
  caseStatus: persons.caseStatus,
  leadOrganisationId: persons.leadOrganisationId,
  registeredByOrganisationId: persons.registeredByOrganisationId,
  version: persons.version,
};
export type Candidate = {
  id: string;
  givenNames: string;
  familyName: string;
  alternativeNames: string[];
  birthDate: string | null;
  birthPlace: string | null;
  sex: "female" | "male" | "diverse" | "unknown";
  nationalities: string[];
  caseStatus: "intake" | "active" | "paused" | "closed";
  leadOrganisationId: string | null;
  registeredByOrganisationId: string;
  version: number;
};

/** Candidates looked at per search before ranking (a short prefix may match many persons). */
const candidateCap = 200;

/**
 * Candidates a fallback pass adds: it runs only while the list is short, and its candidates share
 * one word with the query at most, so few of them survive the ranking.
 */
const fallbackCap = 60;

export function candidateQuery(db: Db, visible: SQL, where: (SQL | undefined)[], cap = candidateCap) {
  return db
    .select(candidateColumns)
    .from(persons)
    .where(and(visible, ...where))
    .limit(cap);
}

export type SearchHit = Candidate & { score: number; matchReasons: MatchReason[] };

/**
 * Searches the persons the actor may see: at most `candidateCap` candidates from the index (see
 * passConditions), ranked by the matching engine's comparison with the typed words. `visible`
 * replaces the access rule's predicate only where a route has its own (the dpo's lookup of whom
 * an access request is about).
 */
export async function searchPersons(
  db: Db,
  actor: Actor,
  query: { q: string; status?: Candidate["caseStatus"] | undefined; limit: number },
  { visible = visiblePersonSql(actor, persons) }: { visible?: SQL } = {},
): Promise<SearchHit[]> {
  const parsed = parseQuery(query.q);
  const { exact, lastPrefix } = wordKeys(parsed.words);
  if (exact.length === 0 && !lastPrefix && !parsed.date) return [];
  const filters: (SQL | undefined)[] = [
    eq(persons.tenantId, actor.tenantId),
    query.status ? eq(persons.caseStatus, query.status) : undefined,
    parsed.date ? birthDateNarrowing(parsed.date) : undefined,
  ];
  const tokens = typedTokens(parsed.words);
  const lastWord = tokens.at(-1) ?? "";
  const lastExact = [...new Set(queryKeys(lastWord, false))].filter((k) => k.length > 0);
  // The very spelling typed comes first: a common name's namesakes must not crowd it out.
  const passes: Pass[] = [
    ...(tokens.length > 1
      ? [{ conditions: [keyDriven(actor.tenantId, [keyIn([fullNameKey(tokens)])], driverBound)] }]
      : []),
    ...passConditions(actor.tenantId, exact, lastPrefix, lastExact),
  ];
  let candidates: Candidate[] = [];
  const relaxed = new Set<string>();
  const singleNamed = new Set<string>();
  const add = (pass: Pass, found: Candidate[]) => {
    const seen = new Set(candidates.map((c) => c.id));
    const more = found.filter((c) => !seen.has(c.id));
    if (pass.relaxed) for (const c of more) relaxed.add(c.id);
    if (pass.singleName) for (const c of more) singleNamed.add(c.id);
    candidates = [...candidates, ...more];
  };
  const fetchFor = (pass: Pass, cap: number) =>
    candidateQuery(db, visible, [...filters, ...pass.conditions], pass.singleName ? fallbackCap : cap);
  // The passes run together (each on a connection of its own on PostgreSQL) and are merged in
  // their order; a pass after the list is full adds nothing.
  const main = passes.filter((p) => !p.fallback);
  const mainFound = await Promise.all(main.map((pass) => fetchFor(pass, candidateCap)));
  for (const [i, pass] of main.entries()) if (candidates.length < candidateCap) add(pass, mainFound[i] ?? []);
  const fallbacks = passes.filter((p) => p.fallback);
  // Files without a family name that share one word with the query rank below the persons who
  // carry all of it, so they must not keep the slips of the keyboard from being looked for.
  const full = candidates.filter((c) => !singleNamed.has(c.id)).length;
  if (fallbacks.length > 0 && full < query.limit) {
    const found = await Promise.all(fallbacks.map((pass) => fetchFor(pass, fallbackCap)));
    for (const [i, pass] of fallbacks.entries()) add(pass, found[i] ?? []);
  }
  const typedDate = typedDateValue(parsed.date);
  // Namesakes are common (hundreds of "Mohammed Al-Hassan" in a city): compare each distinct
  // combination of the compared fields once (the birth date only counts when one was typed, see
  // forMatching).
  const memo = new Map<string, ReturnType<typeof rankCandidate>>();
  const rank = (c: Candidate) => {
    const key = JSON.stringify([c.givenNames, c.familyName, c.alternativeNames, typedDate ? c.birthDate : null]);
    let r = memo.get(key);
    if (!r) {
      r = rankCandidate(parsed.words, typedDate, c);
      memo.set(key, r);
    }
    return r;
  };
  return candidates
    .map((c) => ({ ...c, ...rank(c) }))
    .filter((h) => !relaxed.has(h.id) || h.score >= relaxedMinScore)
    .sort(
      (a, b) =>
        b.score - a.score || a.familyName.localeCompare(b.familyName) || a.givenNames.localeCompare(b.givenNames),
    )
    .slice(0, query.limit);
}

/**
 * A pass: `relaxed` passes do not require every typed word, so their candidates stay only when the
 * comparison finds them likely the same person; `fallback` passes run (all at once) only when the
 * others leave fewer candidates than hits asked for; `singleName` marks the pass of files without a
 * family name (its candidates do not count as a full list).
 */
export type Pass = { conditions: SQL[]; relaxed?: boolean; fallback?: boolean; singleName?: boolean };

/** The score a candidate of a relaxed pass needs (the duplicate warning's threshold). */
const relaxedMinScore = 0.5;

/**
 * The key conditions of the search passes, run in order while there is room for candidates:
 *  - one word: the complete word, then the word as a prefix;
 *  - two or more words: a pair key (a complete word and the last word as typed; the index holds
 *    both orders), so the index range scan returns only persons carrying both — first with every
 *    other word required, then any complete word with the last (a middle name one file lacks);
 *    and files without a family name whose name is one of the words (the file cannot hold the
 *    other: kept whatever their score, at most `fallbackCap` of them);
 *  - fallbacks while fewer hits than asked for (see fallbackPasses): a slip of the keyboard in one
 *    of the words; the ranking sorts them out.
 * Each pass is driven by its widest key condition with a bounded index scan (keyDriven).
 */
export function passConditions(
  tenantId: string,
  exact: string[][],
  lastPrefix: string[] | undefined,
  lastExact: string[],
): Pass[] {
  if (!lastPrefix) {
    const [first, ...rest] = exact;
    if (!first) return [{ conditions: [] }];
    return [
      {
        conditions: [
          keyDriven(tenantId, [keyIn(first)], driverBound),
          ...rest.map((k) => keyExists(tenantId, keyIn(k))),
        ],
      },
    ];
  }
  if (exact.length === 0) {
    // With one word, complete-word matches come first (else "Ali" drowns in "Alina", "Alisha" …).
    return [
      ...(lastExact.length > 0 ? [{ conditions: [keyDriven(tenantId, [keyIn(lastExact)], driverBound)] }] : []),
      { conditions: [keyDriven(tenantId, keyLike(lastPrefix), driverBound)] },
    ];
  }
  // The driving word: the one with the longest key (more letters, fewer persons).
  const longest = (keys: string[]) => Math.max(...keys.map((k) => k.length));
  const driver = exact.reduce((best, keys) => (longest(keys) > longest(best) ? keys : best));
  const others = exact.filter((keys) => keys !== driver).map((keys) => keyExists(tenantId, keyIn(keys)));
  const pairs = (words: string[][]) => words.flatMap((w) => w.flatMap((a) => lastPrefix.map((b) => pairKey(a, b))));
  const single = [keyIn(exact.flat().map(singleNameKey)), ...keyLike(lastPrefix.map(singleNameKey))];
  return [
    { conditions: [keyDriven(tenantId, keyLike(pairs([driver])), driverBound), ...others] },
    ...(exact.length > 1
      ? [{ conditions: [keyDriven(tenantId, keyLike(pairs(exact)), driverBound)], relaxed: true }]
      : []),
    { conditions: [keyDriven(tenantId, single, fallbackBound)], singleName: true },
    ...fallbackPasses(tenantId, exact, driver, lastPrefix),
  ];
}

/** Letters of a key kept when a slip of the keyboard further on must not lose the person. */
const slipPrefix = 3;

/**
 * The passes for a person the others missed: each leaves out what a slip of the keyboard may have
 * changed (index keys are whole consonant skeletons, so one wrong letter changes the key).
 */
function fallbackPasses(tenantId: string, exact: string[][], driver: string[], lastPrefix: string[]): Pass[] {
  const fallback = (anyOf: SQL[]): Pass => ({
    conditions: [keyDriven(tenantId, anyOf, fallbackBound)],
    relaxed: true,
    fallback: true,
  });
  const cut = (keys: string[]) => [...new Set(keys.map((k) => k.slice(0, slipPrefix)))];
  return [
    // A slip at the start of the first word: the last word alone.
    fallback(keyLike(lastPrefix)),
    // A slip late in the last word: the driving word with the beginning of the last one.
    fallback(keyLike(driver.flatMap((a) => cut(lastPrefix).map((b) => pairKey(a, b))))),
    // A slip in the driving word: the last word (typed in full) with the beginning of the driver.
    fallback(keyLike(lastPrefix.flatMap((b) => cut(driver).map((a) => pairKey(b, a))))),
    // A slip in the last word: the first word alone.
    fallback([keyIn(exact[0] ?? [])]),
  ];
}

/**
 * The candidate as the comparison sees it: the names, and the birth date only when one was typed —
 * evidence the query cannot have (place, sex, nationality, an untyped date) must not rank a
 * namesake with a recorded birth date below one without.
 */
const forMatching = (c: Candidate, withDate: boolean): PersonForMatching => ({
  id: c.id,
  givenNames: c.givenNames,
  familyName: c.familyName,
  alternativeNames: c.alternativeNames,
  birthDate: withDate ? c.birthDate : null,
});

/**
 * Scores a candidate against the typed words. The query does not say which words are given names
 * and which the family name, so the natural splits are tried (the engine detects swapped names
 * itself); a last word typed only partly is completed with the candidate's name it begins.
 */
export function rankCandidate(
  words: string[],
  typedDate: string | null,
  c: Candidate,
): { score: number; matchReasons: MatchReason[] } {
  const tokens = typedTokens(words);
  if (tokens.length === 0) {
    const cmp = typedDate
      ? comparePersons(
          { id: "query", givenNames: c.givenNames, familyName: c.familyName, birthDate: typedDate },
          forMatching(c, typedDate !== null),
        )
      : { score: 1, reasons: [] };
    return {
      score: cmp.score,
      matchReasons: fileDateReasons(cmp.reasons, c.birthDate).filter((r) => r.includes("birth")),
    };
  }
  const own = nameTokens([c.givenNames, c.familyName, ...c.alternativeNames].join(" "));
  const last = tokens[tokens.length - 1] as string;
  const completed = own.includes(last) ? last : (own.find((t) => t.startsWith(last)) ?? last);
  const typed = [...tokens.slice(0, -1), completed];
  const splits: [string[], string[]][] =
    typed.length === 1
      ? [[typed, []]]
      : typed
          .slice(1)
          .map((_, k) => [typed.slice(0, k + 1), typed.slice(k + 1)] as [string[], string[]])
          .slice(0, 2);
  const compare = (given: string[], family: string[]) =>
    comparePersons(
      { id: "query", givenNames: given.join(" "), familyName: family.join(" "), birthDate: typedDate },
      forMatching(c, typedDate !== null),
    );
  let best = { score: -1, reasons: [] as MatchReason[] };
  for (const [given, family] of splits) {
    const cmp = compare(given, family);
    if (cmp.score > best.score) best = cmp;
  }
  // A file without a family name cannot hold the family or father's name typed with its name: the
  // words beyond its names are compared with nothing (each run of as many words as it has names).
  const held = nameTokens(c.givenNames).length;
  let lacking = false;
  if (held > 0 && typed.length > held && personKeys({ givenNames: "", familyName: c.familyName }).length === 0) {
    for (let k = 0; k + held <= typed.length; k++) {
      const cmp = compare(typed.slice(k, k + held), []);
      if (cmp.score > best.score) {
        best = cmp;
        lacking = true;
      }
    }
  }
  // Every hit matched the index through its names: say how, when the comparison names no name reason.
  // Not every typed word is the file's name when some are lacking, so that is not "the same name".
  const found = lacking ? [...best.reasons.filter((r) => r !== "same-name"), "no-family-name" as const] : best.reasons;
  const nameReasons: MatchReason[] = ["same-name", "name-variant", "names-swapped", "typo", "no-family-name"];
  const reasons = found.some((r) => nameReasons.includes(r))
    ? found
    : [typed.every((t) => own.includes(t)) ? ("same-name" as const) : ("name-variant" as const), ...found];
  return { score: Math.max(0, Math.min(1, best.score)), matchReasons: fileDateReasons(reasons, c.birthDate) };
}

const dateAgreements: MatchReason[] = ["birth-year-only", "placeholder-birth-date", "same-birth-year"];

/**
 * The comparison says which of the two dates lacks the day, and one of them is the typed date: a
 * year typed does not make "only the birth year is known" true of the person. A hit's reasons
 * speak of its file: its year alone, its 01.01. placeholder, or else the agreement on the year.
 */
function fileDateReasons(reasons: MatchReason[], birthDate: string | null): MatchReason[] {
  const agreement: MatchReason =
    precisionOf(birthDate) === "year"
      ? "birth-year-only"
      : birthDate?.endsWith("-01-01")
        ? "placeholder-birth-date"
        : "same-birth-year";
  return reasons.map((r) => (dateAgreements.includes(r) ? agreement : r));
}

/** The list item of a search hit (the person list's shape plus score and reasons). */
export function presentHit(h: SearchHit) {
  return {
    id: h.id,
    givenNames: h.givenNames,
    familyName: h.familyName,
    birthDate: h.birthDate,
    birthDatePrecision: precisionOf(h.birthDate),
    nationalities: h.nationalities,
    caseStatus: h.caseStatus,
    leadOrganisationId: h.leadOrganisationId,
    registeredByOrganisationId: h.registeredByOrganisationId,
    version: h.version,
    score: Math.round(h.score * 1000) / 1000,
    matchReasons: h.matchReasons,
  };
}
