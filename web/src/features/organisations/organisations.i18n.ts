import { defineStrings, useStrings } from "../../app/strings";

const de = {
  form: {
    createTitle: "Organisation anlegen",
    editTitle: "Organisation bearbeiten",
    name: "Name",
    nameDescription: "Vollständiger Name, wie er in Verweisungen erscheinen soll",
    type: "Art der Organisation",
    typeDescription:
      "Die Art bestimmt, welche Schutzregeln für die Daten gelten, die diese Organisation erfasst (z. B. Schule, Jugendamt, Beratungsstellen).",
    chooseType: "Bitte wählen",
    email: "E-Mail-Adresse",
    phone: "Telefon",
    address: "Anschrift",
    active: "Organisation ist aktiv",
    activeDescription:
      "Deaktivierte Organisationen bleiben im Verzeichnis sichtbar, erhalten aber keine neuen Verweisungen.",
    contactLegend: "Kontakt",
    created: "Die Organisation „{{name}}“ wurde angelegt.",
    saved: "Die Änderungen an „{{name}}“ wurden gespeichert.",
    version: "Version {{version}}, zuletzt geändert am {{date}}",
    users: "Benutzerkonten dieser Organisation",
  },
};

export type OrganisationStrings = typeof de;

const en: OrganisationStrings = {
  form: {
    createTitle: "Add organisation",
    editTitle: "Edit organisation",
    name: "Name",
    nameDescription: "Full name as it should appear in referrals",
    type: "Type of organisation",
    typeDescription:
      "The type determines which protection rules apply to the data this organisation records (e.g. school, youth office, counselling services).",
    chooseType: "Please choose",
    email: "E-mail address",
    phone: "Phone",
    address: "Address",
    active: "Organisation is active",
    activeDescription: "Deactivated organisations remain in the directory but receive no new referrals.",
    contactLegend: "Contact",
    created: "The organisation “{{name}}” has been added.",
    saved: "The changes to “{{name}}” have been saved.",
    version: "Version {{version}}, last changed on {{date}}",
    users: "User accounts of this organisation",
  },
};

export const organisationStrings = defineStrings("organisations", de, en);
export const useOrganisationStrings = () => useStrings(organisationStrings);
