// Batch record linkage: blocking, then comparison of the pairs that share a block. Each person is
// prepared once; pairs are de-duplicated per person with a stamp array (no global pair set), and
// blocks larger than `maxBlock` are compared only within a sliding window over a sorted order
// (sorted neighbourhood), so one very common name cannot make the run quadratic.
import { comparePrepared, contradicts, type PreparedPerson, preparePerson, withSimilarityMemo } from "./compare.js";
import type { LinkedPair, PersonForMatching } from "./index.js";

function blockingKeysOf(p: PreparedPerson): string[] {
  const keys = new Set<string>();
  const year = p.date ? String(p.date.year) : "";
  const tokenKeys = [
    ...new Set(p.tokens.flatMap((t) => (t.alt ? [t.key, t.alt.key] : [t.key])).filter((k) => k.length > 0)),
  ];
  // Any two name tokens (order-free: swapped names), and each token with the birth year
  // (one token mistyped or missing still meets its duplicate).
  for (let i = 0; i < tokenKeys.length; i++) {
    for (let j = i + 1; j < tokenKeys.length; j++) {
      const [x, y] = [tokenKeys[i] as string, tokenKeys[j] as string].sort();
      keys.add(`n:${x}|${y}`);
    }
    if (year) keys.add(`y:${tokenKeys[i]}|${year}`);
  }
  // A rare spelling (most often a slip of the keyboard) also blocks with each one of its consonant
  // classes left out, with the birth year: Sohrqb meets Sohrab, and two slips of one name meet each
  // other, when every token of the name has a slip. Common spellings are left out: their blocks
  // would be large, and a common spelling is a name, not a slip.
  if (year)
    for (const t of p.tokens)
      if (t.count <= RARE_SPELLING && t.key.length >= MIN_DELETION_KEY)
        for (const d of deletions(t.key)) keys.add(`y:${d}|${year}`);
  if (tokenKeys.length === 1 && !year) keys.add(`n:${tokenKeys[0]}`);
  // Each token alone: scanned only for a person without a birth date (see link), whose duplicate
  // shares no year and may share only one intact name token (the other mistyped or missing).
  for (const k of tokenKeys) keys.add(`t:${k}`);
  // A full birth date is nearly unique: it catches duplicates whose every name token is mistyped.
  if (p.date?.day) keys.add(`d:${p.date.year}-${p.date.month}-${p.date.day}`);
  // Each token with day and month: a year off by one (or mistyped) still meets its duplicate.
  if (p.date?.day) for (const k of tokenKeys) keys.add(`m:${k}|${p.date.month}-${p.date.day}`);
  return [...keys];
}

/** Shortest skeleton key whose one-deletion variants are blocked on (shorter ones block too much). */
const MIN_DELETION_KEY = 3;
/** A spelling seen at most this often in the batch counts as rare (as compare.ts's RARE). */
const RARE_SPELLING = 3;

