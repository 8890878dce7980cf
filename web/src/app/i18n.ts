// i18next: German by default, English on request. Loaded here are the shell's own namespaces
// (`common`, `vocabulary`); every feature registers its texts with `defineStrings` (strings.ts).
// The choice is kept in localStorage and, when
// signed in, on the user's account (PATCH /auth/me); <html lang> follows the language.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { common } from "./common.i18n";
import { isLanguage, type Language } from "./domain";
import { vocabulary } from "./vocabulary.i18n";

const resourcesOf = (lng: Language) => ({
  common: common[lng],
  vocabulary: vocabulary[lng],
});

export const resources = { de: resourcesOf("de"), en: resourcesOf("en") };

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: (typeof resources)["de"];
  }
}

const storageKey = "strang.language";

export function storedLanguage(): Language | undefined {
  try {
    const v = localStorage.getItem(storageKey);
    return isLanguage(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "de";
}

/** Switches the interface language; the caller persists it on the account when signed in. */
export async function applyLanguage(lng: Language) {
  try {
    localStorage.setItem(storageKey, lng);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  if (currentLanguage() !== lng) await i18n.changeLanguage(lng);
}

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  lng: storedLanguage() ?? "de",
  fallbackLng: "de",
  supportedLngs: ["de", "en"],
  resources,
  ns: Object.keys(resources.de),
  defaultNS: "common",
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
document.documentElement.lang = currentLanguage();

export const locales: Record<Language, string> = { de: "de-DE", en: "en-GB" };

export { i18n };
