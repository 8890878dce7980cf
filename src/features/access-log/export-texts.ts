// The words of the Art. 15 document, in German and English: labels for every code it shows, and the
// information Art. 15 (1) GDPR requires. The legal texts are a draft until the legal review.

import type { OrganisationType } from "../../platform/domain.js";
import type { Category } from "../../platform/domain-categories.js";
import type { disclosureActions } from "./access-log.queries.js";

export const exportLanguages = ["de", "en"] as const;
export type ExportLanguage = (typeof exportLanguages)[number];

type Texts = {
  title: string;
  draft: string;
  about: string;
  generated: string;
  intro: string;
  notConfigured: string;
  sections: Record<
    | "controller"
    | "identity"
    | "household"
    | "records"
    | "documents"
    | "consents"
    | "caseEvents"
    | "referrals"
    | "planGoals"
    | "planMeasures"
    | "caseConferences"
    | "purposes"
    | "recipients"
    | "access"
    | "storage"
    | "sources"
    | "rights"
    | "complaint"
    | "automated",
    string
  >;
  controller: string;
  dpo: string;
  email: string;
  phone: string;
  none: string;
  yes: string;
  no: string;
  unknown: string;
  since: string;
  recordedBy: string;
  recordedByHeader: string;
  recordedOn: string;
  validity: string;
  interpreter: string;
  organisation: string;
  date: string;
  what: string;
  categories: string;
  times: (n: number) => string;
  by: string;
  ground: string;
  status: string;
  purpose: string;
  recipientsOf: string;
  consentValid: string;
  method: string;
  title_: string;
  kind: string;
  type: string;
  state: string;
  authority: string;
  address: string;
  competent: (state: string) => string;
  allAuthorities: string;
  recipientOrganisations: string;
  recipientCategories: string;
  recipientsIntro: string;
  accessIntro: string;
  sourcesIntro: string;
  sourceIdentity: string;
  sourceRecords: (n: number) => string;
  sourceDocuments: (n: number) => string;
  sourceConsents: (n: number) => string;
  sourceReferrals: (n: number) => string;
  sourcePlan: (n: number) => string;
  purposesIntro: string;
  purposesGeneral: string[];
  purposesConsents: string;
  storage: string[];
  rights: { title: string; text: string }[];
  complaint: string;
  automated: string;
  field: Record<string, string>;
  recordField: Record<string, string>;
  value: Record<string, Record<string, Record<string, string>>>;
  sex: Record<string, string>;
  caseStatus: Record<string, string>;
  caseAction: Record<string, string>;
  relation: Record<string, string>;
  consentStatus: Record<string, string>;
  consentMethod: Record<string, string>;
  category: Record<Category, string>;
  orgType: Record<OrganisationType, string>;
  action: Record<(typeof disclosureActions)[number], string>;
  grounds: Record<string, string>;
  allPartners: string;
  caseManagement: string;
  /** Referrals: column heads, the words of each status, outcome and reason of decline. */
  referral: {
    service: string;
    from: string;
    to: string;
    sent: string;
    message: string;
    response: string;
    appointment: string;
    outcome: string;
    status: Record<string, string>;
    outcomes: Record<string, string>;
    declineReasons: Record<string, string>;
  };
  /** The integration plan: goals, measures and case conferences. */
  plan: {
    goal: string;
    domain: string;
    targetDate: string;
    dueDate: string;
    responsible: string;
    measure: string;
    heldOn: string;
    participants: string;
    notes: string;
    decisions: string;
    goalStatus: Record<string, string>;
    measureStatus: Record<string, string>;
  };
};

