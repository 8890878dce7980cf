// Strings of the household tab.
import { defineStrings, useStrings } from "../../app/strings";

const de = {
  title: "Haushalt",
  intro: "Personen, die zusammenleben. Die Beziehung bezieht sich auf den Haushaltsvorstand.",
  none: "{{name}} ist keinem Haushalt zugeordnet.",
  create: {
    title: "Haushalt anlegen",
    name: "Name des Haushalts",
    relation: "Beziehung von {{name}}",
    submit: "Haushalt anlegen",
    done: "Der Haushalt „{{name}}“ wurde angelegt.",
  },
  members: {
    caption: "Mitglieder des Haushalts {{name}}",
    name: "Name",
    relation: "Beziehung",
    birthDate: "Geburtsdatum",
    actions: "Aktionen",
    current: "diese Fallakte",
    remove: "Entfernen",
    removeLabel: "{{name}} aus dem Haushalt entfernen",
    removeTitle: "Aus dem Haushalt entfernen",
    removeConfirm: "{{name}} wird aus dem Haushalt „{{household}}“ entfernt. Die Person selbst bleibt erhalten.",
    removed: "{{name}} wurde aus dem Haushalt entfernt.",
    hidden: "Weitere Mitglieder sind für Ihre Organisation möglicherweise nicht sichtbar.",
  },
  rename: {
    label: "Name des Haushalts",
    submit: "Umbenennen",
    done: "Der Haushalt heißt jetzt „{{name}}“.",
  },
  add: {
    title: "Person hinzufügen",
    intro: "Suchen Sie eine bereits registrierte Person und wählen Sie ihre Beziehung zum Haushaltsvorstand.",
    search: "Person suchen",
    searchDescription: "Name oder Geburtsdatum, mindestens 2 Zeichen",
    relation: "Beziehung",
    results: "Suchergebnisse",
    noResults: "Keine passende Person gefunden.",
    add: "Hinzufügen",
    addLabel: "{{name}} hinzufügen",
    member: "bereits Mitglied",
    done: "{{name}} wurde dem Haushalt hinzugefügt.",
    registerNew: "Neue Person in diesem Haushalt registrieren",
  },
};

export type HouseholdStrings = typeof de;

const en: HouseholdStrings = {
  title: "Household",
  intro: "Persons living together. The relation is stated towards the head of the household.",
  none: "{{name}} does not belong to a household.",
  create: {
    title: "Create household",
    name: "Name of the household",
    relation: "Relation of {{name}}",
    submit: "Create household",
    done: "The household “{{name}}” has been created.",
  },
  members: {
    caption: "Members of the household {{name}}",
    name: "Name",
    relation: "Relation",
    birthDate: "Date of birth",
    actions: "Actions",
    current: "this case file",
    remove: "Remove",
    removeLabel: "Remove {{name}} from the household",
    removeTitle: "Remove from the household",
    removeConfirm: "{{name}} will be removed from the household “{{household}}”. The person remains registered.",
    removed: "{{name}} has been removed from the household.",
    hidden: "Further members may not be visible to your organisation.",
  },
  rename: {
    label: "Name of the household",
    submit: "Rename",
    done: "The household is now called “{{name}}”.",
  },
  add: {
    title: "Add person",
    intro: "Search for a person already registered and choose their relation to the head of the household.",
    search: "Search person",
    searchDescription: "Name or birth date, at least 2 characters",
    relation: "Relation",
    results: "Search results",
    noResults: "No matching person found.",
    add: "Add",
    addLabel: "Add {{name}}",
    member: "already a member",
    done: "{{name}} has been added to the household.",
    registerNew: "Register a new person in this household",
  },
};

const strings = defineStrings("households", de, en);
export const useHouseholdStrings = () => useStrings(strings);
