const de = {
  title: "Übersicht",
  welcome: "Willkommen, {{name}}",
  youAre: "Sie sind angemeldet als <strong>{{role}}</strong> bei <strong>{{organisation}}</strong> ({{tenant}}).",
  whatYouCanDo: "Was Sie hier tun können",
  cards: {
    organisationsManage: {
      title: "Organisationen verwalten",
      text: "Behörden, Träger und Initiativen der Kommune anlegen, Kontaktdaten pflegen und Organisationen deaktivieren.",
      link: "Zu den Organisationen",
    },
    organisationsView: {
      title: "Verzeichnis der Organisationen",
      text: "Alle beteiligten Behörden, Träger und Initiativen der Kommune mit ihren Kontaktdaten.",
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
  comingSoon:
    "Die Funktionen für Fallakten, Einwilligungen und Verweisungen werden schrittweise freigeschaltet. Ihre Administration informiert Sie, sobald sie für Ihre Rolle verfügbar sind.",
};

export type HomeStrings = typeof de;

const en: HomeStrings = {
  title: "Overview",
  welcome: "Welcome, {{name}}",
  youAre: "You are signed in as <strong>{{role}}</strong> at <strong>{{organisation}}</strong> ({{tenant}}).",
  whatYouCanDo: "What you can do here",
  cards: {
    organisationsManage: {
      title: "Manage organisations",
      text: "Add the municipality's authorities, providers and initiatives, keep their contact details up to date and deactivate organisations.",
      link: "Go to organisations",
    },
    organisationsView: {
      title: "Directory of organisations",
      text: "All authorities, providers and initiatives of the municipality with their contact details.",
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
  comingSoon:
    "Case files, consents and referrals are being switched on step by step. Your administrator will let you know as soon as they are available for your role.",
};

export const homeStrings = { de, en };
