import { defineStrings, useStrings } from "../../app/strings";

const de = {
  login: {
    title: "Anmelden",
    intro: "Melden Sie sich mit Ihrer dienstlichen E-Mail-Adresse und Ihrem Passwort an.",
    email: "E-Mail-Adresse",
    password: "Passwort",
    totp: "Einmalcode",
    totpDescription: "Sechsstelliger Code aus Ihrer Authenticator-App",
    totpIntro:
      "Für Ihr Konto ist die Zwei-Faktor-Anmeldung eingerichtet. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.",
    submit: "Anmelden",
    submitting: "Anmeldung läuft …",
    confirmCode: "Code bestätigen",
    otherAccount: "Mit einem anderen Konto anmelden",
    invalidCredentials: "E-Mail-Adresse oder Passwort ist falsch.",
    invalidTotp: "Der Code ist falsch oder abgelaufen. Bitte geben Sie den aktuellen Code ein.",
    throttled:
      "Zu viele fehlgeschlagene Anmeldeversuche. Die Anmeldung ist aus Sicherheitsgründen vorübergehend gesperrt. Bitte versuchen Sie es in {{minutes}} Minuten erneut.",
    throttledShort: "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in einigen Minuten erneut.",
    signedOut: "Sie wurden abgemeldet.",
    help: "Passwort vergessen oder Konto gesperrt? Wenden Sie sich an die Administration Ihrer Organisation.",
    codeFormat: "Der Code besteht aus sechs Ziffern.",
  },
  totp: {
    enrolTitle: "Zwei-Faktor-Anmeldung einrichten",
    setupTitle: "Zwei-Faktor-Anmeldung einrichten",
    enrolIntro:
      "Ihr Konto hat Zugriff auf personenbezogene Daten. Deshalb ist eine Anmeldung mit zweitem Faktor vorgeschrieben. Richten Sie sie jetzt ein – das dauert etwa zwei Minuten.",
    setupIntro:
      "Mit der Zwei-Faktor-Anmeldung schützen Sie Ihr Konto zusätzlich: Bei jeder Anmeldung geben Sie neben dem Passwort einen Code aus einer Authenticator-App ein.",
    step1: "1. Authenticator-App bereithalten",
    step1Text:
      "Verwenden Sie eine TOTP-fähige App auf Ihrem Diensthandy, zum Beispiel die von Ihrer IT freigegebene Authenticator-App.",
    start: "Einrichtung beginnen",
    step2: "2. QR-Code scannen",
    step2Text:
      "Scannen Sie den QR-Code mit der App. Wenn Sie nicht scannen können, geben Sie den Schlüssel von Hand ein.",
    qrAlt: "QR-Code zur Einrichtung der Authenticator-App",
    secret: "Schlüssel zur manuellen Eingabe",
    step3: "3. Code bestätigen",
    step3Text: "Geben Sie den sechsstelligen Code ein, den die App jetzt anzeigt.",
    code: "Code aus der App",
    confirm: "Einrichtung abschließen",
    success: "Die Zwei-Faktor-Anmeldung ist eingerichtet. Bei der nächsten Anmeldung werden Sie nach dem Code gefragt.",
    wrongCode: "Der Code passt nicht. Prüfen Sie die Uhrzeit Ihres Telefons und geben Sie den aktuellen Code ein.",
    alreadyEnabled: "Die Zwei-Faktor-Anmeldung ist für Ihr Konto bereits eingerichtet.",
    logoutInstead: "Abmelden",
  },
  password: {
    title: "Passwort ändern",
    intro:
      "Nach der Änderung bleiben Sie auf diesem Gerät angemeldet; alle anderen Sitzungen Ihres Kontos werden beendet.",
    current: "Aktuelles Passwort",
    new: "Neues Passwort",
    newDescription: "Mindestens {{count}} Zeichen. Am sichersten ist ein Satz aus mehreren Wörtern.",
    repeat: "Neues Passwort wiederholen",
    mismatch: "Die Passwörter stimmen nicht überein.",
    wrongCurrent: "Das aktuelle Passwort ist falsch.",
    submit: "Passwort ändern",
    success: "Ihr Passwort wurde geändert.",
  },
};

export type AuthStrings = typeof de;

const en: AuthStrings = {
  login: {
    title: "Sign in",
    intro: "Sign in with your work e-mail address and your password.",
    email: "E-mail address",
    password: "Password",
    totp: "One-time code",
    totpDescription: "Six-digit code from your authenticator app",
    totpIntro:
      "Two-factor authentication is set up for your account. Enter the current code from your authenticator app.",
    submit: "Sign in",
    submitting: "Signing in …",
    confirmCode: "Confirm code",
    otherAccount: "Sign in with another account",
    invalidCredentials: "The e-mail address or password is wrong.",
    invalidTotp: "The code is wrong or has expired. Please enter the current code.",
    throttled:
      "Too many failed sign-in attempts. Signing in is temporarily blocked for security reasons. Please try again in {{minutes}} minutes.",
    throttledShort: "Too many failed sign-in attempts. Please try again in a few minutes.",
    signedOut: "You have been signed out.",
    help: "Forgot your password or locked out? Contact the administrator of your organisation.",
    codeFormat: "The code consists of six digits.",
  },
  totp: {
    enrolTitle: "Set up two-factor authentication",
    setupTitle: "Set up two-factor authentication",
    enrolIntro:
      "Your account has access to personal data, so signing in with a second factor is mandatory. Set it up now – it takes about two minutes.",
    setupIntro:
      "Two-factor authentication protects your account further: each time you sign in, you enter a code from an authenticator app in addition to your password.",
    step1: "1. Have an authenticator app ready",
    step1Text: "Use a TOTP-capable app on your work phone, for example the authenticator app approved by your IT.",
    start: "Start setup",
    step2: "2. Scan the QR code",
    step2Text: "Scan the QR code with the app. If you cannot scan it, enter the key by hand.",
    qrAlt: "QR code for setting up the authenticator app",
    secret: "Key for manual entry",
    step3: "3. Confirm the code",
    step3Text: "Enter the six-digit code that the app now shows.",
    code: "Code from the app",
    confirm: "Finish setup",
    success: "Two-factor authentication is set up. You will be asked for the code the next time you sign in.",
    wrongCode: "The code does not match. Check the time on your phone and enter the current code.",
    alreadyEnabled: "Two-factor authentication is already set up for your account.",
    logoutInstead: "Sign out",
  },
  password: {
    title: "Change password",
    intro: "You stay signed in on this device after the change; all other sessions of your account are ended.",
    current: "Current password",
    new: "New password",
    newDescription: "At least {{count}} characters. A sentence of several words is safest.",
    repeat: "Repeat new password",
    mismatch: "The passwords do not match.",
    wrongCurrent: "The current password is wrong.",
    submit: "Change password",
    success: "Your password has been changed.",
  },
};

export const authStrings = defineStrings("auth", de, en);
export const useAuthStrings = () => useStrings(authStrings);
