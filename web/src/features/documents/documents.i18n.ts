// Strings of the documents tab.
import { defineStrings, useStrings } from "../../app/strings";

const de = {
  title: "Dokumente",
  intro: "Bescheide, Nachweise und Scans zu dieser Person (PDF, JPEG oder PNG, höchstens 20 MB).",
  upload: {
    title: "Dokument hochladen",
    category: "Bereich",
    categoryDescription: "Wer das Dokument sehen darf, richtet sich nach dem Bereich.",
    documentTitle: "Titel",
    documentTitleDescription: "Ohne Angabe wird der Dateiname verwendet.",
    file: "Datei",
    fileDescription: "PDF, JPEG oder PNG, höchstens 20 MB. Der Dateityp wird am Inhalt erkannt.",
    submit: "Hochladen",
    done: "„{{title}}“ wurde hochgeladen.",
    fileRequired: "Bitte wählen Sie eine Datei aus.",
    tooLarge: "Die Datei ist zu groß ({{size}}). Erlaubt sind höchstens 20 MB.",
    wrongType: "Diese Datei ist kein PDF-, JPEG- oder PNG-Dokument. Andere Dateitypen werden nicht angenommen.",
    serverTooLarge: "Der Server hat die Datei abgelehnt, weil sie größer als 20 MB ist.",
    serverWrongType:
      "Der Server hat die Datei abgelehnt: Ihr Inhalt ist kein PDF, JPEG oder PNG – unabhängig von der Dateiendung.",
    notAllowed: "Ihre Organisation darf zu dieser Person keine Dokumente hochladen.",
  },
  list: {
    caption: "Dokumente, neueste zuerst",
    documentTitle: "Titel",
    category: "Bereich",
    file: "Datei",
    uploaded: "Hochgeladen",
    by: "von {{organisation}}",
    actions: "Aktionen",
    empty: "Keine Dokumente, die für Ihre Organisation sichtbar sind.",
    preview: "Vorschau",
    previewLabel: "Vorschau: {{title}}",
    download: "Herunterladen",
    downloadLabel: "{{title}} herunterladen",
    delete: "Löschen",
    deleteLabel: "{{title}} löschen",
  },
  preview: {
    title: "Vorschau: {{title}}",
    frameTitle: "Inhalt des Dokuments {{title}}",
    hint: "Wird die Vorschau nicht angezeigt, laden Sie das Dokument herunter.",
    openInTab: "In neuem Tab öffnen",
  },
  remove: {
    title: "Dokument löschen",
    confirm: "„{{title}}“ wird endgültig gelöscht. Die Löschung wird protokolliert.",
    done: "Das Dokument wurde gelöscht.",
  },
};

export type DocumentStrings = typeof de;

const en: DocumentStrings = {
  title: "Documents",
  intro: "Notices, certificates and scans about this person (PDF, JPEG or PNG, at most 20 MB).",
  upload: {
    title: "Upload document",
    category: "Domain",
    categoryDescription: "Who may see the document follows from the domain.",
    documentTitle: "Title",
    documentTitleDescription: "The file name is used when left empty.",
    file: "File",
    fileDescription: "PDF, JPEG or PNG, at most 20 MB. The type is recognised from the content.",
    submit: "Upload",
    done: "“{{title}}” has been uploaded.",
    fileRequired: "Please choose a file.",
    tooLarge: "The file is too large ({{size}}). At most 20 MB are allowed.",
    wrongType: "This file is not a PDF, JPEG or PNG document. Other file types are not accepted.",
    serverTooLarge: "The server refused the file because it is larger than 20 MB.",
    serverWrongType:
      "The server refused the file: its content is not a PDF, JPEG or PNG – whatever the file name says.",
    notAllowed: "Your organisation may not upload documents for this person.",
  },
  list: {
    caption: "Documents, newest first",
    documentTitle: "Title",
    category: "Domain",
    file: "File",
    uploaded: "Uploaded",
    by: "by {{organisation}}",
    actions: "Actions",
    empty: "No documents visible to your organisation.",
    preview: "Preview",
    previewLabel: "Preview: {{title}}",
    download: "Download",
    downloadLabel: "Download {{title}}",
    delete: "Delete",
    deleteLabel: "Delete {{title}}",
  },
  preview: {
    title: "Preview: {{title}}",
    frameTitle: "Content of the document {{title}}",
    hint: "If the preview is not shown, download the document.",
    openInTab: "Open in a new tab",
  },
  remove: {
    title: "Delete document",
    confirm: "“{{title}}” will be deleted for good. The deletion is logged.",
    done: "The document has been deleted.",
  },
};

const strings = defineStrings("documents", de, en);
export const useDocumentStrings = () => useStrings(strings);
