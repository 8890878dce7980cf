// The one way a feature brings its texts. `defineStrings(ns, de, en)` in the feature's `*.i18n.ts`
// registers both languages with i18next when the feature's module loads, so the texts of a lazily
// loaded page do not weigh on the first load; `useStrings` gives a `t` whose keys are checked
// against the German texts. German is the default language, and `en` must have the same shape
// (declare it `const en: typeof de`, so that a missing or an extra key is a type error).
// Only the shell's own namespaces (`common`, `vocabulary`) are loaded with i18next in `i18n.ts`.
import { useTranslation } from "react-i18next";
import { i18n } from "./i18n";

type PluralSuffix = "zero" | "one" | "two" | "few" | "many" | "other";
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** The keys `t` takes: every text by its dotted path, plural forms under their base key. Lists of
 * lines are no keys; read them with `useTexts`. */
export type StringKey<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${WithoutPlural<K>}`
    : T[K] extends readonly unknown[]
      ? never
      : StringKey<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type Translate<T> = (key: StringKey<T>, options?: Record<string, unknown>) => string;

/** A feature's namespace and its texts in both languages; `T` is the shape of the German texts. */
export type Strings<T> = { readonly ns: string; readonly de: T; readonly en: T };

export function defineStrings<T extends object>(ns: string, de: T, en: NoInfer<T>): Strings<T> {
  i18n.addResourceBundle("de", ns, de, true, true);
  i18n.addResourceBundle("en", ns, en, true, true);
  return { ns, de, en };
}

/** The feature's `t` in the interface language (the component re-renders when it changes). */
export function useStrings<T>(strings: Strings<T>): Translate<T> {
  const { t } = useTranslation(strings.ns as never);
  return t as unknown as Translate<T>;
}

/** The feature's texts themselves in the interface language, for what is not one string (lists of
 * lines); no interpolation happens here. */
export function useTexts<T>(strings: Strings<T>): T {
  const { i18n: instance } = useTranslation(strings.ns as never);
  return instance.resolvedLanguage === "en" ? strings.en : strings.de;
}
