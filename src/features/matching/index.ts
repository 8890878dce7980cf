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
//
// Keys (personKeys, queryKeys) are upper-case skeletons: the initial ("A" for a vowel, "Y" for
// j/y/i before a vowel) and consonant classes, vowels dropped (Mohammed, Muhammad, Mhd, محمد → MHMT;
// Shevchenko, Schewtschenko, Шевченко → SVHNK). Articles (al-, el-) are not keys; a name a variant
// table knows under another spelling adds its canonical key (at most two keys per token).
// queryKeys(t, true) returns LIKE prefixes: the key of a typed prefix is a prefix of the full key.
// linkPersons compares within blocks, weighs names by their frequency in the batch (Mohammed says
// less than a rare name), compares birth places by exonym group (place-variants.ts: Halab = Aleppo),
// gives persons without a birth date extra single-token blocks, drops links of a person to two
// persons that contradict each other (dates years apart, another sex), and scores so that the default threshold 0.8 is the best-F1 point
// (bench/match.ts). Implementation: name-normalise.ts (scripts, particles, Abd compounds),
// phonetic-key.ts (classes, keys), name-variants.ts (tables), compare.ts, keys.ts, link.ts;
// match-command.ts is `strang match`.

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
  | "same-birth-year"
  | "birth-date-differs"
  | "same-birth-place"
  | "same-nationality"
  | "sex-differs"
  /** Search only: the file has no family name, so typed words beyond its name are not held against it. */
  | "no-family-name";

export type Comparison = { score: number; reasons: MatchReason[] };
export type LinkedPair = { idA: string; idB: string; score: number; reasons: MatchReason[] };

export { comparePersons } from "./compare.js";
export { personKeys, queryKeys } from "./keys.js";
export { blockingKeys, linkPersons } from "./link.js";
export { nameTokens } from "./name-normalise.js";
