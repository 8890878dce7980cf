import { defineStrings, useStrings } from "../../app/strings";

const de = {
  title: "Übersicht",
  welcome: "Willkommen, {{name}}",
  youAre: "Sie sind angemeldet als <strong>{{role}}</strong> bei <strong>{{organisation}}</strong> ({{tenant}}).",
  whatYouCanDo: "Was Sie hier tun können",
  cards: {
    persons: {
      title: "Personen und Fallakten",
      text: "Personen suchen – auch in anderen Schreibweisen –, neu erfassen und ihre Fallakte mit Einwilligungen, Dokumenten und Integrationsplan führen.",
      link: "Zu den Personen",
    },
    referrals: {
      title: "Verweisungen",
      text: "Eingehende Verweisungen annehmen, ablehnen und abschließen; gesendete verfolgen. Fristen nach den Kooperationsvereinbarungen.",
      link: "Zu den Verweisungen",
    },
    duplicates: {
      title: "Dubletten prüfen",
      text: "Mehrfach erfasste Personen finden, vergleichen und Feld für Feld zusammenführen – rückgängig zu machen.",
      link: "Zu den Dubletten",
    },
    sla: {
      title: "Fristtreue der Verweisungen",
      text: "Je Organisation: Anteil der rechtzeitig bestätigten Verweisungen und mittlere Tage bis zur Bestätigung.",
      link: "Zur Fristtreue",
    },
    organisationsManage: {
      title: "Organisationen verwalten",
      text: "Behörden, Träger und Initiativen der Kommune anlegen, Kontaktdaten pflegen und Organisationen deaktivieren.",
      link: "Zum Netzwerk-Verzeichnis",
    },
    organisationsView: {
      title: "Netzwerk-Verzeichnis",
      text: "Wer bietet welche Leistung in welcher Sprache an: Behörden, Träger und Initiativen mit Öffnungszeiten und Ansprechpersonen.",
      link: "Zum Verzeichnis",
    },
    usersAll: {
      title: "Benutzerkonten verwalten",
      text: "Konten für alle Organisationen anlegen, Rollen vergeben, Konten deaktivieren und die Zwei-Faktor-Anmeldung zurücksetzen.",
      link: "Zu den Benutzerkonten",
    },
    usersOwn: {
      title: "Konten Ihrer Organisation",
      text: "Konten für Ihre Mitarbeitenden anlegen, Rollen vergeben, Konten deaktivieren und die Zwei-Faktor-Anmeldung zurücksetzen.",
      link: "Zu den Benutzerkonten",
    },
    audit: {
      title: "Protokoll einsehen",
      text: "Nachvollziehen, wer wann was gelesen oder geändert hat, und die Unversehrtheit der Protokollkette prüfen.",
      link: "Zum Protokoll",
    },
  },
  security: {
    title: "Sicherheit Ihres Kontos",
    twoFactorOn: "Die Zwei-Faktor-Anmeldung ist eingerichtet.",
    twoFactorOff: "Die Zwei-Faktor-Anmeldung ist noch nicht eingerichtet.",
    setUp: "Jetzt einrichten",
    changePassword: "Passwort ändern",
  },
};

export type HomeStrings = typeof de;

const en: HomeStrings = {
  title: "Overview",
  welcome: "Welcome, {{name}}",
  youAre: "You are signed in as <strong>{{role}}</strong> at <strong>{{organisation}}</strong> ({{tenant}}).",
  whatYouCanDo: "What you can do here",
  cards: {
    persons: {
      title: "Persons and case files",
      text: "Find persons – in other spellings too –, register new ones and keep their case file with consents, documents and integration plan.",
      link: "Go to persons",
    },
    referrals: {
      title: "Referrals",
      text: "Accept, decline and complete incoming referrals; follow the ones you sent. Deadlines follow the cooperation agreements.",
      link: "Go to referrals",
    },
    duplicates: {
      title: "Review duplicates",
      text: "Find persons registered more than once, compare them and merge them field by field – and undo a merge.",
      link: "Go to duplicates",
    },
    sla: {
      title: "Referral deadline compliance",
      text: "Per organisation: the share of referrals acknowledged in time and the median days to acknowledge.",
      link: "Go to deadline compliance",
    },
    organisationsManage: {
      title: "Manage organisations",
      text: "Add the municipality's authorities, providers and initiatives, keep their contact details up to date and deactivate organisations.",
      link: "Go to the network directory",
    },
    organisationsView: {
      title: "Network directory",
      text: "Who offers which service in which language: authorities, providers and initiatives with opening hours and contacts.",
      link: "Go to the directory",
    },
    usersAll: {
      title: "Manage user accounts",
      text: "Create accounts for all organisations, assign roles, deactivate accounts and reset two-factor authentication.",
      link: "Go to user accounts",
    },
    usersOwn: {
      title: "Accounts of your organisation",
      text: "Create accounts for your staff, assign roles, deactivate accounts and reset two-factor authentication.",
      link: "Go to user accounts",
    },
    audit: {
      title: "View the audit log",
      text: "See who read or changed what and when, and verify the integrity of the audit chain.",
      link: "Go to the audit log",
    },
  },
  security: {
    title: "Security of your account",
    twoFactorOn: "Two-factor authentication is set up.",
    twoFactorOff: "Two-factor authentication is not set up yet.",
    setUp: "Set it up now",
    changePassword: "Change password",
  },
};

export const homeStrings = defineStrings("home", de, en);
export const useHomeStrings = () => useStrings(homeStrings);
