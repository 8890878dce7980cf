// Batch record linkage: blocking, then comparison of the pairs that share a block. Each person is
// prepared once; pairs are de-duplicated per person with a stamp array (no global pair set), and
// blocks larger than `maxBlock` are compared only within a sliding window over a sorted order
// (sorted neighbourhood), so one very common name cannot make the run quadratic.
import { comparePrepared, type PreparedPerson, preparePerson, withSimilarityMemo } from "./compare.js";
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
  if (tokenKeys.length === 1 && !year) keys.add(`n:${tokenKeys[0]}`);
  // A full birth date is nearly unique: it catches duplicates whose every name token is mistyped.
  if (p.date?.day) keys.add(`d:${p.date.year}-${p.date.month}-${p.date.day}`);
  return [...keys];
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
      t.id = intern(ids, `${t.abjad ? "*" : ""}${t.raw}`);
      if (t.alt) {
        t.alt.weight = t.weight;
        t.alt.count = t.count;
        t.alt.id = intern(ids, `${t.abjad ? "*" : ""}${t.alt.raw}`);
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
  for (const [k, members] of blocks) {
    if (members.length <= maxBlock) continue;
    sortKeys ??= prepared.map((p) => `${p.date ? p.date.year : "0000"}${p.tokens.map((t) => t.form).join(" ")}`);
    const sk = sortKeys;
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
  for (let i = 0; i < prepared.length; i++) {
    const a = prepared[i] as PreparedPerson;
    for (const k of personBlocks[i] as string[]) {
      const members = blocks.get(k) as number[];
      if (members.length < 2) continue;
      const order = windowOrder.get(k);
      let from = 0;
      let to = members.length;
      if (order) {
        const pos = order.get(i) as number;
        from = Math.max(0, pos - half);
        to = Math.min(members.length, pos + half + 1);
      }
      for (let x = from; x < to; x++) {
        const j = members[x] as number;
        if (j <= i || stamp[j] === i) continue;
        stamp[j] = i;
        comparisons++;
        const c = comparePrepared(a, prepared[j] as PreparedPerson, threshold);
        if (c.score >= threshold) {
          const pa = persons[i] as PersonForMatching;
          const pb = persons[j] as PersonForMatching;
          pairs.push({ idA: pa.id, idB: pb.id, score: c.score, reasons: c.reasons });
        }
      }
    }
    if (opts.onProgress && (i + 1) % 10_000 === 0) opts.onProgress(i + 1, prepared.length);
  }
  return { pairs, comparisons };
}
