// ISO 3166 countries (alpha-3) and ISO 639 languages with German and English names.
import { createRequire } from "node:module";
import countries from "i18n-iso-countries";

const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/de.json"));
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));

type LanguagesLib = {
  registerLocale(data: unknown): void;
  getName(code: string, lang: string): string | undefined;
  getNames(lang: string): Record<string, string>;
  isValid(code: string): boolean;
};
const languagesLib = require("@cospired/i18n-iso-languages") as LanguagesLib;
languagesLib.registerLocale(require("@cospired/i18n-iso-languages/langs/de.json"));
languagesLib.registerLocale(require("@cospired/i18n-iso-languages/langs/en.json"));

// Languages spoken by many newcomers that ISO 639-1 lacks; ISO 639-3 codes.
const extraLanguages: Record<string, { de: string; en: string }> = {
  prs: { de: "Dari", en: "Dari" },
  kmr: { de: "Kurmandschi", en: "Kurmanji" },
  ckb: { de: "Sorani", en: "Sorani" },
  tig: { de: "Tigre", en: "Tigre" },
  apc: { de: "Levantinisches Arabisch", en: "Levantine Arabic" },
  rom: { de: "Romanes", en: "Romani" },
};

export const isCountryCode = (code: string) => /^[A-Z]{3}$/.test(code) && countries.isValid(code);
export const isLanguageCode = (code: string) =>
  (/^[a-z]{2}$/.test(code) && Boolean(languagesLib.getName(code, "en"))) || code in extraLanguages;

export function countryList(locale: "de" | "en") {
  const names = countries.getNames(locale, { select: "official" });
  return Object.entries(names)
    .map(([alpha2, name]) => ({ code: countries.alpha2ToAlpha3(alpha2) as string, name }))
    .filter((c) => c.code)
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

export function languageList(locale: "de" | "en") {
  const names = languagesLib.getNames(locale);
  return [
    ...Object.entries(names).map(([code, name]) => ({ code, name })),
    ...Object.entries(extraLanguages).map(([code, n]) => ({ code, name: n[locale] })),
  ].sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The country's name (ISO 3166 alpha-3), as the country list names it, or the code. */
export function countryName(code: string, locale: "de" | "en"): string {
  const alpha2 = countries.alpha3ToAlpha2(code);
  return (alpha2 && countries.getName(alpha2, locale, { select: "official" })) || code;
}

/** The language's name (ISO 639-1, or one of the ISO 639-3 additions), or the code. */
export function languageName(code: string, locale: "de" | "en"): string {
  return extraLanguages[code]?.[locale] ?? languagesLib.getName(code, locale) ?? code;
}
