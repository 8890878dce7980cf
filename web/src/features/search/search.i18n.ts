// Strings of the global person search (in the header, so part of the first load: kept short) and
// the words for match reasons, which the duplicates pages use too.
import { defineStrings, useStrings } from "../../app/strings";

const reasonsDe = {
  "same-name": "gleicher Name",
  "name-variant": "Schreibvariante des Namens",
  "names-swapped": "Vor- und Familienname vertauscht",
  typo: "Tippfehler im Namen",
  "same-birth-date": "gleiches Geburtsdatum",
  "birth-year-only": "nur das Geburtsjahr ist bekannt",
  "placeholder-birth-date": "Platzhalter-Geburtsdatum 01.01.",
  "same-birth-year": "gleiches Geburtsjahr",
  "birth-date-differs": "Geburtsdatum weicht ab",
  "same-birth-place": "gleicher Geburtsort",
  "same-nationality": "gleiche Staatsangehörigkeit",
  "sex-differs": "Geschlecht weicht ab",
  "no-family-name": "ohne Familiennamen erfasst",
};
const reasonsEn: typeof reasonsDe = {
  "same-name": "same name",
  "name-variant": "spelling variant of the name",
  "names-swapped": "given and family name swapped",
  typo: "typo in the name",
  "same-birth-date": "same date of birth",
  "birth-year-only": "only the year of birth is known",
  "placeholder-birth-date": "placeholder date of birth 1 January",
  "same-birth-year": "same year of birth",
  "birth-date-differs": "date of birth differs",
  "same-birth-place": "same place of birth",
  "same-nationality": "same nationality",
  "sex-differs": "sex differs",
  "no-family-name": "recorded without a family name",
};

export const searchNs = defineStrings(
  "search",
  {
    label: "Personen suchen",
    placeholder: "Name oder Geburtsdatum",
    results: "Suchergebnisse",
    none: "Keine Person gefunden",
    searching: "Suche läuft …",
    count_one: "{{count}} Person gefunden",
    count_other: "{{count}} Personen gefunden",
    born: "geb. {{date}}",
    unknownBirth: "Geburtsdatum unbekannt",
    hint: "Pfeiltasten zum Auswählen, Eingabe zum Öffnen, Escape zum Schließen",
    reason: reasonsDe,
  },
  {
    label: "Search persons",
    placeholder: "Name or date of birth",
    results: "Search results",
    none: "No person found",
    searching: "Searching …",
    count_one: "{{count}} person found",
    count_other: "{{count}} persons found",
    born: "born {{date}}",
    unknownBirth: "date of birth unknown",
    hint: "Arrow keys to choose, Enter to open, Escape to close",
    reason: reasonsEn,
  },
);

export const useSearchStrings = () => useStrings(searchNs);

/** Match reasons in words, in the interface language; unknown codes are left out. */
export function useReasonWords() {
  const t = useSearchStrings();
  return (reasons: string[] | undefined) =>
    (reasons ?? [])
      .filter((r): r is keyof typeof reasonsDe => r in reasonsDe)
      .map((r) => t(`reason.${r}`))
      .join(", ");
}