/** The key with each one of its symbols left out. */
function deletions(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

export function blockingKeysPrepared(p: PreparedPerson): string[] {
  return blockingKeysOf(p);
}

export function blockingKeys(person: PersonForMatching): string[] {
  return blockingKeysOf(preparePerson(person));
}

/**
 * Term-frequency adjustment (as in Fellegi–Sunter/Splink): agreement on a rare name is stronger
 * evidence than agreement on Mohammed. Frequencies are of skeleton keys within the batch.
 */
function intern(ids: Map<string, number>, s: string): number {
  let id = ids.get(s);
  if (id === undefined) {
    id = ids.size;
    ids.set(s, id);
  }
  return id;
}

// Weight of exact agreement on a name token: 0.5 + 0.45 × ln(1 / share of persons with that key),
// between 1.8 (Mohammed) and 4.5 (a name seen once in a million).
const WMAX = 4.5;
const WMIN = 1.8;
const W0 = 0.5;
const WS = 0.45;
const priorShare = 1 / 2000;
const priorWeight = 1000;

export function weighByFrequency(prepared: PreparedPerson[]): void {
  const keyCount = new Map<string, number>();
  const rawCount = new Map<string, number>();
  const ids = new Map<string, number>();
  for (const p of prepared)
    for (const t of p.tokens) {
      keyCount.set(t.key, (keyCount.get(t.key) ?? 0) + 1);
      rawCount.set(t.raw, (rawCount.get(t.raw) ?? 0) + 1);
    }
  const nameCount = new Map<string, number>();
  const nameKey = (p: PreparedPerson) =>
    p.tokens
      .map((t) => t.key)
      .sort()
      .join(" ");
  const nameKeys = prepared.map(nameKey);
  for (const k of nameKeys) nameCount.set(k, (nameCount.get(k) ?? 0) + 1);
  const n = Math.max(1, prepared.length);
  prepared.forEach((p, i) => {
    p.nameCount = nameCount.get(nameKeys[i] as string) ?? 1;
    for (const t of p.tokens) {
      // Shrunk towards a typical name's share, so that a small batch (where every name is
      // "frequent") does not look like a crowd of namesakes.
      const share = Math.max(((keyCount.get(t.key) ?? 1) + priorWeight * priorShare) / (n + priorWeight), 1e-6);
      t.weight = Math.min(WMAX, Math.max(WMIN, W0 + WS * Math.log(1 / share)));
      t.count = rawCount.get(t.raw) ?? 0;
      t.id = intern(ids, `${t.script ? "*" : ""}${t.raw}`);
      if (t.alt) {
        t.alt.weight = t.weight;
        t.alt.count = t.count;
        t.alt.id = intern(ids, `${t.script ? "*" : ""}${t.alt.raw}`);
      }
    }
  });
}

/** Prepared persons with batch frequencies applied, as linkPersons compares them. */
export function preparePersons(persons: PersonForMatching[]): PreparedPerson[] {
  const prepared = persons.map(preparePerson);
  weighByFrequency(prepared);
  return prepared;
}

export type LinkOptions = {
  threshold?: number;
  /** Blocks larger than this are compared within a window of this size (sorted neighbourhood). */
  maxBlock?: number;
  onProgress?: (done: number, total: number) => void;
};

export function linkPersons(
  persons: PersonForMatching[],
  opts: LinkOptions = {},
): { pairs: LinkedPair[]; comparisons: number } {
  return withSimilarityMemo(() => link(persons, opts));
}

function link(persons: PersonForMatching[], opts: LinkOptions): { pairs: LinkedPair[]; comparisons: number } {
  const threshold = opts.threshold ?? 0.8;
  const maxBlock = opts.maxBlock ?? 200;
  const prepared = preparePersons(persons);
  const blocks = new Map<string, number[]>();
  const personBlocks: string[][] = prepared.map((p, i) => {
    const keys = blockingKeysOf(p);
    for (const k of keys) {
      const b = blocks.get(k);
      if (b) b.push(i);
      else blocks.set(k, [i]);
    }
    return keys;
  });
  // Position of each member within its (large) block, for the window.
  const windowOrder = new Map<string, Map<number, number>>();
  let sortKeys: string[] | null = null;
  let nameSortKeys: string[] | null = null;
  for (const [k, members] of blocks) {
    if (members.length <= maxBlock) continue;
    sortKeys ??= prepared.map((p) => `${p.date ? p.date.year : "0000"}${p.tokens.map((t) => t.form).join(" ")}`);
    nameSortKeys ??= prepared.map((p) => p.tokens.map((t) => t.form).join(" "));
    // Token blocks serve persons without a date: their window is by name alone.
    const sk = k.startsWith("t:") ? nameSortKeys : sortKeys;
    members.sort((x, y) => {
      const a = sk[x] as string;
      const b = sk[y] as string;
      return a < b ? -1 : a > b ? 1 : x - y;
    });
    windowOrder.set(k, new Map(members.map((m, pos) => [m, pos])));
  }
  const stamp = new Int32Array(persons.length).fill(-1);
  const pairs: LinkedPair[] = [];
  let comparisons = 0;
  const half = Math.floor(maxBlock / 2);
  // Pairs with a dateless person compared through the ordinary blocks, so that the token blocks
  // (scanned afterwards) do not compare them twice.
  const dateless = prepared.map((p) => p.date === null);
  const seenDateless = new Set<number>();
  const pairId = (x: number, y: number) => (x < y ? x * persons.length + y : y * persons.length + x);
  const compare = (i: number, j: number) => {
    comparisons++;
    const c = comparePrepared(prepared[i] as PreparedPerson, prepared[j] as PreparedPerson, threshold);
    if (c.score >= threshold) {
      const [x, y] = i < j ? [i, j] : [j, i];
      const pa = persons[x] as PersonForMatching;
      const pb = persons[y] as PersonForMatching;
      pairs.push({ idA: pa.id, idB: pb.id, score: c.score, reasons: c.reasons });
      ends.push(x, y);
    }
  };
  // The members of block k that person i is compared with: all of them, or in an oversized block
  // (sorted for a sliding window) the `half` neighbours on either side.
  const windowOf = (k: string, i: number, size: number): [number, number] => {
    const pos = windowOrder.get(k)?.get(i);
    return pos === undefined ? [0, size] : [Math.max(0, pos - half), Math.min(size, pos + half + 1)];
  };
  const ends: number[] = [];
  for (let i = 0; i < prepared.length; i++) {
    for (const k of personBlocks[i] as string[]) {
      if (k.startsWith("t:")) continue;
      const members = blocks.get(k) as number[];
      if (members.length < 2) continue;
      const [from, to] = windowOf(k, i, members.length);
      for (let x = from; x < to; x++) {
        const j = members[x] as number;
        if (j <= i || stamp[j] === i) continue;
        stamp[j] = i;
        if (dateless[i] || dateless[j]) seenDateless.add(pairId(i, j));
        compare(i, j);
      }
    }
    if (opts.onProgress && (i + 1) % 10_000 === 0) opts.onProgress(i + 1, prepared.length);
  }
  stamp.fill(-1);
  for (let i = 0; i < prepared.length; i++) {
    if (!dateless[i]) continue;
    for (const k of personBlocks[i] as string[]) {
      if (!k.startsWith("t:")) continue;
      const members = blocks.get(k) as number[];
      if (members.length < 2) continue;
      const [from, to] = windowOf(k, i, members.length);
      for (let x = from; x < to; x++) {
        const j = members[x] as number;
        if (j === i || stamp[j] === i || (dateless[j] && j < i)) continue;
        stamp[j] = i;
        if (seenDateless.has(pairId(i, j))) continue;
        compare(i, j);
      }
    }
  }
  return { pairs: resolveConflicts(prepared, pairs, ends), comparisons };
}

const MARGIN = 0.03;
const MAXDEG = 12;

/**
 * Cluster consistency: a person linked to two persons who cannot be the same (birth dates years
 * apart, another sex; see contradicts) is at most one of them — typically a record without a full
 * date that matches two namesakes. Links to neighbours that contradict the best-scoring neighbour
 * are dropped, and the best link too when it is not clearly (MARGIN) better than such a link.
 */
function resolveConflicts(prepared: PreparedPerson[], pairs: LinkedPair[], ends: number[]): LinkedPair[] {
  const adj = new Map<number, number[]>();
  for (let p = 0; p < pairs.length; p++) {
    for (const e of [ends[2 * p] as number, ends[2 * p + 1] as number]) {
      const l = adj.get(e);
      if (l) l.push(p);
      else adj.set(e, [p]);
    }
  }
  const other = (p: number, a: number) => (ends[2 * p] === a ? (ends[2 * p + 1] as number) : (ends[2 * p] as number));
  const linked = new Set<string>();
  for (let p = 0; p < pairs.length; p++) linked.add(`${ends[2 * p]}|${ends[2 * p + 1]}`);
  const isLinked = (x: number, y: number) => linked.has(x < y ? `${x}|${y}` : `${y}|${x}`);
  const drop = new Uint8Array(pairs.length);
  for (const [a, ps] of adj) {
    if (ps.length < 2 || ps.length > MAXDEG) continue;
    const sorted = [...ps].sort((x, y) => (pairs[y] as LinkedPair).score - (pairs[x] as LinkedPair).score);
    const best = sorted[0] as number;
    const b = other(best, a);
    for (let k = 1; k < sorted.length; k++) {
      const p = sorted[k] as number;
      const c = other(p, a);
      if (isLinked(b, c) || !contradicts(prepared[b] as PreparedPerson, prepared[c] as PreparedPerson)) continue;
      drop[p] = 1;
      if ((pairs[best] as LinkedPair).score - (pairs[p] as LinkedPair).score < MARGIN) drop[best] = 1;
    }
  }
  return pairs.filter((_, p) => !drop[p]);
}
