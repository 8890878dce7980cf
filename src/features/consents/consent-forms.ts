// The consent form (Einwilligung und Schweigepflichtentbindung) in the languages people need.
// Versioned: a consent records the version its form text had. The texts are drafts that a
// municipality's legal department must review before use (legalReviewRequired).
import type { Category } from "../../platform/domain-categories.js";

export const consentFormLanguages = ["de", "en", "ar", "uk", "fa"] as const;
export type ConsentFormLanguage = (typeof consentFormLanguages)[number];

export type ConsentForm = {
  language: ConsentFormLanguage;
  version: string;
  direction: "ltr" | "rtl";
  legalReviewRequired: true;
  title: string;
  intro: string;
  recipientsHeading: string;
  allPartners: string;
  caseManagement: string;
  categoriesHeading: string;
  purposeHeading: string;
  validityHeading: string;
  validUntilOpen: string;
  voluntary: string;
  revocation: string;
  rights: string;
  placeAndDate: string;
  signature: string;
  interpreter: string;
  categories: Record<Category, string>;
};

const version = "2026-11-1";

export const consentForms: Record<ConsentFormLanguage, ConsentForm> = {
  de: {
    language: "de",
    version,
    direction: "ltr",
    legalReviewRequired: true,
    title: "Einwilligung in die Datenweitergabe und Entbindung von der Schweigepflicht",
    intro:
      "Ich willige ein, dass die unten genannten Stellen die unten genannten Angaben über mich austauschen dürfen, damit sie mich gemeinsam unterstützen können.",
    recipientsHeading: "Diese Stellen dürfen die Angaben sehen",
    allPartners: "alle Partnerorganisationen, die mit der fallführenden Stelle eine Kooperationsvereinbarung haben",
    caseManagement: "die fallführende Stelle (Case Management)",
    categoriesHeading: "Diese Angaben",
    purposeHeading: "Zweck",
    validityHeading: "Gültig",
    validUntilOpen: "bis auf Widerruf",
    voluntary:
      "Die Einwilligung ist freiwillig. Wenn ich nicht einwillige, entstehen mir keine Nachteile bei Leistungen, auf die ich einen Anspruch habe.",
    revocation:
      "Ich kann die Einwilligung jederzeit ganz oder teilweise widerrufen, mündlich oder schriftlich, bei jeder beteiligten Stelle. Der Widerruf gilt ab sofort; was vorher rechtmäßig geschehen ist, bleibt davon unberührt.",
    rights:
      "Ich habe das Recht auf Auskunft über meine Daten und darüber, wer sie gesehen hat (Art. 15 DSGVO), auf Berichtigung und Löschung sowie auf Beschwerde bei der Datenschutzaufsicht.",
    placeAndDate: "Ort, Datum",
    signature: "Unterschrift",
    interpreter: "Übersetzt von (Name, Sprache)",
    categories: {
      identity: "Name, Geburtsdaten, Kontakt",
      residence: "Aufenthaltsstatus",
      benefits: "Sozialleistungen",
      childcare: "Kinderbetreuung",
      school: "Schule",
      education: "Sprachkurse, Bildung, Abschlüsse",
      work: "Arbeit und Ausbildung",
      housing: "Wohnen",
      health: "Gesundheit",
      family: "Familie",
      notes: "Beratungsvermerke",
    },
  },
  en: {
    language: "en",
    version,
    direction: "ltr",
    legalReviewRequired: true,
    title: "Consent to sharing data and release from confidentiality",
    intro:
      "I agree that the organisations named below may exchange the information named below about me so that they can support me together.",
    recipientsHeading: "These organisations may see the information",
    allPartners: "all partner organisations that have a cooperation agreement with the lead organisation",
    caseManagement: "the lead organisation (case management)",
    categoriesHeading: "This information",
    purposeHeading: "Purpose",
    validityHeading: "Valid",
    validUntilOpen: "until withdrawn",
    voluntary: "This consent is voluntary. If I do not consent, I lose no benefit I am entitled to.",
    revocation:
      "I can withdraw this consent at any time, fully or in part, orally or in writing, at any of the organisations. The withdrawal applies at once; what was lawfully done before remains unaffected.",
    rights:
      "I have the right to know which data is held about me and who saw it (Art. 15 GDPR), to correction and erasure, and to complain to the data-protection authority.",
    placeAndDate: "Place, date",
    signature: "Signature",
    interpreter: "Interpreted by (name, language)",
    categories: {
      identity: "Name, date of birth, contact",
      residence: "Residence status",
      benefits: "Social benefits",
      childcare: "Childcare",
      school: "School",
      education: "Language courses, education, qualifications",
      work: "Work and training",
      housing: "Housing",
      health: "Health",
      family: "Family",
      notes: "Counselling notes",
    },
  },
  ar: {
    language: "ar",
    version,
    direction: "rtl",
    legalReviewRequired: true,
    title: "الموافقة على مشاركة البيانات والإعفاء من واجب السرية",
    intro: "أوافق على أن تتبادل الجهات المذكورة أدناه المعلومات المذكورة أدناه عني، لكي تتمكن من دعمي معًا.",
    recipientsHeading: "يجوز لهذه الجهات الاطلاع على المعلومات",
    allPartners: "جميع المنظمات الشريكة التي لديها اتفاقية تعاون مع الجهة المسؤولة عن الملف",
    caseManagement: "الجهة المسؤولة عن الملف (إدارة الحالة)",
    categoriesHeading: "هذه المعلومات",
    purposeHeading: "الغرض",
    validityHeading: "سارية",
    validUntilOpen: "حتى سحب الموافقة",
    voluntary: "هذه الموافقة طوعية. إذا لم أوافق، فلن أفقد أي خدمة يحق لي الحصول عليها.",
    revocation:
      "يمكنني سحب هذه الموافقة في أي وقت، كليًا أو جزئيًا، شفهيًا أو كتابيًا، لدى أي من الجهات. يسري السحب فورًا؛ ولا يتأثر ما تم بشكل قانوني قبل ذلك.",
    rights:
      "لي الحق في معرفة البيانات المحفوظة عني ومن اطلع عليها (المادة 15 من اللائحة العامة لحماية البيانات)، وفي تصحيحها وحذفها، وفي تقديم شكوى إلى هيئة حماية البيانات.",
    placeAndDate: "المكان، التاريخ",
    signature: "التوقيع",
    interpreter: "ترجمه (الاسم، اللغة)",
    categories: {
      identity: "الاسم، تاريخ الميلاد، بيانات الاتصال",
      residence: "وضع الإقامة",
      benefits: "المساعدات الاجتماعية",
      childcare: "رعاية الأطفال",
      school: "المدرسة",
      education: "دورات اللغة، التعليم، الشهادات",
      work: "العمل والتدريب المهني",
      housing: "السكن",
      health: "الصحة",
      family: "الأسرة",
      notes: "ملاحظات الاستشارة",
    },
  },
  uk: {
    language: "uk",
    version,
    direction: "ltr",
    legalReviewRequired: true,
    title: "Згода на передачу даних і звільнення від обов'язку збереження таємниці",
    intro:
      "Я погоджуюся, що зазначені нижче установи можуть обмінюватися зазначеною нижче інформацією про мене, щоб спільно мене підтримувати.",
    recipientsHeading: "Ці установи можуть бачити інформацію",
    allPartners: "усі партнерські організації, які мають угоду про співпрацю з відповідальною установою",
    caseManagement: "відповідальна установа (кейс-менеджмент)",
    categoriesHeading: "Ця інформація",
    purposeHeading: "Мета",
    validityHeading: "Дійсна",
    validUntilOpen: "до відкликання",
    voluntary: "Ця згода є добровільною. Якщо я не погоджуюся, я не втрачаю жодних послуг, на які маю право.",
    revocation:
      "Я можу будь-коли відкликати цю згоду повністю або частково, усно чи письмово, в будь-якій із установ. Відкликання діє негайно; те, що було законно зроблено раніше, залишається чинним.",
    rights:
      "Я маю право знати, які дані про мене зберігаються і хто їх бачив (ст. 15 GDPR), на їх виправлення та видалення, а також право подати скаргу до органу з захисту даних.",
    placeAndDate: "Місце, дата",
    signature: "Підпис",
    interpreter: "Перекладено (ім'я, мова)",
    categories: {
      identity: "Ім'я, дата народження, контакти",
      residence: "Статус перебування",
      benefits: "Соціальні виплати",
      childcare: "Догляд за дітьми",
      school: "Школа",
      education: "Мовні курси, освіта, кваліфікації",
      work: "Робота та навчання",
      housing: "Житло",
      health: "Здоров'я",
      family: "Сім'я",
      notes: "Нотатки консультацій",
    },
  },
  fa: {
    language: "fa",
    version,
    direction: "rtl",
    legalReviewRequired: true,
    title: "رضایت‌نامه برای تبادل اطلاعات و معافیت از تعهد رازداری",
    intro:
      "موافقت می‌کنم که نهادهای نام‌برده در زیر، اطلاعات ذکرشده در زیر را درباره من با یکدیگر تبادل کنند تا بتوانند با هم از من حمایت کنند.",
    recipientsHeading: "این نهادها می‌توانند اطلاعات را ببینند",
    allPartners: "همه سازمان‌های همکار که با نهاد مسئول پرونده قرارداد همکاری دارند",
    caseManagement: "نهاد مسئول پرونده (مدیریت پرونده)",
    categoriesHeading: "این اطلاعات",
    purposeHeading: "هدف",
    validityHeading: "اعتبار",
    validUntilOpen: "تا زمان لغو",
    voluntary: "این رضایت داوطلبانه است. اگر رضایت ندهم، هیچ خدمتی را که حق دریافت آن را دارم از دست نمی‌دهم.",
    revocation:
      "می‌توانم این رضایت را هر زمان، به‌طور کامل یا جزئی، شفاهی یا کتبی، نزد هر یک از نهادها لغو کنم. لغو فوراً اعمال می‌شود؛ آنچه پیش از آن به‌طور قانونی انجام شده معتبر می‌ماند.",
    rights:
      "حق دارم بدانم چه اطلاعاتی درباره من نگهداری می‌شود و چه کسی آن را دیده است (ماده ۱۵ مقررات عمومی حفاظت از داده‌ها)، حق اصلاح و حذف آن و حق شکایت به مرجع حفاظت از داده‌ها را دارم.",
    placeAndDate: "محل، تاریخ",
    signature: "امضا",
    interpreter: "ترجمه شده توسط (نام، زبان)",
    categories: {
      identity: "نام، تاریخ تولد، اطلاعات تماس",
      residence: "وضعیت اقامت",
      benefits: "کمک‌های اجتماعی",
      childcare: "مهدکودک",
      school: "مدرسه",
      education: "کلاس‌های زبان، تحصیلات، مدارک",
      work: "کار و آموزش حرفه‌ای",
      housing: "مسکن",
      health: "سلامت",
      family: "خانواده",
      notes: "یادداشت‌های مشاوره",
    },
  },
};
