// Synthetic persons with ground truth for the matching benchmark (and for the search engineer's
// recall measurement): real persons ("clusters") registered by several agencies, each record
// spelling the name by its own rules — romanisation schemes applied to Cyrillic originals,
// Arabic vowel shifts, doubled letters, article and Abd-compound forms, German/French
// transcriptions, diacritics folded, typos, swapped names, missing family names, Eritrean
// patronymics, year-only and 01.01. placeholder dates. Hard non-matches (siblings, twins,
// namesakes, father and son with the same name) are separate clusters.
//
// Deterministic for a seed. Variants are produced by the rules below, never by the matcher's
// own tables, so the evaluation is not circular.
import { type Origin, originWeights } from "../src/features/demo/name-tables.js";
import * as T from "./match-names.js";

export type MatchRecord = {
  id: string;
  clusterId: string;
  givenNames: string;
  familyName: string;
  birthDate: string;
  birthPlace: string;
  sex: string;
  nationality: string;
};

type Rng = () => number;
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- Cyrillic romanisation schemes (generator's own tables) ----------
type Scheme = { map: Record<string, string>; initial?: Record<string, string>; afterVowel?: Record<string, string> };
const base: Record<string, string> = {
  а: "a",
  б: "b",
  д: "d",
  е: "e",
  з: "z",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  ь: "",
  ъ: "",
  "'": "",
  ы: "y",
  э: "e",
};
const schemes: Record<string, Scheme> = {
  // Ukrainian national system (2010), used in Ukrainian passports since then.
  ukrNational: {
    map: {
      ...base,
      в: "v",
      г: "h",
      ґ: "g",
      є: "ie",
      ж: "zh",
      и: "y",
      і: "i",
      ї: "i",
      й: "i",
      х: "kh",
      ц: "ts",
      ч: "ch",
      ш: "sh",
      щ: "shch",
      ю: "iu",
      я: "ia",
      ё: "e",
    },
    initial: { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" },
  },
  // ICAO 9303 (machine-readable passports), one table for all Cyrillic languages.
  icao: {
    map: {
      ...base,
      в: "v",
      г: "g",
      ґ: "g",
      є: "ie",
      ж: "zh",
      и: "i",
      і: "i",
      ї: "i",
      й: "i",
      х: "kh",
      ц: "ts",
      ч: "ch",
      ш: "sh",
      щ: "shch",
      ю: "iu",
      я: "ia",
      ё: "e",
      ъ: "ie",
    },
  },
  // German (Duden) transcription, what a German clerk writes from hearing or from a Cyrillic document.
  german: {
    map: {
      ...base,
      в: "w",
      г: "h",
      ґ: "g",
      є: "je",
      ж: "sch",
      з: "s",
      и: "y",
      і: "i",
      ї: "ji",
      й: "j",
      х: "ch",
      ц: "z",
      ч: "tsch",
      ш: "sch",
      щ: "schtsch",
      ю: "ju",
      я: "ja",
      ё: "jo",
      с: "s",
    },
    afterVowel: { е: "je", с: "ss" },
  },
  germanRussian: {
    map: {
      ...base,
      в: "w",
      г: "g",
      є: "je",
      ж: "sch",
      з: "s",
      и: "i",
      і: "i",
      й: "j",
      х: "ch",
      ц: "z",
      ч: "tsch",
      ш: "sch",
      щ: "schtsch",
      ю: "ju",
      я: "ja",
      ё: "jo",
    },
    initial: { е: "je" },
    afterVowel: { е: "je", с: "ss" },
  },
  // BGN/PCGN (Russian), the usual English-language scheme.
  bgn: {
    map: {
      ...base,
      в: "v",
      г: "g",
      ґ: "g",
      є: "ye",
      ж: "zh",
      и: "i",
      і: "i",
      ї: "yi",
      й: "y",
      х: "kh",
      ц: "ts",
      ч: "ch",
      ш: "sh",
      щ: "shch",
      ю: "yu",
      я: "ya",
      ё: "yo",
    },
    initial: { е: "ye" },
    afterVowel: { е: "ye" },
  },
  // French, found in older documents and Francophone transit countries.
  french: {
    map: {
      ...base,
      в: "v",
      г: "g",
      ґ: "g",
      є: "ie",
      ж: "j",
      и: "i",
      і: "i",
      ї: "i",
      й: "i",
      х: "kh",
      ц: "ts",
      ч: "tch",
      ш: "ch",
      щ: "chtch",
      у: "ou",
      ю: "iou",
      я: "ia",
      ё: "io",
    },
    afterVowel: { с: "ss" },
  },
};
const cyrVowels = new Set([..."аеєиіїоуюяыэё"]);

function romanise(cyr: string, scheme: Scheme): string {
  const lower = cyr.toLowerCase();
  let out = "";
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i] as string;
    const prev = lower[i - 1];
    let r: string | undefined;
    if (i === 0) r = scheme.initial?.[c];
    else if (prev && cyrVowels.has(prev) && i + 1 < lower.length) r = scheme.afterVowel?.[c];
    if (r === undefined) r = scheme.map[c] ?? c;
    out += r;
  }
  // Ukrainian national: -ий → -yi; German: -ий → -ij
  return out.charAt(0).toUpperCase() + out.slice(1);
}

