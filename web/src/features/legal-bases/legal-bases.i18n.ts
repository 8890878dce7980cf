// Texts of the legal bases page.
import { defineStrings, useStrings } from "../../app/strings";

const de = {
  title: "Rechtsgrundlagen",
  intro:
    "Eine Rechtsgrundlage erlaubt einer Organisation, bestimmte Angaben ohne Einwilligung zu sehen, etwa bei einer gesetzlichen Übermittlungspflicht. Jede Nutzung wird wie jeder andere Zugriff protokolliert und erscheint im Zugriffsbericht der Person.",
  introReadOnly:
    "Welche Organisation welche Angaben ohne Einwilligung sehen darf, mit Fundstelle. Angelegt und aufgehoben werden Rechtsgrundlagen von der Mandantenadministration.",
  create: "Rechtsgrundlage anlegen",
  caption: "Rechtsgrundlagen des Mandanten",
  organisation: "Organisation",
  categories: "Angaben",
  citation: "Fundstelle",
  validity: "Gültigkeit",
  status: "Status",
  actions: "Aktionen",
  from: "ab {{from}}",
  fromUntil: "{{from}} bis {{until}}",
  empty:
    "Es sind keine Rechtsgrundlagen angelegt. Ohne Rechtsgrundlage sieht eine Organisation nur, was ihr gehört oder wozu eine Einwilligung vorliegt.",
  revoke: "Aufheben",
  revokeLabel: "Rechtsgrundlage {{citation}} für {{organisation}} aufheben",
  state: {
    active: "Gilt",
    pending: "Noch nicht gültig",
    expired: "Abgelaufen",
    revoked: "Aufgehoben",
  },
  revokedOn: "aufgehoben am {{date}}",
  form: {
    title: "Neue Rechtsgrundlage",
    intro:
      "Nennen Sie die Vorschrift so genau wie möglich. Die Rechtsgrundlage gilt ab dem gewählten Tag für alle Personen.",
    organisation: "Organisation",
    choose: "Organisation wählen …",
    categories: "Angaben, die ohne Einwilligung sichtbar werden",
    citation: "Fundstelle",
    citationDescription: "Zum Beispiel „§ 71 Abs. 1 AufenthG“ oder „§ 50 SGB II“.",
    description: "Erläuterung",
    descriptionDescription: "Wofür und in welchem Umfang; für Datenschutz und Prüfung.",
    validFrom: "Gültig ab",
    validUntil: "Gültig bis",
    validUntilDescription: "Leer lassen: unbefristet.",
    save: "Rechtsgrundlage speichern",
    saved: "Die Rechtsgrundlage „{{citation}}“ wurde angelegt.",
    categoryRequired: "Bitte wählen Sie mindestens eine Angabe.",
    untilBeforeFrom: "Das Ende darf nicht vor dem Beginn liegen.",
  },
  revokeDialog: {
    title: "Rechtsgrundlage aufheben",
    text: "{{organisation}} sieht ab sofort die Angaben „{{categories}}“ nicht mehr auf Grundlage von {{citation}}. Das kann nicht rückgängig gemacht werden.",
    confirm: "Rechtsgrundlage aufheben",
    done: "Die Rechtsgrundlage wurde aufgehoben.",
  },
};

export type LegalBasisStrings = typeof de;

const en: LegalBasisStrings = {
  title: "Legal bases",
  intro:
    "A legal basis lets an organisation see certain information without consent, for example under a statutory duty to transmit. Every use is logged like any other access and appears in the person's access report.",
  introReadOnly:
    "Which organisation may see which information without consent, with the legal citation. The tenant administration creates and revokes legal bases.",
  create: "Add legal basis",
  caption: "Legal bases of the tenant",
  organisation: "Organisation",
  categories: "Information",
  citation: "Citation",
  validity: "Validity",
  status: "Status",
  actions: "Actions",
  from: "from {{from}}",
  fromUntil: "{{from}} to {{until}}",
  empty: "No legal bases are defined. Without one, an organisation sees only what it owns or what a consent covers.",
  revoke: "Revoke",
  revokeLabel: "Revoke legal basis {{citation}} for {{organisation}}",
  state: {
    active: "In force",
    pending: "Not yet in force",
    expired: "Expired",
    revoked: "Revoked",
  },
  revokedOn: "revoked on {{date}}",
  form: {
    title: "New legal basis",
    intro: "Cite the provision as precisely as possible. The legal basis applies to all persons from the chosen day.",
    organisation: "Organisation",
    choose: "Choose organisation …",
    categories: "Information that becomes visible without consent",
    citation: "Citation",
    citationDescription: "For example “§ 71 (1) AufenthG” or “§ 50 SGB II”.",
    description: "Explanation",
    descriptionDescription: "What for and to which extent; for data protection and audits.",
    validFrom: "Valid from",
    validUntil: "Valid until",
    validUntilDescription: "Leave empty: no end date.",
    save: "Save legal basis",
    saved: "The legal basis “{{citation}}” has been added.",
    categoryRequired: "Please choose at least one kind of information.",
    untilBeforeFrom: "The end must not lie before the start.",
  },
  revokeDialog: {
    title: "Revoke legal basis",
    text: "From now on, {{organisation}} no longer sees the information “{{categories}}” on the basis of {{citation}}. This cannot be undone.",
    confirm: "Revoke legal basis",
    done: "The legal basis has been revoked.",
  },
};

const ns = defineStrings("legalBases", de, en);
export const useLegalBasisStrings = () => useStrings(ns);
