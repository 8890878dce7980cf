import { defineStrings, useStrings } from "../../app/strings";

const de = {
  title: "Protokoll",
  intro:
    "Jeder Lese- und Schreibzugriff auf personenbezogene Daten und jede Verwaltungsaktion wird unveränderlich protokolliert. Die Einträge sind durch eine Hash-Kette verbunden, sodass nachträgliche Änderungen erkennbar sind.",
  filters: "Einträge filtern",
  action: "Aktion",
  user: "Benutzerkonto",
  organisation: "Organisation",
  person: "Person (ID)",
  from: "Von (Datum)",
  to: "Bis (Datum)",
  apply: "Filter anwenden",
  table: {
    caption: "Protokolleinträge, neueste zuerst",
    time: "Zeitpunkt",
    action: "Aktion",
    actor: "Wer",
    organisation: "Organisation",
    subject: "Betroffen",
    details: "Einzelheiten",
    system: "System",
    showDetails: "Einzelheiten zu Eintrag {{id}}",
    sealed: "Eintrag {{seq}} der Kette",
    pending: "noch nicht versiegelt",
  },
  verify: {
    title: "Unversehrtheit prüfen",
    text: "Versiegelt ausstehende Einträge und berechnet die gesamte Hash-Kette dieses Mandanten neu.",
    button: "Protokollkette prüfen",
    running: "Prüfung läuft …",
    ok_one: "Die Protokollkette ist unversehrt: {{count}} Eintrag geprüft.",
    ok_other: "Die Protokollkette ist unversehrt: {{count}} Einträge geprüft.",
    broken:
      "Die Protokollkette ist unterbrochen: Eintrag {{id}} stimmt nicht mit der Kette überein. Informieren Sie umgehend die IT-Sicherheit und die bzw. den Datenschutzbeauftragten.",
    pending_one: "{{count}} Eintrag wartet noch auf die Versiegelung.",
    pending_other: "{{count}} Einträge warten noch auf die Versiegelung.",
    checkedAt: "Geprüft am {{date}}",
  },
  empty: "Keine Protokolleinträge für diese Filter.",
};

export type AuditStrings = typeof de;

const en: AuditStrings = {
  title: "Audit log",
  intro:
    "Every read and write of personal data and every administrative action is logged immutably. The entries are linked by a hash chain, so later changes can be detected.",
  filters: "Filter entries",
  action: "Action",
  user: "User account",
  organisation: "Organisation",
  person: "Person (ID)",
  from: "From (date)",
  to: "To (date)",
  apply: "Apply filters",
  table: {
    caption: "Audit log entries, newest first",
    time: "Time",
    action: "Action",
    actor: "Who",
    organisation: "Organisation",
    subject: "Concerns",
    details: "Details",
    system: "System",
    showDetails: "Details of entry {{id}}",
    sealed: "Entry {{seq}} of the chain",
    pending: "not sealed yet",
  },
  verify: {
    title: "Verify integrity",
    text: "Seals pending entries and recomputes this tenant's entire hash chain.",
    button: "Verify audit chain",
    running: "Verifying …",
    ok_one: "The audit chain is intact: {{count}} entry checked.",
    ok_other: "The audit chain is intact: {{count}} entries checked.",
    broken:
      "The audit chain is broken: entry {{id}} does not match the chain. Inform IT security and the data protection officer immediately.",
    pending_one: "{{count}} entry is still waiting to be sealed.",
    pending_other: "{{count}} entries are still waiting to be sealed.",
    checkedAt: "Checked on {{date}}",
  },
  empty: "No audit log entries for these filters.",
};

export const auditStrings = defineStrings("audit", de, en);
export const useAuditStrings = () => useStrings(auditStrings);