// ---------- Arabic romanisation rules ----------
function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)] as T;
}
function chance(rng: Rng, p: number) {
  return rng() < p;
}
const cap = (s: string) =>
  s
    .split(/([\s-])/)
    .map((w) => (w.length > 0 ? (w[0] as string).toUpperCase() + w.slice(1) : w))
    .join("");

const vowelShifts: [RegExp, string][] = [
  [/o/, "u"],
  [/u/, "o"],
  [/ou/, "u"],
  [/u/, "ou"],
  [/e/, "a"],
  [/a(?=[^aeiou]+$)/, "e"],
  [/i/, "e"],
  [/e(?=[^aeiou]+$)/, "i"],
  [/ee/, "i"],
  [/ei/, "ai"],
  [/ai/, "ei"],
  [/oo/, "u"],
];

function arabicVariant(name: string, rng: Rng): string {
  let s = name.toLowerCase();
  // The most common name is often abbreviated in documents.
  if (/^m[ou]hamm?[ae]d$/.test(s) && chance(rng, 0.08)) return pick(rng, ["Mhd", "Mohd", "Md."]);
  if (chance(rng, 0.45)) {
    const [re, rep] = pick(rng, vowelShifts);
    const positions = [...s.matchAll(new RegExp(re.source, "g"))].map((m) => m.index ?? 0);
    if (positions.length > 0) {
      const at = pick(rng, positions);
      s = s.slice(0, at) + s.slice(at).replace(re, rep);
    }
  }
  if (chance(rng, 0.25)) {
    const doubled = /([bdfhjklmnrstz])\1/.exec(s);
    if (doubled) s = s.replace(doubled[0], doubled[1] as string);
    else {
      const single = [...s.matchAll(/[aeiou]([bdflmnrst])[aeiou]/g)];
      if (single.length > 0) {
        const m = pick(rng, single);
        const at = (m.index ?? 0) + 1;
        s = s.slice(0, at) + s[at] + s.slice(at);
      }
    }
  }
  if (chance(rng, 0.15)) s = s.endsWith("ah") ? s.slice(0, -1) : s.endsWith("a") ? `${s}h` : s;
  if (chance(rng, 0.12)) {
    // German transcription
    s = s.replace(/kh/g, "ch").replace(/sh/g, "sch").replace(/j/g, "dsch").replace(/^y/, "j").replace(/ou/g, "u");
  } else if (chance(rng, 0.06)) {
    // French transcription
    s = s
      .replace(/sh/g, "ch")
      .replace(/(?<!o)u/g, "ou")
      .replace(/j/g, "dj");
  }
  if (chance(rng, 0.05)) s = s.replace(/q/g, "k");
  return cap(s);
}

/** Article forms: Al-Hassan, Al Hassan, Alhassan, El-Hassan, Hassan. */
function articleVariant(family: string, rng: Rng): string {
  const m = /^(?:al|el)[- ]?(.+)$/i.exec(family);
  if (!m) return family;
  const rest = m[1] as string;
  const r = rng();
  if (r < 0.4) return `Al-${cap(rest)}`;
  if (r < 0.55) return `Al ${cap(rest)}`;
  if (r < 0.7) return `Al${rest.toLowerCase()}`;
  if (r < 0.8) return `El-${cap(rest)}`;
  if (r < 0.85) return `El ${cap(rest)}`;
  return cap(rest);
}