const de: Texts = {
  title: "Auskunft nach Art. 15 DSGVO",
  draft:
    "Entwurf: Die rechtlichen Texte dieser Auskunft sind noch nicht rechtlich geprüft und vor dem Einsatz mit der Rechtsabteilung abzustimmen.",
  about: "Auskunft für",
  generated: "Erstellt am",
  intro:
    "Sie haben Auskunft darüber verlangt, welche Daten über Sie gespeichert sind. Hier finden Sie alle Angaben, die die beteiligten Stellen in Strang über Sie gespeichert haben, wer sie gesehen hat und welche Rechte Sie haben.",
  notConfigured: "nicht eingerichtet – bitte an die Mandantenadministration wenden",
  sections: {
    controller: "Verantwortliche Stelle und Datenschutzbeauftragte/r",
    identity: "Angaben zu Ihrer Person",
    household: "Haushalt",
    records: "Gespeicherte Angaben nach Lebensbereich",
    documents: "Dokumente",
    consents: "Ihre Einwilligungen",
    caseEvents: "Verlauf Ihrer Fallakte",
    referrals: "Verweisungen an andere Stellen",
    planGoals: "Integrationsplan: Ziele",
    planMeasures: "Integrationsplan: Maßnahmen",
    caseConferences: "Fallkonferenzen",
    purposes: "Zwecke der Verarbeitung",
    recipients: "Empfänger Ihrer Daten",
    access: "Wer hat welche Angaben gesehen",
    storage: "Dauer der Speicherung",
    sources: "Herkunft der Daten",
    rights: "Ihre Rechte",
    complaint: "Beschwerde bei der Aufsichtsbehörde",
    automated: "Automatisierte Entscheidungen",
  },
  controller: "Verantwortlich",
  dpo: "Datenschutzbeauftragte/r",
  email: "E-Mail",
  phone: "Telefon",
  none: "keine",
  yes: "ja",
  no: "nein",
  unknown: "nicht angegeben",
  since: "seit",
  recordedBy: "erfasst von",
  recordedByHeader: "Erfasst von",
  recordedOn: "am",
  validity: "gültig",
  interpreter: "Dolmetscher/in benötigt",
  organisation: "Stelle",
  date: "Datum",
  what: "Zugriff",
  categories: "Angaben",
  times: (n) => (n === 1 ? "1-mal" : `${n}-mal`),
  by: "durch",
  ground: "Grundlage",
  status: "Status",
  purpose: "Zweck",
  recipientsOf: "Für",
  consentValid: "Gültig",
  method: "Form",
  title_: "Titel",
  kind: "Art",
  type: "Art der Stelle",
  state: "Land",
  authority: "Aufsichtsbehörde",
  address: "Anschrift",
  competent: (state) => `Für die verantwortliche Stelle (${state}) ist zuständig:`,
  allAuthorities: "Die Aufsichtsbehörden der Länder",
  recipientOrganisations: "Stellen, die Angaben über Sie gesehen haben",
  recipientCategories: "Kategorien von Empfängern",
  recipientsIntro:
    "Angaben über Sie sehen nur die Stellen, die sie selbst erfasst haben, die Ihre Fallakte führen, denen Sie eingewilligt haben, an die Sie verwiesen wurden oder die eine gesetzliche Grundlage dafür haben. Daten werden nicht in Staaten außerhalb der EU übermittelt.",
  accessIntro:
    "Jeder Zugriff auf Ihre Daten wird protokolliert. Zugriffe einer Stelle auf dieselbe Art an einem Tag sind zusammengefasst.",
  sourcesIntro: "Die meisten Angaben haben Sie selbst im Gespräch gemacht. Erfasst haben sie die folgenden Stellen:",
  sourceIdentity: "Angaben zur Person (Registrierung)",
  sourceRecords: (n) => (n === 1 ? "1 Eintrag" : `${n} Einträge`),
  sourceDocuments: (n) => (n === 1 ? "1 Dokument" : `${n} Dokumente`),
  sourceConsents: (n) => (n === 1 ? "1 Einwilligung" : `${n} Einwilligungen`),
  sourceReferrals: (n) => (n === 1 ? "1 Verweisung" : `${n} Verweisungen`),
  sourcePlan: (n) => (n === 1 ? "1 Eintrag im Integrationsplan" : `${n} Einträge im Integrationsplan`),
  purposesIntro: "Ihre Daten werden verarbeitet, um",
  purposesGeneral: [
    "Sie bei Ihrer Integration zu beraten und zu begleiten (kommunales Integrationsmanagement, Fallmanagement),",
    "Sie – mit Ihrer Einwilligung – an Stellen des Netzwerks zu verweisen und die Hilfe mit ihnen abzustimmen,",
    "gesetzliche Aufgaben der beteiligten Stellen zu erfüllen, soweit ein Gesetz die Verarbeitung erlaubt (Art. 6 Abs. 1 lit. c und e DSGVO),",
    "nachzuweisen, wer wann auf Ihre Daten zugegriffen hat (Protokollierung, Art. 5 Abs. 2 DSGVO).",
  ],
  purposesConsents: "Sie haben in diese Zwecke eingewilligt (Art. 6 Abs. 1 lit. a DSGVO):",
  storage: [
    "Ihre Daten werden gespeichert, solange die Fallarbeit sie erfordert.",
    "Nach Abschluss der Fallakte werden sie nach Ablauf der Aufbewahrungsfristen der jeweiligen Stelle gelöscht.",
    "Angaben, die nur auf Ihrer Einwilligung beruhen, sieht nach einem Widerruf niemand mehr außer der Stelle, die sie erfasst hat.",
    "Das Zugriffsprotokoll wird aufbewahrt, solange es zum Nachweis der Rechtmäßigkeit der Zugriffe erforderlich ist.",
  ],
  rights: [
    {
      title: "Berichtigung (Art. 16 DSGVO)",
      text: "Sind Angaben falsch oder unvollständig, können Sie verlangen, dass sie berichtigt werden.",
    },
    {
      title: "Löschung (Art. 17 DSGVO)",
      text: "Sie können verlangen, dass Ihre Daten gelöscht werden, wenn sie nicht mehr erforderlich sind oder keine Grundlage mehr besteht.",
    },
    {
      title: "Einschränkung der Verarbeitung (Art. 18 DSGVO)",
      text: "Sie können verlangen, dass Ihre Daten nur noch eingeschränkt verarbeitet werden, etwa solange ihre Richtigkeit geprüft wird.",
    },
    {
      title: "Widerspruch (Art. 21 DSGVO)",
      text: "Sie können der Verarbeitung aus Gründen Ihrer besonderen Situation widersprechen, soweit sie auf Art. 6 Abs. 1 lit. e DSGVO beruht.",
    },
    {
      title: "Widerruf einer Einwilligung (Art. 7 Abs. 3 DSGVO)",
      text: "Eine Einwilligung können Sie jederzeit für die Zukunft widerrufen, ohne dass Ihnen Nachteile entstehen.",
    },
  ],
  complaint:
    "Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren, wenn Sie meinen, dass die Verarbeitung Ihrer Daten gegen das Datenschutzrecht verstößt (Art. 77 DSGVO). Zuerst können Sie sich auch an die/den Datenschutzbeauftragte/n wenden.",
  automated: "Es gibt keine automatisierte Entscheidungsfindung und kein Profiling (Art. 22 DSGVO).",
  field: {
    givenNames: "Vornamen",
    familyName: "Familienname",
    alternativeNames: "Weitere Namen und Schreibweisen",
    birthDate: "Geburtsdatum",
    birthPlace: "Geburtsort",
    sex: "Geschlecht",
    nationalities: "Staatsangehörigkeiten",
    languages: "Sprachen",
    phone: "Telefon",
    email: "E-Mail",
    address: "Anschrift",
    arrivedInGermanyOn: "Einreise nach Deutschland",
    arrivedInMunicipalityOn: "Zuzug in die Kommune",
    caseStatus: "Status der Fallakte",
    leadOrganisation: "Fallführende Stelle",
    caseOpenedOn: "Fallakte eröffnet am",
    caseClosedOn: "Fallakte abgeschlossen am",
    closingReason: "Grund des Abschlusses",
    registeredBy: "Registriert von",
  },
  recordField: {
    type: "Art",
    paragraph: "Rechtsgrundlage",
    issuedOn: "Ausgestellt am",
    validUntil: "Gültig bis",
    workPermitted: "Erwerbstätigkeit erlaubt",
    residenceObligation: "Wohnsitzauflage",
    status: "Status",
    providerOrganisationId: "Leistungsträger",
    from: "Von",
    to: "Bis",
    facility: "Einrichtung",
    appliedOn: "Angemeldet am",
    startOn: "Beginn",
    endOn: "Ende",
    school: "Schule",
    classType: "Klassenart",
    grade: "Jahrgangsstufe",
    courseType: "Kursart",
    basis: "Grundlage",
    level: "Sprachniveau",
    provider: "Träger",
    result: "Ergebnis",
    title: "Abschluss",
    country: "Land des Abschlusses",
    recognition: "Anerkennung",
    registeredAt: "Gemeldet bei",
    employer: "Arbeitgeber",
    since: "Seit",
    address: "Anschrift",
    text: "Text",
  },
  value: {
    benefit: { status: { applied: "beantragt", granted: "bewilligt", rejected: "abgelehnt", ended: "beendet" } },
    childcare_place: {
      status: { applied: "angemeldet", offered: "Platz angeboten", attending: "in Betreuung", ended: "beendet" },
    },
    school_enrollment: {
      classType: { regular: "Regelklasse", international: "Internationale Klasse (Seiteneinstieg)" },
    },
    course_enrollment: { basis: { entitlement: "Berechtigung", obligation: "Verpflichtung" } },
    qualification: {
      recognition: {
        none: "nicht beantragt",
        pending: "Anerkennung läuft",
        partial: "teilweise anerkannt",
        full: "voll anerkannt",
      },
    },
    employment: {
      status: {
        job_seeking: "arbeitsuchend",
        employed: "beschäftigt",
        training: "in Ausbildung",
        not_available: "steht nicht zur Verfügung",
      },
      registeredAt: { agentur: "Agentur für Arbeit", jobcenter: "Jobcenter" },
    },
    housing: {
      type: {
        shared_accommodation: "Gemeinschaftsunterkunft",
        own_flat: "eigene Wohnung",
        other: "sonstige Unterbringung",
      },
    },
  },
  sex: { female: "weiblich", male: "männlich", diverse: "divers", unknown: "nicht angegeben" },
  caseStatus: { intake: "Aufnahme", active: "aktiv", paused: "ruhend", closed: "abgeschlossen" },
  caseAction: {
    registered: "Person registriert",
    opened: "Fallakte eröffnet",
    paused: "Fallakte ruhend gestellt",
    resumed: "Fallakte wieder aufgenommen",
    closed: "Fallakte abgeschlossen",
    reopened: "Fallakte wieder eröffnet",
  },
  relation: {
    head: "Haushaltsvorstand",
    spouse: "Ehe-/Lebenspartner/in",
    child: "Kind",
    parent: "Elternteil",
    sibling: "Geschwister",
    other: "sonstige Beziehung",
  },
  consentStatus: { active: "gültig", pending: "noch nicht gültig", expired: "abgelaufen", revoked: "widerrufen" },
  consentMethod: {
    signed_form: "unterschriebenes Formular",
    verbal_witnessed: "mündlich, bezeugt",
    digital: "digital",
  },
  category: {
    identity: "Personalien",
    residence: "Aufenthalt",
    benefits: "Leistungen",
    childcare: "Kita",
    school: "Schule",
    education: "Bildung",
    work: "Arbeit",
    housing: "Wohnen",
    health: "Gesundheit",
    family: "Familie",
    notes: "Vermerke",
  },
  orgType: {
    integration_office: "Integrationsstelle (Kommunales Integrationszentrum)",
    immigration_office: "Ausländerbehörde",
    jobcenter: "Jobcenter",
    employment_agency: "Agentur für Arbeit",
    youth_office: "Jugendamt",
    school_office: "Schulamt",
    school: "Schule",
    kita: "Kindertageseinrichtung (Kita)",
    welfare: "Wohlfahrtsverband",
    migration_counselling: "Migrationsberatung",
    language_school: "Sprachkursträger",
    health_office: "Gesundheitsamt",
    volunteer_initiative: "Ehrenamtsinitiative",
    other: "sonstige Stelle",
  },
  action: {
    "person.read": "hat die Fallakte angesehen",
    "person.listed": "hat Sie in einer Liste oder Suche gesehen (Name, Geburtsdatum)",
    "record.read": "hat einen Eintrag angesehen",
    "document.downloaded": "hat ein Dokument geöffnet",
    "household.read": "hat den Haushalt angesehen",
    "person.exported": "hat eine Auskunft nach Art. 15 DSGVO erstellt",
    "referral.read": "hat eine Verweisung angesehen",
    "plan.read": "hat den Integrationsplan angesehen",
  },
  grounds: {
    ownership: "selbst erfasst",
    lead_organisation: "fallführende Stelle",
    consent: "Ihre Einwilligung",
    referral: "Verweisung",
    legal_basis: "gesetzliche Grundlage",
    dpo: "Datenschutzbeauftragte/r",
  },
  allPartners: "alle Partnerstellen mit Kooperationsvereinbarung",
  caseManagement: "fallführende Stelle (Fallmanagement)",
  referral: {
    service: "Leistung",
    from: "Verwiesen von",
    to: "Verwiesen an",
    sent: "Gesendet am",
    message: "Nachricht und Vermerke",
    response: "Antwort",
    appointment: "Erster Termin",
    outcome: "Ergebnis",
    status: {
      sent: "gesendet",
      accepted: "angenommen",
      declined: "abgelehnt",
      completed: "abgeschlossen",
      withdrawn: "zurückgezogen",
    },
    outcomes: {
      service_provided: "Leistung erbracht",
      partially_provided: "Leistung teilweise erbracht",
      not_taken_up: "nicht in Anspruch genommen",
      referred_on: "weiterverwiesen",
      other: "sonstiges Ergebnis",
    },
    declineReasons: {
      no_capacity: "keine Kapazität",
      not_responsible: "nicht zuständig",
      not_eligible: "keine Anspruchsvoraussetzungen",
      person_unreachable: "Person nicht erreichbar",
      other: "sonstiger Grund",
    },
  },
  plan: {
    goal: "Ziel",
    domain: "Lebensbereich",
    targetDate: "Zieldatum",
    dueDate: "Fällig bis",
    responsible: "Zuständig",
    measure: "Maßnahme",
    heldOn: "Datum",
    participants: "Teilnehmende",
    notes: "Notizen",
    decisions: "Beschlüsse",
    goalStatus: { open: "offen", in_progress: "in Arbeit", achieved: "erreicht", dropped: "aufgegeben" },
    measureStatus: { planned: "geplant", in_progress: "in Arbeit", done: "erledigt", cancelled: "abgebrochen" },
  },
};

