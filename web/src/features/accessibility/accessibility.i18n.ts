import { defineStrings, useStrings } from "../../app/strings";

const de = {
  statement: {
    title: "Erklärung zur Barrierefreiheit",
    contactPlaceholder: [
      "[Name der zuständigen Stelle]",
      "[Straße und Hausnummer]",
      "[PLZ und Ort]",
      "[Telefonnummer]",
    ],
  },
  feedback: {
    title: "Feedback zur Barrierefreiheit",
    intro:
      "Sie stoßen in Strang auf eine Barriere – etwa ein Element, das sich nicht mit der Tastatur bedienen lässt, einen Text, den Ihr Screenreader nicht vorliest, oder zu geringe Kontraste? Bitte sagen Sie es uns. Jede Rückmeldung hilft, die Anwendung für alle besser zu machen.",
    howTitle: "So geben Sie Feedback",
    how: "Schreiben Sie eine E-Mail an die Kontaktstelle für Barrierefreiheit:",
    writeMail: "E-Mail an {{email}} schreiben",
    includeTitle: "Hilfreiche Angaben",
    includeIntro: "Bitte nennen Sie uns nach Möglichkeit",
    include: [
      "die Seite, auf der das Problem auftritt (die Adresse wird in die E-Mail übernommen),",
      "was Sie tun wollten und was stattdessen passiert ist,",
      "welchen Browser und welche Hilfsmittel Sie nutzen (z. B. Screenreader, Vergrößerung, Sprachsteuerung).",
    ],
    privacy:
      "Bitte schreiben Sie keine Daten von Klientinnen und Klienten in Ihre Nachricht. Ein Bildschirmfoto ist nur hilfreich, wenn darauf keine personenbezogenen Daten zu sehen sind.",
    answer:
      "Wir bestätigen den Eingang Ihrer Nachricht und melden uns so bald wie möglich, spätestens innerhalb eines Monats.",
    alternatives:
      "Sie können uns auch anrufen oder schreiben; die Kontaktdaten finden Sie in der Erklärung zur Barrierefreiheit.",
    statementLink: "Zur Erklärung zur Barrierefreiheit",
    mailSubject: "Barriere in Strang",
    mailBody: "Seite: {{page}}\n\nWas ich tun wollte:\n\nWas passiert ist:\n\nBrowser und Hilfsmittel:\n",
  },
};

export type AccessibilityStrings = typeof de;

const en: AccessibilityStrings = {
  statement: {
    title: "Accessibility statement",
    contactPlaceholder: [
      "[Name of the responsible office]",
      "[Street and number]",
      "[Postcode and town]",
      "[Phone number]",
    ],
  },
  feedback: {
    title: "Accessibility feedback",
    intro:
      "Have you come across a barrier in Strang – an element you cannot operate with the keyboard, a text your screen reader does not read out, or too little contrast? Please tell us. Every report helps to make the application better for everyone.",
    howTitle: "How to give feedback",
    how: "Write an e-mail to the accessibility contact:",
    writeMail: "Write an e-mail to {{email}}",
    includeTitle: "Helpful details",
    includeIntro: "If possible, please tell us",
    include: [
      "the page on which the problem occurs (its address is added to the e-mail),",
      "what you wanted to do and what happened instead,",
      "which browser and assistive technology you use (e.g. screen reader, magnification, voice control).",
    ],
    privacy:
      "Please do not include data about clients in your message. A screenshot only helps if it shows no personal data.",
    answer: "We confirm receipt of your message and reply as soon as possible, within one month at the latest.",
    alternatives: "You can also call or write to us; the contact details are in the accessibility statement.",
    statementLink: "Go to the accessibility statement",
    mailSubject: "Barrier in Strang",
    mailBody: "Page: {{page}}\n\nWhat I wanted to do:\n\nWhat happened:\n\nBrowser and assistive technology:\n",
  },
};

export const accessibilityStrings = defineStrings("accessibility", de, en);
export const useAccessibilityStrings = () => useStrings(accessibilityStrings);