const sunLetters = /^(t|th|d|dh|r|z|s|sh|n)/;
/** Abd compounds: Abdulrahman, Abdul Rahman, Abd al-Rahman, Abdel Rahman, Abdurrahman, Abdirahman. */
function abdVariant(name: string, rng: Rng): string {
  const m = /^abd(?:ul|el|al|i|u|ur)?[- ]?(?:al-|ar-)?(.+)$/i.exec(name);
  if (!m) return name;
  const rest = (m[1] as string).toLowerCase();
  const sun = sunLetters.exec(rest);
  const forms = [
    `Abdul${rest}`,
    `Abdul ${cap(rest)}`,
    `Abd al-${cap(rest)}`,
    `Abdel${rest}`,
    `Abdel ${cap(rest)}`,
    `Abd ${cap(rest)}`,
    `Abdi${rest}`,
  ];
  if (sun) forms.push(`Abd${sun[1] === "r" ? "u" : "u"}${sun[1]}${rest}`, `Abd ar-${cap(rest)}`);
  return pick(rng, forms);
}

// ---------- Turkish, Romanian diacritics ----------
function turkishVariant(s: string, rng: Rng): string {
  const r = rng();
  if (r < 0.35) return s;
  const german = r > 0.85;
  const map: Record<string, string> = german
    ? { ü: "ue", Ü: "Ue", ö: "oe", Ö: "Oe", ş: "sch", Ş: "Sch", ç: "tsch", Ç: "Tsch", ğ: "", ı: "i", İ: "I" }
    : { ü: "u", Ü: "U", ö: "o", Ö: "O", ş: "s", Ş: "S", ç: "c", Ç: "C", ğ: "g", ı: "i", İ: "I" };
  return [...s].map((c) => map[c] ?? c).join("");
}
function romanianVariant(s: string, rng: Rng): string {
  if (chance(rng, 0.4)) return s;
  return s.normalize("NFD").replace(/\p{M}/gu, "");
}

// ---------- Latin → Arabic script, for the few records typed in original script ----------
const toArabic: [string, string][] = [
  ["kh", "خ"],
  ["sh", "ش"],
  ["th", "ث"],
  ["gh", "غ"],
  ["dh", "ذ"],
  ["ou", "و"],
  ["oo", "و"],
  ["ee", "ي"],
  ["ai", "ي"],
  ["ei", "ي"],
  ["aa", "ا"],
  ["b", "ب"],
  ["t", "ت"],
  ["j", "ج"],
  ["h", "ح"],
  ["d", "د"],
  ["r", "ر"],
  ["z", "ز"],
  ["s", "س"],
  ["f", "ف"],
  ["q", "ق"],
  ["k", "ك"],
  ["l", "ل"],
  ["m", "م"],
  ["n", "ن"],
  ["w", "و"],
  ["y", "ي"],
];
function arabicScript(name: string): string {
  return name
    .toLowerCase()
    .split(/[\s-]+/)
    .map((word) => {
      let out = "";
      let i = 0;
      if (/^(al|el)/.test(word) && word.length > 4) {
        out = "ال";
        i = 2;
      }
      if (/^[aeiou]/.test(word.slice(i))) out += "ا";
      while (i < word.length) {
        const rest = word.slice(i);
        if (i === word.length - 1 && rest === "a") {
          out += "ة";
          break;
        }
        if (i === word.length - 1 && rest === "i") {
          out += "ي";
          break;
        }
        const hit = toArabic.find(([l]) => rest.startsWith(l));
        if (hit) {
          if (out.at(-1) !== hit[1]) out += hit[1];
          i += hit[0].length;
        } else i++;
      }
      return out;
    })
    .join(" ");
}

// ---------- typos ----------
const letters = "abcdefghijklmnopqrstuvwxyz";
function typo(s: string, rng: Rng): string {
  if (s.length < 4) return s;
  const at = 1 + Math.floor(rng() * (s.length - 2));
  const r = rng();
  const c = s[at] as string;
  if (r < 0.25) return s.slice(0, at) + pick(rng, [...letters]) + s.slice(at);
  if (r < 0.5) return s.slice(0, at) + s.slice(at + 1);
  if (r < 0.75) return s.slice(0, at) + pick(rng, [...letters]) + s.slice(at + 1);
  const n = s[at + 1];
  if (!n || n === " " || c === " ") return s;
  return s.slice(0, at) + n + c + s.slice(at + 2);
}