const en: Texts = {
  title: "Access report under Art. 15 GDPR",
  draft:
    "Draft: the legal texts of this report have not been reviewed yet and must be agreed with the legal department before use.",
  about: "Report for",
  generated: "Generated on",
  intro:
    "You asked which data are held about you. This report lists everything the organisations involved have recorded about you in Strang, who has seen it, and what rights you have.",
  notConfigured: "not configured – ask the tenant administrator",
  sections: {
    controller: "Controller and data-protection officer",
    identity: "Your personal details",
    household: "Household",
    records: "Data held by life domain",
    documents: "Documents",
    consents: "Your consents",
    caseEvents: "History of your case file",
    referrals: "Referrals to other organisations",
    planGoals: "Integration plan: goals",
    planMeasures: "Integration plan: measures",
    caseConferences: "Case conferences",
    purposes: "Purposes of processing",
    recipients: "Recipients of your data",
    access: "Who saw which data",
    storage: "Storage period",
    sources: "Where the data come from",
    rights: "Your rights",
    complaint: "Complaint to the supervisory authority",
    automated: "Automated decisions",
  },
  controller: "Controller",
  dpo: "Data-protection officer",
  email: "E-mail",
  phone: "Phone",
  none: "none",
  yes: "yes",
  no: "no",
  unknown: "not stated",
  since: "since",
  recordedBy: "recorded by",
  recordedByHeader: "Recorded by",
  recordedOn: "on",
  validity: "valid",
  interpreter: "interpreter needed",
  organisation: "Organisation",
  date: "Date",
  what: "Access",
  categories: "Data",
  times: (n) => (n === 1 ? "once" : `${n} times`),
  by: "by",
  ground: "Ground",
  status: "Status",
  purpose: "Purpose",
  recipientsOf: "For",
  consentValid: "Valid",
  method: "Form",
  title_: "Title",
  kind: "Kind",
  type: "Kind of organisation",
  state: "State",
  authority: "Supervisory authority",
  address: "Address",
  competent: (state) => `The authority competent for the controller (${state}):`,
  allAuthorities: "The supervisory authorities of the federal states",
  recipientOrganisations: "Organisations that saw data about you",
  recipientCategories: "Categories of recipients",
  recipientsIntro:
    "Only organisations that recorded data themselves, lead your case file, received your consent or a referral, or have a legal basis see data about you. No data are transferred to countries outside the EU.",
  accessIntro:
    "Every access to your data is logged. Accesses of one organisation of the same kind on one day are combined.",
  sourcesIntro: "Most of the data you gave yourself in conversation. They were recorded by these organisations:",
  sourceIdentity: "Personal details (registration)",
  sourceRecords: (n) => (n === 1 ? "1 entry" : `${n} entries`),
  sourceDocuments: (n) => (n === 1 ? "1 document" : `${n} documents`),
  sourceConsents: (n) => (n === 1 ? "1 consent" : `${n} consents`),
  sourceReferrals: (n) => (n === 1 ? "1 referral" : `${n} referrals`),
  sourcePlan: (n) => (n === 1 ? "1 entry of the integration plan" : `${n} entries of the integration plan`),
  purposesIntro: "Your data are processed in order to",
  purposesGeneral: [
    "advise and accompany you in your integration (municipal integration management, case management),",
    "refer you – with your consent – to organisations of the network and coordinate the help with them,",
    "fulfil the statutory tasks of the organisations involved where a law permits the processing (Art. 6 (1) (c) and (e) GDPR),",
    "prove who accessed your data and when (logging, Art. 5 (2) GDPR).",
  ],
  purposesConsents: "You consented to these purposes (Art. 6 (1) (a) GDPR):",
  storage: [
    "Your data are kept as long as the casework requires them.",
    "After the case file is closed they are deleted when the retention periods of the organisation concerned have passed.",
    "Data that rest on your consent alone are seen by no one but the organisation that recorded them once you revoke it.",
    "The access log is kept as long as it is needed to prove that the accesses were lawful.",
  ],
  rights: [
    {
      title: "Rectification (Art. 16 GDPR)",
      text: "If data are wrong or incomplete, you may ask for them to be corrected.",
    },
    {
      title: "Erasure (Art. 17 GDPR)",
      text: "You may ask for your data to be erased when they are no longer needed or there is no longer a ground for them.",
    },
    {
      title: "Restriction of processing (Art. 18 GDPR)",
      text: "You may ask for the processing to be restricted, for example while the accuracy of the data is checked.",
    },
    {
      title: "Objection (Art. 21 GDPR)",
      text: "You may object to the processing on grounds relating to your particular situation where it rests on Art. 6 (1) (e) GDPR.",
    },
    {
      title: "Withdrawing a consent (Art. 7 (3) GDPR)",
      text: "You may withdraw a consent at any time for the future, without any disadvantage to you.",
    },
  ],
  complaint:
    "You may lodge a complaint with a data-protection supervisory authority if you think the processing of your data infringes data-protection law (Art. 77 GDPR). You may also turn to the data-protection officer first.",
  automated: "There is no automated decision-making and no profiling (Art. 22 GDPR).",
  field: {
    givenNames: "Given names",
    familyName: "Family name",
    alternativeNames: "Other names and spellings",
    birthDate: "Date of birth",
    birthPlace: "Place of birth",
    sex: "Sex",
    nationalities: "Nationalities",
    languages: "Languages",
    phone: "Phone",
    email: "E-mail",
    address: "Address",
    arrivedInGermanyOn: "Arrival in Germany",
    arrivedInMunicipalityOn: "Arrival in the municipality",
    caseStatus: "Case file status",
    leadOrganisation: "Lead organisation",
    caseOpenedOn: "Case file opened on",
    caseClosedOn: "Case file closed on",
    closingReason: "Reason for closing",
    registeredBy: "Registered by",
  },
  recordField: {
    type: "Type",
    paragraph: "Legal basis",
    issuedOn: "Issued on",
    validUntil: "Valid until",
    workPermitted: "Work permitted",
    residenceObligation: "Residence obligation",
    status: "Status",
    providerOrganisationId: "Provider",
    from: "From",
    to: "To",
    facility: "Facility",
    appliedOn: "Applied on",
    startOn: "Start",
    endOn: "End",
    school: "School",
    classType: "Class type",
    grade: "Grade",
    courseType: "Course type",
    basis: "Basis",
    level: "Language level",
    provider: "Provider",
    result: "Result",
    title: "Qualification",
    country: "Country of the qualification",
    recognition: "Recognition",
    registeredAt: "Registered with",
    employer: "Employer",
    since: "Since",
    address: "Address",
    text: "Text",
  },
  value: {
    benefit: { status: { applied: "applied for", granted: "granted", rejected: "rejected", ended: "ended" } },
    childcare_place: {
      status: { applied: "applied for", offered: "place offered", attending: "attending", ended: "ended" },
    },
    school_enrollment: {
      classType: { regular: "Regular class", international: "International class (lateral entry)" },
    },
    course_enrollment: { basis: { entitlement: "Entitlement", obligation: "Obligation" } },
    qualification: {
      recognition: {
        none: "not applied for",
        pending: "recognition pending",
        partial: "partly recognised",
        full: "fully recognised",
      },
    },
    employment: {
      status: {
        job_seeking: "job seeking",
        employed: "employed",
        training: "in training",
        not_available: "not available",
      },
      registeredAt: { agentur: "Employment agency", jobcenter: "Jobcenter" },
    },
    housing: {
      type: {
        shared_accommodation: "Shared accommodation",
        own_flat: "Own flat",
        other: "Other accommodation",
      },
    },
  },
  sex: { female: "female", male: "male", diverse: "diverse", unknown: "not stated" },
  caseStatus: { intake: "intake", active: "active", paused: "paused", closed: "closed" },
  caseAction: {
    registered: "Person registered",
    opened: "Case file opened",
    paused: "Case file paused",
    resumed: "Case file resumed",
    closed: "Case file closed",
    reopened: "Case file reopened",
  },
  relation: {
    head: "Head of household",
    spouse: "Spouse or partner",
    child: "Child",
    parent: "Parent",
    sibling: "Sibling",
    other: "Other relation",
  },
  consentStatus: { active: "valid", pending: "not yet valid", expired: "expired", revoked: "revoked" },
  consentMethod: { signed_form: "signed form", verbal_witnessed: "verbal, witnessed", digital: "digital" },
  category: {
    identity: "Personal details",
    residence: "Residence",
    benefits: "Benefits",
    childcare: "Childcare",
    school: "School",
    education: "Education",
    work: "Work",
    housing: "Housing",
    health: "Health",
    family: "Family",
    notes: "Notes",
  },
  orgType: {
    integration_office: "Integration office",
    immigration_office: "Immigration office",
    jobcenter: "Jobcenter",
    employment_agency: "Employment agency",
    youth_office: "Youth welfare office",
    school_office: "School office",
    school: "School",
    kita: "Childcare centre (Kita)",
    welfare: "Welfare organisation",
    migration_counselling: "Migration counselling",
    language_school: "Language course provider",
    health_office: "Public health office",
    volunteer_initiative: "Volunteer initiative",
    other: "Other organisation",
  },
  action: {
    "person.read": "viewed the case file",
    "person.listed": "saw you in a list or search (name, date of birth)",
    "record.read": "viewed an entry",
    "document.downloaded": "opened a document",
    "household.read": "viewed the household",
    "person.exported": "produced an access report under Art. 15 GDPR",
    "referral.read": "viewed a referral",
    "plan.read": "viewed the integration plan",
  },
  grounds: {
    ownership: "recorded it",
    lead_organisation: "lead organisation",
    consent: "your consent",
    referral: "referral",
    legal_basis: "legal basis",
    dpo: "data-protection officer",
  },
  allPartners: "all partner organisations with a cooperation agreement",
  caseManagement: "lead organisation (case management)",
  referral: {
    service: "Service",
    from: "Referred by",
    to: "Referred to",
    sent: "Sent on",
    message: "Message and notes",
    response: "Response",
    appointment: "First appointment",
    outcome: "Outcome",
    status: {
      sent: "sent",
      accepted: "accepted",
      declined: "declined",
      completed: "completed",
      withdrawn: "withdrawn",
    },
    outcomes: {
      service_provided: "service provided",
      partially_provided: "service partly provided",
      not_taken_up: "not taken up",
      referred_on: "referred on",
      other: "other outcome",
    },
    declineReasons: {
      no_capacity: "no capacity",
      not_responsible: "not responsible",
      not_eligible: "not eligible",
      person_unreachable: "person could not be reached",
      other: "other reason",
    },
  },
  plan: {
    goal: "Goal",
    domain: "Life domain",
    targetDate: "Target date",
    dueDate: "Due by",
    responsible: "Responsible",
    measure: "Measure",
    heldOn: "Date",
    participants: "Participants",
    notes: "Notes",
    decisions: "Decisions",
    goalStatus: { open: "open", in_progress: "in progress", achieved: "achieved", dropped: "dropped" },
    measureStatus: { planned: "planned", in_progress: "in progress", done: "done", cancelled: "cancelled" },
  },
};

export const exportTexts: Record<ExportLanguage, Texts> = { de, en };
export type ExportTexts = Texts;
