// Person matching: the public surface other features use (search, duplicates, `strang match`).
// The implementation behind these signatures lives in this folder; callers import only from here.
//
// CONTRACT (keep these signatures stable; improve what is behind them):
//  - nameTokens(text)            normalised name tokens (lower-case ASCII, any script transliterated,
//                                diacritics folded, particles split off)
//  - personKeys(person)          the search keys of a person, for the search index (deduplicated)
//  - queryKeys(token, prefix)    the keys a typed token may match; prefix=true for the token being typed
//  - comparePersons(a, b)        a score in [0, 1] and the reasons of a match
//  - blockingKeys(person)        keys that put likely duplicates into the same block (batch linkage)
//  - linkPersons(persons, opts)  batch record linkage: scored pairs at or above the threshold

export type PersonForMatching = {
  id: string;
  givenNames: string;
  familyName: string;
  alternativeNames?: string[];
  /** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or null. */
  birthDate: string | null;
  birthPlace?: string | null;
  sex?: string | null;
  nationalities?: string[];
};

export type MatchReason =
  | "same-name"
  | "name-variant"
  | "names-swapped"
  | "typo"
  | "same-birth-date"
  | "birth-year-only"
  | "placeholder-birth-date"
  | "birth-date-differs"
  | "same-birth-place"
  | "same-nationality"
  | "sex-differs";

export type Comparison = { score: number; reasons: MatchReason[] };
export type LinkedPair = { idA: string; idB: string; score: number; reasons: MatchReason[] };

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

export function nameTokens(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

export function personKeys(
  person: Pick<PersonForMatching, "givenNames" | "familyName" | "alternativeNames">,
): string[] {
  const all = [person.givenNames, person.familyName, ...(person.alternativeNames ?? [])].flatMap(nameTokens);
  return [...new Set(all)];
}

export function queryKeys(token: string, _prefix: boolean): string[] {
  return nameTokens(token);
}

export function comparePersons(a: PersonForMatching, b: PersonForMatching): Comparison {
  const ka = new Set(personKeys(a));
  const kb = personKeys(b);
  const shared = kb.filter((k) => ka.has(k)).length;
  const score = shared / Math.max(ka.size, kb.length, 1);
  const reasons: MatchReason[] = score === 1 ? ["same-name"] : [];
  if (a.birthDate && a.birthDate === b.birthDate) reasons.push("same-birth-date");
  return { score, reasons };
}

export function blockingKeys(person: PersonForMatching): string[] {
  return personKeys(person);
}

export function linkPersons(
  persons: PersonForMatching[],
  opts: { threshold?: number } = {},
): { pairs: LinkedPair[]; comparisons: number } {
  const threshold = opts.threshold ?? 0.8;
  const blocks = new Map<string, number[]>();
  persons.forEach((p, i) => {
    for (const k of blockingKeys(p)) blocks.set(k, [...(blocks.get(k) ?? []), i]);
  });
  const seen = new Set<string>();
  const pairs: LinkedPair[] = [];
  let comparisons = 0;
  for (const members of blocks.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x] as number;
        const j = members[y] as number;
        const key = i < j ? `${i}:${j}` : `${j}:${i}`;
        if (seen.has(key)) continue;
        seen.add(key);
        comparisons++;
        const a = persons[i] as PersonForMatching;
        const b = persons[j] as PersonForMatching;
        const c = comparePersons(a, b);
        if (c.score >= threshold) pairs.push({ idA: a.id, idB: b.id, score: c.score, reasons: c.reasons });
      }
    }
  }
  return { pairs, comparisons };
}