// ---------- persons ----------
type Kind = "arab" | "slav" | "rus" | "tur" | "eri" | "afg" | "irn" | "rou" | "latin";
type Entity = {
  origin: Origin;
  kind: Kind;
  sex: "m" | "f";
  /** Given names (Cyrillic for Slavic origins); the first is the call name. */
  given: string[];
  /** Family name; empty for many Afghans; for Eritreans the father's and grandfather's names. */
  family: string[];
  year: number;
  month: number;
  day: number;
  /** The person's date is known only as a year (typical for refugees without documents). */
  yearOnly: boolean;
  place: string[];
};

function nameLists(origin: Origin): { kind: Kind; male: string[]; female: string[]; family: string[] } {
  switch (origin) {
    case "SYR":
      return { kind: "arab", male: T.arabMale, female: T.arabFemale, family: T.arabFamily };
    case "IRQ":
      return {
        kind: "arab",
        male: [...T.arabMale, ...T.kurdMale],
        female: [...T.arabFemale, ...T.kurdFemale],
        family: T.arabFamily,
      };
    case "UKR":
      return { kind: "slav", male: T.ukrMale, female: T.ukrFemale, family: T.ukrFamily };
    case "RUS":
      return { kind: "rus", male: T.rusMale, female: T.rusFemale, family: T.rusFamily };
    case "AFG":
      return { kind: "afg", male: T.afgMale, female: T.afgFemale, family: T.afgFamily };
    case "IRN":
      return { kind: "irn", male: T.irnMale, female: T.irnFemale, family: T.irnFamily };
    case "TUR":
      return { kind: "tur", male: T.turMale, female: T.turFemale, family: T.turFamily };
    case "ERI":
      return { kind: "eri", male: T.eriMale, female: T.eriFemale, family: T.eriMale };
    case "SOM":
      return { kind: "arab", male: T.somMale, female: T.somFemale, family: T.somFamily };
    case "ROU":
      return { kind: "rou", male: T.rouMale, female: T.rouFemale, family: T.rouFamily };
    case "NGA":
      return { kind: "latin", male: T.ngaMale, female: T.ngaFemale, family: T.ngaFamily };
    case "GIN":
      return { kind: "latin", male: T.ginMale, female: T.ginFemale, family: T.ginFamily };
  }
}

const totalWeight = originWeights.reduce((s, [, w]) => s + w, 0);
function pickOrigin(rng: Rng): Origin {
  let r = rng() * totalWeight;
  for (const [o, w] of originWeights) {
    r -= w;
    if (r < 0) return o;
  }
  return "SYR";
}

const feminine = (family: string) =>
  /(ов|ев|ёв|ин)$/.test(family) ? `${family}а` : family.endsWith("ий") ? `${family.slice(0, -2)}а` : family;

// Family names beyond the lists, formed the way they are formed in each naming tradition, so that
// the name distribution has the long tail of a real population (a few lists alone would make
// every name combination a crowd of namesakes).
const nisba =
  "Halabi Homsi Hamwi Shami Masri Baghdadi Tikriti Mosuli Idlibi Dimashqi Basri Kurdi Hourani Jazrawi Ansari Qurashi Hashimi Tamimi Zubaidi Shammari Dulaimi Jaburi Khazraji Ubaidi Azzawi Rawi Ani Hadithi Samarrai Karbalai Najafi Hilli Kufi Mousawi Husseini Rifai Naqshbandi Barzinji Talabani Jaf".split(
    " ",
  );
const turkWords =
  "Kara Ak Demir Yıldız Kılıç Öz Er Tekin Güneş Ay Kaya Taş Bulut Deniz Aslan Kurt Doğan Şen Çakır Bay Gök Toprak".split(
    " ",
  );
const turkSuffixes = ["oğlu", "er", "kan", "han", "ay", "türk", "men", "taş", "soy", "can"];
const ukrSuffixes = ["енко", "чук", "юк", "ишин", "ович", "ський", "ко", "ук"];

