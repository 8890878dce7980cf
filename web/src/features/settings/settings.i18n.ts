// Texts of the settings page.
import { defineStrings, useStrings } from "../../app/strings";

const de = {
  title: "Einstellungen",
  intro:
    "Das Bundesland bestimmt die Feiertage, die bei Fristen nicht als Arbeitstage zählen. Die Standardfristen gelten für Verweisungen an Organisationen ohne Kooperationsvereinbarung.",
  formTitle: "Fristen und Kalender",
  federalState: "Bundesland",
  federalStateDescription: "Für den Arbeitstage-Kalender (Feiertage des Landes).",
  acknowledge: "Standardfrist für die Eingangsbestätigung",
  firstAppointment: "Standardfrist für das Erstgespräch",
  daysDescription: "In Arbeitstagen nach Eingang der Verweisung",
  range: "Bitte eine ganze Zahl von {{min}} bis {{max}}.",
  save: "Einstellungen speichern",
  saved: "Die Einstellungen wurden gespeichert.",
  holidaysTitle: "Feiertage {{year}} in {{state}}",
  holidaysIntro: "An diesen Tagen laufen keine Fristen.",
  year: "Jahr",
  previousYear: "Vorheriges Jahr",
  nextYear: "Nächstes Jahr",
  date: "Datum",
  holiday: "Feiertag",
  weekday: "Wochentag",
  dpTitle: "Verantwortlicher und Datenschutzbeauftragte/r",
  dpIntro:
    "Diese Angaben nennt jede Auskunft nach Art. 15 DSGVO. Solange sie fehlen, steht dort „nicht eingerichtet – bitte an die Mandantenadministration wenden“.",
  controller: {
    title: "Verantwortlicher",
    name: "Name (leer: Name des Mandanten)",
  },
  dataProtectionOfficer: {
    title: "Datenschutzbeauftragte/r",
    name: "Name oder Funktion",
  },
  address: "Anschrift",
  addressDescription: "Straße und Hausnummer, Postleitzahl und Ort – je eine Zeile",
  email: "E-Mail",
  phone: "Telefon",
  emailInvalid: "Bitte eine gültige E-Mail-Adresse angeben.",
  dpSave: "Angaben speichern",
  state: {
    BW: "Baden-Württemberg",
    BY: "Bayern",
    BE: "Berlin",
    BB: "Brandenburg",
    HB: "Bremen",
    HH: "Hamburg",
    HE: "Hessen",
    MV: "Mecklenburg-Vorpommern",
    NI: "Niedersachsen",
    NW: "Nordrhein-Westfalen",
    RP: "Rheinland-Pfalz",
    SL: "Saarland",
    SN: "Sachsen",
    ST: "Sachsen-Anhalt",
    SH: "Schleswig-Holstein",
    TH: "Thüringen",
  },
};

const en: typeof de = {
  title: "Settings",
  intro:
    "The federal state decides the public holidays that do not count as working days in deadlines. The default deadlines apply to referrals to organisations without a cooperation agreement.",
  formTitle: "Deadlines and calendar",
  federalState: "Federal state",
  federalStateDescription: "For the working-day calendar (the state's public holidays).",
  acknowledge: "Default deadline to acknowledge",
  firstAppointment: "Default deadline for the first appointment",
  daysDescription: "In working days after the referral arrives",
  range: "Please enter a whole number from {{min}} to {{max}}.",
  save: "Save settings",
  saved: "The settings were saved.",
  holidaysTitle: "Public holidays {{year}} in {{state}}",
  holidaysIntro: "No deadline runs on these days.",
  year: "Year",
  previousYear: "Previous year",
  nextYear: "Next year",
  date: "Date",
  holiday: "Holiday",
  weekday: "Weekday",
  dpTitle: "Controller and data-protection officer",
  dpIntro:
    "Every Art. 15 GDPR access report names these. While they are missing it says “not configured – ask the tenant administrator”.",
  controller: {
    title: "Controller",
    name: "Name (empty: the tenant's name)",
  },
  dataProtectionOfficer: {
    title: "Data-protection officer",
    name: "Name or function",
  },
  address: "Address",
  addressDescription: "Street and number, postcode and city – one line each",
  email: "E-mail",
  phone: "Phone",
  emailInvalid: "Please enter a valid e-mail address.",
  dpSave: "Save details",
  // The states keep their German names.
  state: de.state,
};

const ns = defineStrings("settings", de, en);
export const useSettingsStrings = () => useStrings(ns);
