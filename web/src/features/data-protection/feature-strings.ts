// Strings of the consent and data-protection features, registered by the feature itself (its
// chunk is loaded on demand), with keys checked against the German texts.
import { useTranslation } from "react-i18next";
import { i18n } from "../../app/i18n";

type Plain<K extends string> = K extends `${infer B}_${"zero" | "one" | "two" | "few" | "many" | "other"}` ? B : K;
type Keys<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Plain<K>}` : Keys<T[K], `${P}${K}.`>;
}[keyof T & string];

export type Strings<T> = (key: Keys<T>, options?: Record<string, unknown>) => string;
/** A namespace name that remembers the shape of its texts. */
export type Namespace<T> = string & { readonly texts?: T };

/** Adds the namespace's German and English texts. */
export function registerStrings<T>(ns: string, strings: { de: T; en: T }): Namespace<T> {
  i18n.addResourceBundle("de", ns, strings.de, true, true);
  i18n.addResourceBundle("en", ns, strings.en, true, true);
  return ns;
}

/** The texts of a registered namespace in the interface language (re-renders when it changes). */
export function useStrings<T>(ns: Namespace<T>): Strings<T> {
  const { t } = useTranslation(ns as never);
  return t as unknown as Strings<T>;
}