function derivedFamily(kind: Kind, origin: Origin, rng: Rng): string {
  const lists = nameLists(origin);
  const given = pick(rng, lists.male);
  switch (kind) {
    case "arab": {
      const r = rng();
      if (origin === "SOM") return given; // Somalis carry the father's name
      if (r < 0.4) return given;
      if (r < 0.6) return `Al-${given}`;
      if (r < 0.9) return `Al-${pick(rng, nisba)}`;
      return `Abu ${given}`;
    }
    case "slav": {
      const stem = given.replace(/[оаийь]$/u, "");
      return stem + pick(rng, ukrSuffixes);
    }
    case "rus": {
      const stem = given.replace(/[оаийь]$/u, "");
      return stem + (/[йь]$/u.test(given) ? "ев" : "ов");
    }
    case "tur":
      return chance(rng, 0.5)
        ? pick(rng, turkWords) + pick(rng, turkSuffixes)
        : `${given}oğlu`.replace(/^(.)/, (c) => c);
    case "afg":
      return given + pick(rng, ["i", "zai", "yar", "khail", "zada"]);
    case "irn":
      return given + pick(rng, ["i", "zadeh", "pour", "nejad", "far"]);
    case "rou":
      return pick(rng, lists.male) + pick(rng, ["escu", "eanu", "u", "ache"]);
    case "latin":
      if (origin === "NGA") return pick(rng, T.ngaPrefixes) + pick(rng, T.ngaSuffixes);
      return pick(rng, lists.family);
    default:
      return pick(rng, lists.family);
  }
}

