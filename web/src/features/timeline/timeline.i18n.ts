// Strings of the timeline tab.
import { defineStrings, useStrings } from "../../app/strings";

const de = {
  title: "Verlauf",
  intro: "Einträge, Dokumente und Änderungen am Fallstatus, die Ihre Organisation sehen darf – neueste zuerst.",
  label: "Verlauf der Fallakte",
  empty: "Noch keine Einträge im Verlauf.",
  document: "Dokument hochgeladen",
  recordIn: "{{kind}} · {{category}}",
  by: "{{organisation}}",
  case: {
    registered: "Person registriert",
    opened: "Fallakte eröffnet",
    paused: "Fallakte ruhend gestellt",
    resumed: "Fallakte wieder aufgenommen",
    closed: "Fallakte abgeschlossen",
    reopened: "Fallakte wieder eröffnet",
  },
  reason: "Grund: {{reason}}",
  type: {
    record: "Eintrag",
    document: "Dokument",
    case: "Fallstatus",
  },
};

export type TimelineStrings = typeof de;

const en: TimelineStrings = {
  title: "Timeline",
  intro: "Entries, documents and case status changes your organisation may see – newest first.",
  label: "Timeline of the case file",
  empty: "Nothing on the timeline yet.",
  document: "Document uploaded",
  recordIn: "{{kind}} · {{category}}",
  by: "{{organisation}}",
  case: {
    registered: "Person registered",
    opened: "Case file opened",
    paused: "Case file paused",
    resumed: "Case file resumed",
    closed: "Case file closed",
    reopened: "Case file reopened",
  },
  reason: "Reason: {{reason}}",
  type: {
    record: "Entry",
    document: "Document",
    case: "Case status",
  },
};

const strings = defineStrings("timeline", de, en);
export const useTimelineStrings = () => useStrings(strings);
