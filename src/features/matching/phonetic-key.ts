// A phonetic form of one normalised token, robust to the romanisation schemes that meet in German
// registers: English/French/German spellings of Arabic and Persian, ICAO 9303, the Ukrainian
// national system, German (Duden) and BGN/PCGN for Cyrillic, Turkish with diacritics dropped.
//
// Consonants fall into classes whose members are different spellings of one sound across those
// schemes (sh = sch = ş = zh = ж "sch"; ch = tsch = kh = х "ch" = h = g, because Ukrainian Г is h
// where Russian has g; w = v; z = s = ts, because German z is ts and German s is English z; d = t
// and b = p, Turkish final devoicing). Vowels fall into two classes, a/e/i and o/u, the usual
// Arabic vowel shifts. j and y are vowels after a consonant (Natalja, Tatyana) and consonants at
// the start (Jurij = Yurii = Iurii) or between vowels (Najib = Nadschib).
//
// The skeleton key (initial + consonant classes) is what the search index and blocking use: it is
// a left-to-right function of the spelling, so the key of a typed prefix is a prefix of the key of
// the whole name (see prefixSafeStem for the few digraphs that change meaning when completed).

// "Z" is the sh-sound (sh, sch, zh, ж, ш, щ): kept apart from s in the phonetic form (Savchenko is
// not Shevchenko) but merged with S in the skeleton key (Şahin is written Sahin without diacritics).
const patterns: [string, string][] = [
  ["schtsch", "Z"],
  ["shch", "Z"],
  ["tsch", "H"],
  ["dsch", "Y"],
  ["sch", "Z"],
  ["dzh", "Y"],
  ["tch", "H"],
  ["sh", "Z"],
  ["zh", "Z"],
  ["ch", "H"],
  ["kh", "H"],
  ["gh", "H"],
  ["ph", "F"],
  ["th", "T"],
  ["dh", "T"],
  ["ts", "S"],
  ["tz", "S"],
  ["ck", "K"],
  ["dj", "Y"],
  ["x", "KS"],
];
const single: Record<string, string> = {
  b: "B",
  p: "B",
  d: "T",
  t: "T",
  g: "H",
  h: "H",
  k: "K",
  q: "K",
  c: "K",
  s: "S",
  z: "S",
  v: "V",
  w: "V",
  f: "F",
  l: "L",
  m: "M",
  n: "N",
  r: "R",
};
const isVowel = (c: string | undefined) => c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y";

/**
 * Symbols of a token: consonant classes in upper case, vowel groups as "e" (a/e/i) or "o" (o/u),
 * doubled consonants collapsed. `abjad` marks a token without written vowels (Arabic script, Mhd).
 */
export function phoneticSymbols(token: string, unitStarts?: number[]): string[] {
  const out: string[] = [];
  let vowels = "";
  const flushVowels = () => {
    if (vowels) out.push(/[ou]/.test(vowels) ? "o" : "e");
    vowels = "";
  };
  const pushConsonant = (sym: string) => {
    flushVowels();
    for (const s of sym) if (out[out.length - 1] !== s) out.push(s);
  };
  let i = 0;
  while (i < token.length) {
    unitStarts?.push(i);
    const c = token[i] as string;
    const next = token[i + 1];
    const prev = token[i - 1];
    if (i === 0 && (c === "y" || c === "j" || (c === "i" && isVowel(next)))) {
      pushConsonant("Y");
      i++;
      continue;
    }
    if (c === "j") {
      // German/Slavic j after a consonant or i is a vowel sign; between vowels it is a consonant.
      if (prev !== undefined && isVowel(prev) && prev !== "i" && isVowel(next)) pushConsonant("Y");
      else vowels += "i";
      i++;
      continue;
    }
    if (isVowel(c)) {
      vowels += c;
      i++;
      continue;
    }
    if (c === "h" && prev === "a" && (next === undefined || next === "h")) {
      i++; // final h after a is not pronounced (Arabic ta marbuta): Fatimah, Abdullah, Sarah
      continue;
    }
    let matched = false;
    for (const [p, sym] of patterns) {
      if (token.startsWith(p, i)) {
        pushConsonant(sym);
        i += p.length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const sym = single[c];
    if (sym) pushConsonant(sym);
    else if (c >= "0" && c <= "9") pushConsonant(c);
    i++;
  }
  flushVowels();
  return out;
}

/** The phonetic form used for string similarity: consonant classes and vowel classes. */
export function phoneticForm(token: string): string {
  return phoneticSymbols(token).join("");
}

/** The skeleton without v and y, which Arabic script writes for both consonants and long vowels. */
export function looseKey(key: string): string {
  return key.length > 1 ? key[0] + key.slice(1).replace(/[VY]/g, "") : key;
}

/** Initial (vowel → "A") + consonant classes: short, and shared by the usual spellings of a name. */
export function skeletonKey(token: string): string {
  const syms = phoneticSymbols(token);
  let key = "";
  syms.forEach((s, i) => {
    if (s === "e" || s === "o") {
      if (i === 0) key += "A";
    } else key += s === "Z" ? "S" : s;
  });
  return key;
}

// Tails that may be the start of a longer pattern still being typed ("sc" → "sch", "t" → "tsch"):
// the key of the prefix is taken without them so that it stays a prefix of the completed name's key.
const unstableTails = new Set(patterns.flatMap(([p]) => [...p].slice(0, -1).map((_, n) => p.slice(0, n + 1))));

/** The token without a trailing partial digraph (or j/y/i/h whose reading depends on what follows). */
export function prefixSafeStem(token: string): string {
  const starts: number[] = [];
  phoneticSymbols(token, starts);
  const last = starts[starts.length - 1];
  if (last === undefined) return token;
  const unit = token.slice(last);
  if (unstableTails.has(unit) || /^[jyih]$/.test(unit)) return token.slice(0, last);
  return token;
}