function newEntity(rng: Rng): Entity {
  const origin = pickOrigin(rng);
  const lists = nameLists(origin);
  const sex = chance(rng, 0.55) ? "m" : "f";
  const own = () =>
    origin === "NGA" && chance(rng, 0.5)
      ? pick(rng, T.ngaPrefixes) + pick(rng, T.ngaSuffixes)
      : pick(rng, sex === "m" ? lists.male : lists.female);
  const given = [own()];
  let family: string[];
  if (lists.kind === "eri") family = [pick(rng, T.eriMale), pick(rng, T.eriMale)];
  else if (lists.kind === "afg" && chance(rng, 0.35)) family = [];
  else {
    let f = chance(rng, 0.45) ? pick(rng, lists.family) : derivedFamily(lists.kind, origin, rng);
    if (sex === "f" && lists.kind === "rus") f = feminine(f);
    family = [f];
  }
  // A second given name (often the father's name in Arabic naming).
  if ((lists.kind === "arab" && chance(rng, 0.25)) || chance(rng, 0.06)) {
    const second = pick(rng, lists.male);
    if (second !== given[0]) given.push(second);
  }
  const age = Math.floor(rng() * 70);
  const yearOnly = chance(rng, 0.08);
  return {
    origin,
    kind: lists.kind,
    sex,
    given,
    family,
    year: 2025 - age,
    month: 1 + Math.floor(rng() * 12),
    day: 1 + Math.floor(rng() * 28),
    yearOnly,
    place: pick(rng, T.places[origin] ?? [[""]]),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

function recordDate(e: Entity, rng: Rng): string {
  if (e.yearOnly) return chance(rng, 0.5) ? String(e.year) : `${e.year}-01-01`;
  const r = rng();
  if (r < 0.66) return `${e.year}-${pad(e.month)}-${pad(e.day)}`;
  if (r < 0.77) return String(e.year);
  if (r < 0.86) return `${e.year}-01-01`;
  if (r < 0.89)
    return e.day <= 12 ? `${e.year}-${pad(e.day)}-${pad(e.month)}` : `${e.year}-${pad(e.month)}-${pad(e.day)}`;
  if (r < 0.92) return "";
  if (r < 0.94) return `${e.year}-${pad(e.month)}`;
  if (r < 0.96)
    return `${e.year}-${pad(e.month)}-${pad(Math.min(28, Math.max(1, e.day + (chance(rng, 0.5) ? 1 : -1) * 10)))}`;
  if (r < 0.97) return `${e.year + (chance(rng, 0.5) ? 1 : -1)}-${pad(e.month)}-${pad(e.day)}`;
  return `${e.year}-${pad(e.month)}-${pad(e.day)}`;
}

function spellSlavic(cyr: string, kind: Kind, rng: Rng): string {
  if (chance(rng, 0.05)) return cyr; // original script
  if (kind === "slav") {
    const r = rng();
    const scheme =
      r < 0.5
        ? schemes.ukrNational
        : r < 0.7
          ? schemes.german
          : r < 0.85
            ? schemes.icao
            : r < 0.95
              ? schemes.bgn
              : schemes.french;
    let s = romanise(cyr, scheme as Scheme);
    if (chance(rng, 0.1)) s = s.replace(/ks/g, "x");
    return s;
  }
  const r = rng();
  const scheme = r < 0.45 ? schemes.icao : r < 0.7 ? schemes.germanRussian : r < 0.95 ? schemes.bgn : schemes.french;
  return romanise(cyr, scheme as Scheme);
}

function spell(name: string, e: Entity, isFamily: boolean, rng: Rng): string {
  switch (e.kind) {
    case "slav": {
      const n = !isFamily && chance(rng, 0.06) ? (T.ukrToRus[name] ?? name) : name;
      return spellSlavic(n, e.kind, rng);
    }
    case "rus":
      return spellSlavic(name, e.kind, rng);
    case "tur":
      return turkishVariant(name, rng);
    case "rou":
      return romanianVariant(name, rng);
    case "arab":
    case "afg":
    case "irn": {
      if (e.origin !== "SOM" && chance(rng, 0.03)) return arabicScript(name);
      let s = name;
      if (/^abd/i.test(s) && s.length > 5) s = abdVariant(s, rng);
      if (isFamily && /^(al|el)[- ]/i.test(s)) s = articleVariant(s, rng);
      if (chance(rng, 0.55)) {
        const parts = s.split(/([\s-])/);
        s = parts
          .map((p) => (/^(al|el|abd|abdul|abdel)$/i.test(p) || p.length < 3 ? p : arabicVariant(p, rng)))
          .join("");
      }
      return s;
    }
    case "eri":
      return chance(rng, 0.35) ? arabicVariant(name, rng) : name;
    default:
      return chance(rng, 0.15) ? arabicVariant(name, rng) : name;
  }
}

function makeRecord(e: Entity, rng: Rng, id: string, clusterId: string): MatchRecord {
  let given = e.given.filter((_, i) => i === 0 || chance(rng, 0.6)).map((n) => spell(n, e, false, rng));
  let family: string[];
  if (e.kind === "eri") {
    // Father's name as family name, with or without the grandfather's, or both moved around.
    const [father, grandfather] = e.family.map((n) => spell(n, e, true, rng)) as [string, string];
    const r = rng();
    if (r < 0.45) family = [father, grandfather];
    else if (r < 0.8) family = [father];
    else {
      given = [...given, father];
      family = [grandfather];
    }
  } else {
    family = e.family.map((n) => spell(n, e, true, rng));
    // Afghans without a family name are sometimes recorded with the father's or no family name.
    if (e.kind === "afg" && family.length > 0 && chance(rng, 0.15)) family = [];
  }
  let givenNames = given.join(" ");
  let familyName = family.join(" ");
  if (chance(rng, 0.12)) {
    if (familyName) {
      const t = givenNames;
      givenNames = familyName;
      familyName = t;
    }
  }
  if (chance(rng, 0.12)) {
    if (chance(rng, 0.5) && givenNames.length > 3) givenNames = typo(givenNames, rng);
    else if (familyName.length > 3) familyName = typo(familyName, rng);
  }
  if (chance(rng, 0.04)) familyName = familyName.toUpperCase();
  const place = chance(rng, 0.15) ? "" : chance(rng, 0.6) ? (e.place[0] as string) : pick(rng, e.place);
  return {
    id,
    clusterId,
    givenNames,
    familyName,
    birthDate: recordDate(e, rng),
    birthPlace: place,
    sex: chance(rng, 0.01) ? "" : e.sex,
    nationality: chance(rng, 0.05) ? "" : e.origin,
  };
}

/** A person who is easily confused with `e` but is someone else. */
function hardNonMatch(e: Entity, rng: Rng): Entity {
  const lists = nameLists(e.origin);
  const other = (sex: "m" | "f", not: string) => {
    for (let i = 0; i < 10; i++) {
      const n = pick(rng, sex === "m" ? lists.male : lists.female);
      if (n !== not) return n;
    }
    return not;
  };
  const r = rng();
  const sex: "m" | "f" = chance(rng, 0.5) ? "m" : "f";
  if (r < 0.35) {
    // sibling: same family, other given name, born 1–15 years apart
    const gap = (1 + Math.floor(rng() * 15)) * (chance(rng, 0.5) ? 1 : -1);
    return {
      ...e,
      sex,
      given: [other(sex, e.given[0] as string)],
      year: Math.min(2025, e.year + gap),
      month: 1 + Math.floor(rng() * 12),
      day: 1 + Math.floor(rng() * 28),
    };
  }
  if (r < 0.55) {
    // twin: same family and birth date, other given name
    return { ...e, sex, given: [other(sex, e.given[0] as string)] };
  }
  if (r < 0.8) {
    // namesake: same name, other birth year and place
    const places = Object.values(T.places[e.origin] ?? {}).filter((p) => p[0] !== e.place[0]);
    return {
      ...e,
      year: e.year + (2 + Math.floor(rng() * 20)) * (chance(rng, 0.5) ? 1 : -1),
      month: 1 + Math.floor(rng() * 12),
      day: 1 + Math.floor(rng() * 28),
      place: places.length > 0 ? pick(rng, places) : e.place,
    };
  }
  // father and son with the same name, 20–40 years apart
  return {
    ...e,
    sex: "m",
    year: e.year - 20 - Math.floor(rng() * 21),
    month: 1 + Math.floor(rng() * 12),
    day: 1 + Math.floor(rng() * 28),
  };
}

/** Records per real person: most are registered once, some by two to six agencies. */
function clusterSize(rng: Rng): number {
  const r = rng();
  if (r < 0.82) return 1;
  if (r < 0.91) return 2;
  if (r < 0.96) return 3;
  if (r < 0.985) return 4;
  return 5 + Math.floor(rng() * 2);
}

export type MatchData = { records: MatchRecord[]; clusters: number; truePairs: number };

export function generateMatchData(n: number, seed = 1): MatchData {
  const rng = mulberry32(seed);
  const records: MatchRecord[] = [];
  let clusters = 0;
  let truePairs = 0;
  const emit = (e: Entity) => {
    const c = `C${clusters++}`;
    const size = Math.min(clusterSize(rng), n - records.length);
    truePairs += (size * (size - 1)) / 2;
    for (let i = 0; i < size; i++) records.push(makeRecord(e, rng, `P${records.length}`, c));
  };
  while (records.length < n) {
    const e = newEntity(rng);
    emit(e);
    if (records.length < n && chance(rng, 0.1)) emit(hardNonMatch(e, rng));
  }
  // Shuffle so that records of one person are not adjacent (the order must not help linkage).
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [records[i], records[j]] = [records[j] as MatchRecord, records[i] as MatchRecord];
  }
  return { records, clusters, truePairs };
}

export type LinkageQuality = {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  closure: { precision: number; recall: number; f1: number; pairs: number };
};

/** Pairwise precision, recall and F1 of predicted pairs, also after transitive closure. */
export function evaluateLinkage(records: MatchRecord[], pairs: { idA: string; idB: string }[]): LinkageQuality {
  const clusterOf = new Map(records.map((r) => [r.id, r.clusterId]));
  const sizes = new Map<string, number>();
  for (const r of records) sizes.set(r.clusterId, (sizes.get(r.clusterId) ?? 0) + 1);
  let truePairs = 0;
  for (const s of sizes.values()) truePairs += (s * (s - 1)) / 2;
  const seen = new Set<string>();
  let tp = 0;
  let predicted = 0;
  for (const p of pairs) {
    const k = p.idA < p.idB ? `${p.idA}|${p.idB}` : `${p.idB}|${p.idA}`;
    if (seen.has(k)) continue;
    seen.add(k);
    predicted++;
    if (clusterOf.get(p.idA) === clusterOf.get(p.idB)) tp++;
  }
  const f = (tp: number, pred: number) => {
    const precision = pred === 0 ? 1 : tp / pred;
    const recall = truePairs === 0 ? 1 : tp / truePairs;
    return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
  };
  // Transitive closure: union-find over predicted pairs; every pair within a component is implied.
  const index = new Map(records.map((r, i) => [r.id, i]));
  const parent = Int32Array.from(records.keys());
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  for (const p of pairs) {
    const a = find(index.get(p.idA) as number);
    const b = find(index.get(p.idB) as number);
    if (a !== b) parent[a] = b;
  }
  const components = new Map<number, Map<string, number>>();
  records.forEach((r, i) => {
    const root = find(i);
    let m = components.get(root);
    if (!m) {
      m = new Map();
      components.set(root, m);
    }
    m.set(r.clusterId, (m.get(r.clusterId) ?? 0) + 1);
  });
  let closurePairs = 0;
  let closureTp = 0;
  for (const m of components.values()) {
    let size = 0;
    for (const c of m.values()) {
      size += c;
      closureTp += (c * (c - 1)) / 2;
    }
    closurePairs += (size * (size - 1)) / 2;
  }
  return {
    ...f(tp, predicted),
    truePairs,
    predictedPairs: predicted,
    closure: { ...f(closureTp, closurePairs), pairs: closurePairs },
  };
}
