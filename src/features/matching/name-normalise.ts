// Names in any script and any romanisation → lower-case ASCII tokens with particles split off.
// Arabic script is transliterated here (not by any-ascii) because any-ascii drops alif and writes
// ayn as "`", which loses the initial vowel and the article; all other scripts go through any-ascii.
import anyAscii from "any-ascii";

/** Arabic article and other particles: recorded or not, glued or not, they carry no identity. */
export const particles = new Set([
  "al",
  "el",
  "ul",
  "ol",
  "il",
  "ar",
  "ad",
  "as",
  "ash",
  "at",
  "az",
  "an",
  "ur",
  "ud",
  "ed",
  "es",
  "er",
  "bin",
  "ben",
  "ibn",
  "bint",
  "von",
  "van",
  "de",
  "da",
  "di",
  "del",
  "der",
  "den",
  "la",
  "le",
  "y",
]);

// Particles that only occur as a separate token (too short/too common inside names to strip glued).
const gluedArticle = /^(al|el)([bcdfghjklmnpqrstvwxyz])/;
// Given names that begin with al/el + consonant but are not article + name.
const notArticle = new Set([
  "albert",
  "alberto",
  "alfred",
  "alfredo",
  "alma",
  "almaz",
  "alpha",
  "alpay",
  "alper",
  "alparslan",
  "alvin",
  "alva",
  "elham",
  "elmira",
  "elmar",
  "elmas",
  "elsa",
  "elke",
  "elvis",
  "elvira",
  "elton",
  "elza",
  "elnaz",
  "elnur",
  "elbrus",
  "elvan",
  "elgin",
  "alsu",
  "alyona",
  "alyssa",
  "alda",
  "aldo",
]);

const arabicLetters: Record<string, string> = {
  ا: "a",
  أ: "a",
  إ: "i",
  آ: "a",
  ى: "a",
  ٱ: "a",
  ب: "b",
  ت: "t",
  ث: "th",
  ج: "j",
  ح: "h",
  خ: "kh",
  د: "d",
  ذ: "dh",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "sh",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  ع: "",
  غ: "gh",
  ف: "f",
  ق: "q",
  ك: "k",
  ک: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  ة: "a",
  ء: "",
  ئ: "i",
  ؤ: "u",
  پ: "p",
  چ: "ch",
  ژ: "zh",
  گ: "g",
};
const arabicScript = /[\u0600-\u06FF\u0750-\u077F]/;

/** One Arabic-script word: abjad letters, with waw/yeh inside a word read as the long vowels they mostly are. */
function arabicWord(word: string): string {
  let w = word.replace(/[\u064B-\u065F\u0670\u0640]/g, ""); // harakat, tatweel
  const parts: string[] = [];
  if (/^ال./.test(w) && w.length > 3) {
    parts.push("al");
    w = w.slice(2);
  }
  let out = "";
  const chars = [...w];
  chars.forEach((c, i) => {
    if (c === "و") out += i === 0 ? "w" : "u";
    else if (c === "ي" || c === "ی") out += i === 0 ? "y" : "i";
    else if (c === "ع" && i === 0) out += "a";
    else {
      const latin = arabicLetters[c] ?? anyAscii(c).toLowerCase();
      // ز + ح is z-h, not the digraph zh (likewise s-h, k-h, t-h, d-h, g-h): keep them apart.
      out += latin.startsWith("h") && /[zsktdgc]$/.test(out) ? `a${latin}` : latin;
    }
  });
  parts.push(out);
  return parts.join(" ");
}

/** Any script → lower-case ASCII letters, digits and separators. */
export function foldToAscii(text: string): string {
  const words = text.normalize("NFC").split(/(\s+|-)/);
  return words
    .map((w) => (arabicScript.test(w) ? arabicWord(w) : anyAscii(w)))
    .join("")
    .toLowerCase();
}

// Abd compounds: "abd", "abdul", "abdel", "abdal", "abdi", "abdu", "abdur", "abdou" + a name.
const abdPrefix = /^abd(?:[aeiou]?l|[aeiou]?(?=([bcdfghjklmnpqrstvwxz])\1)|[aeiou]{1,2})?$/;
const abdGlued = /^abd(?:ou|[aeiou])?(?:l|(?=([bcdfghjklmnpqrstvwxz])\1))?(.{3,})$/;

// A short name beginning with a doubled l is a name of its own (Allaa for Alaa, Allawi, Allan), not
// the article glued to a two- or three-letter name.
const doubledL = /^all.{0,3}$/;

function splitGluedArticle(token: string): string[] {
  if (token.length >= 5 && gluedArticle.test(token) && !notArticle.has(token) && !doubledL.test(token))
    return [token.slice(0, 2), token.slice(2)];
  return [token];
}

/**
 * Normalised tokens of a name: ASCII, lower case, particles as their own tokens, Abd compounds
 * joined into one token "abd" + name (Abdul Rahman, Abd al-Rahman, Abdulrahman → "abdrahman").
 */
export function nameTokens(text: string): string[] {
  const raw = foldToAscii(text)
    .replace(/['`\u2019\u02bc\u02bf\u02be]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
  const tokens: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as string;
    if (abdPrefix.test(t) && i + 1 < raw.length) {
      let j = i + 1;
      while (j < raw.length - 1 && particles.has(raw[j] as string)) j++;
      const rest = raw[j] as string;
      if (!particles.has(rest)) {
        tokens.push(`abd${stripArticle(rest)}`);
        i = j;
        continue;
      }
    }
    const glued = abdGlued.exec(t);
    if (glued && t !== "abdi" && t !== "abdou") {
      tokens.push(`abd${stripArticle(glued[2] as string)}`);
      continue;
    }
    const parts = splitGluedArticle(t);
    const compound = parts.length === 2 ? abdGlued.exec(parts[1] as string) : null;
    if (compound && parts[1] !== "abdi" && parts[1] !== "abdou") tokens.push(parts[0] as string, `abd${compound[2]}`);
    else tokens.push(...parts);
  }
  return tokens;
}

function stripArticle(rest: string): string {
  const parts = splitGluedArticle(rest);
  return parts.length === 2 && (parts[0] === "al" || parts[0] === "el") ? (parts[1] as string) : rest;
}

// Glued article before a vowel (Alobaidi, Elidlibi) cannot be told from names like Alexander by
// spelling alone; comparison also tries such tokens without the article.
const vowelArticle = /^(?:al|el)(?=[aeiou].{4,})/;
const notVowelArticle = /^(alex|aleks|alej|aless|elis|eliz|eleo|elen|elea|alois|eliot|eliana|elias|elie)/;
export function withoutGluedArticle(token: string): string | null {
  return vowelArticle.test(token) && !notVowelArticle.test(token) ? token.slice(2) : null;
}

/** Tokens that carry identity (particles removed). */
export function identityTokens(text: string): string[] {
  return nameTokens(text).filter((t) => !particles.has(t));
}
