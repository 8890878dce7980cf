// Strings of the case-file features, registered when their (lazily loaded) pages load, so that
// they do not weigh on the first load. Each feature gets its own namespace and a typed `t`.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { i18n } from "../../app/i18n";

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];
type WithoutPlural<K> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;
export type StringKey<T> = WithoutPlural<Leaves<T>>;
export type Translate<T> = (key: StringKey<T>, options?: Record<string, unknown>) => string;

/** A namespace of strings, registered with i18next; `T` is the shape of its German strings. */
export type Strings<T> = { ns: string; shape?: T };

export function defineStrings<T extends object>(ns: string, de: T, en: T): Strings<T> {
  i18n.addResourceBundle("de", ns, de, true, true);
  i18n.addResourceBundle("en", ns, en, true, true);
  return { ns };
}

export function useStrings<T>(strings: Strings<T>): Translate<T> {
  // useTranslation subscribes to language changes; the fixed t reads the feature's namespace.
  const { i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage ?? "de";
  return useMemo(() => {
    const t = instance.getFixedT(lng, strings.ns as never);
    return (key: StringKey<T>, options?: Record<string, unknown>) =>
      t(key as never, options as never) as unknown as string;
  }, [instance, lng, strings.ns]);
}
