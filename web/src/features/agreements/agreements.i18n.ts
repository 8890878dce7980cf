// Texts of the cooperation agreements page.
import { registerStrings, useStrings } from "../data-protection/feature-strings";

const de = {
  title: "Kooperationsvereinbarungen",
  intro:
    "Die verbindlichen Regeln zwischen der fallführenden Stelle und ihren Partnern: welche Leistungen die Vereinbarung abdeckt und bis wann eine Verweisung bestätigt und ein Erstgespräch angeboten sein muss. Fristen zählen in Arbeitstagen, ohne die Feiertage des Bundeslands. Eine Einwilligung für „alle Partnerorganisationen“ gilt für die Partner mit gültiger Vereinbarung.",
  create: "Vereinbarung anlegen",
  caption: "Kooperationsvereinbarungen",
  partner: "Partnerorganisation",
  lead: "Fallführende Stelle",
  services: "Leistungen",
  deadlines: "Fristen",
  acknowledge_one: "Eingang bestätigen: {{count}} Arbeitstag",
  acknowledge_other: "Eingang bestätigen: {{count}} Arbeitstage",
  firstAppointment_one: "Erstgespräch: {{count}} Arbeitstag",
  firstAppointment_other: "Erstgespräch: {{count}} Arbeitstage",
  validity: "Gültigkeit",
  status: "Status",
  from: "ab {{from}}",
  fromUntil: "{{from}} bis {{until}}",
  active: "Gilt",
  inactive: "Nicht in Kraft",
  allServices: "alle Leistungen",
  empty: "Es gibt noch keine Kooperationsvereinbarung.",
  form: {
    title: "Neue Kooperationsvereinbarung",
    intro: "Die fallführende Stelle ist Ihre Organisation ({{organisation}}).",
    partner: "Partnerorganisation",
    choose: "Organisation wählen …",
    services: "Abgedeckte Leistungen",
    servicesDescription:
      "Je Leistung eingeben und mit der Eingabetaste übernehmen, z. B. „Arbeitsvermittlung“. Leer: alle Leistungen des Partners.",
    acknowledge: "Frist für die Eingangsbestätigung",
    firstAppointment: "Frist für das Erstgespräch",
    daysDescription: "In Arbeitstagen nach Eingang der Verweisung",
    validFrom: "Gültig ab",
    validFromDescription: "Leer: ab heute.",
    validUntil: "Gültig bis",
    validUntilDescription: "Leer: unbefristet.",
    save: "Vereinbarung speichern",
    saved: "Die Kooperationsvereinbarung mit {{partner}} wurde angelegt.",
    range: "Bitte eine ganze Zahl von {{min}} bis {{max}}.",
    untilBeforeFrom: "Das Ende darf nicht vor dem Beginn liegen.",
    samePartner: "Der Partner muss eine andere Organisation als die fallführende Stelle sein.",
  },
};

export type AgreementStrings = typeof de;

const en: AgreementStrings = {
  title: "Cooperation agreements",
  intro:
    "The binding rules between the lead organisation and its partners: which services the agreement covers and by when a referral must be acknowledged and a first appointment offered. Deadlines count in working days, without the federal state's public holidays. A consent for “all partner organisations” applies to the partners with a valid agreement.",
  create: "Add agreement",
  caption: "Cooperation agreements",
  partner: "Partner organisation",
  lead: "Lead organisation",
  services: "Services",
  deadlines: "Deadlines",
  acknowledge_one: "Acknowledge: {{count}} working day",
  acknowledge_other: "Acknowledge: {{count}} working days",
  firstAppointment_one: "First appointment: {{count}} working day",
  firstAppointment_other: "First appointment: {{count}} working days",
  validity: "Validity",
  status: "Status",
  from: "from {{from}}",
  fromUntil: "{{from}} to {{until}}",
  active: "In force",
  inactive: "Not in force",
  allServices: "all services",
  empty: "There is no cooperation agreement yet.",
  form: {
    title: "New cooperation agreement",
    intro: "The lead organisation is your organisation ({{organisation}}).",
    partner: "Partner organisation",
    choose: "Choose organisation …",
    services: "Services covered",
    servicesDescription:
      "Type each service and press Enter, e.g. “job placement”. Empty: all of the partner's services.",
    acknowledge: "Deadline to acknowledge",
    firstAppointment: "Deadline for the first appointment",
    daysDescription: "In working days after the referral arrives",
    validFrom: "Valid from",
    validFromDescription: "Empty: from today.",
    validUntil: "Valid until",
    validUntilDescription: "Empty: no end date.",
    save: "Save agreement",
    saved: "The cooperation agreement with {{partner}} has been added.",
    range: "Please enter a whole number from {{min}} to {{max}}.",
    untilBeforeFrom: "The end must not lie before the start.",
    samePartner: "The partner must be another organisation than the lead organisation.",
  },
};

const ns = registerStrings("agreements", { de, en });
export const useAgreementStrings = () => useStrings(ns);
