// Dates and numbers in the interface language: de-DE or en-GB.
import { useTranslation } from "react-i18next";
import { isLanguage } from "./domain";
import { locales } from "./i18n";

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = locales[isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "de"];
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const dateTimeSeconds = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
  const number = new Intl.NumberFormat(locale);
  const parse = (v: string | Date) => {
    if (v instanceof Date) return v;
    // A bare date means that calendar day wherever the reader is.
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(v);
  };
  return {
    locale,
    dateTime: (v: string | Date) => dateTime.format(parse(v)),
    dateTimeSeconds: (v: string | Date) => dateTimeSeconds.format(parse(v)),
    date: (v: string | Date) => date.format(parse(v)),
    number: (n: number) => number.format(n),
  };
}
