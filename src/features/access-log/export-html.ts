// The printable Art. 15 document (HTML with print styles; the browser prints it or saves a PDF).
import { type RecordKind, recordKinds } from "../records/record-kinds.js";

const t = {
  de: {
    title: "Auskunft nach Art. 15 DSGVO",
    generated: "Erstellt am",
    identity: "Angaben zur Person",
    household: "Haushalt",
    records: "Gespeicherte Angaben nach Lebensbereich",
    documents: "Dokumente",
    consents: "Einwilligungen",
    caseEvents: "Verlauf der Fallakte",
    accessLog: "Wer hat welche Angaben gesehen (Empfänger)",
    none: "keine",
    owner: "gespeichert von",
    valid: "gültig",
    at: "Zeitpunkt",
    who: "Person",
    organisation: "Organisation",
    categories: "Kategorien",
    ground: "Grundlage",
    status: "Status",
    recipients: "Empfänger",
    purpose: "Zweck",
    field: {
      givenNames: "Vornamen",
      familyName: "Familienname",
      birthDate: "Geburtsdatum",
      birthPlace: "Geburtsort",
      sex: "Geschlecht",
      nationalities: "Staatsangehörigkeiten",
      languages: "Sprachen",
      contact: "Kontakt",
      address: "Anschrift",
      arrivedInGermanyOn: "Einreise nach Deutschland",
      arrivedInMunicipalityOn: "Zuzug in die Kommune",
      caseStatus: "Status der Fallakte",
    } as Record<string, string>,
    grounds: {
      ownership: "eigene Angaben",
      lead_organisation: "fallführende Stelle",
      consent: "Einwilligung",
      referral: "Verweisung",
      legal_basis: "Rechtsgrundlage",
    } as Record<string, string>,
  },
  en: {
    title: "Access report under Art. 15 GDPR",
    generated: "Generated on",
    identity: "Personal details",
    household: "Household",
    records: "Data held by life domain",
    documents: "Documents",
    consents: "Consents",
    caseEvents: "Case file history",
    accessLog: "Who saw which data (recipients)",
    none: "none",
    owner: "held by",
    valid: "valid",
    at: "Time",
    who: "Person",
    organisation: "Organisation",
    categories: "Categories",
    ground: "Ground",
    status: "Status",
    recipients: "Recipients",
    purpose: "Purpose",
    field: {
      givenNames: "Given names",
      familyName: "Family name",
      birthDate: "Date of birth",
      birthPlace: "Place of birth",
      sex: "Sex",
      nationalities: "Nationalities",
      languages: "Languages",
      contact: "Contact",
      address: "Address",
      arrivedInGermanyOn: "Arrival in Germany",
      arrivedInMunicipalityOn: "Arrival in the municipality",
      caseStatus: "Case file status",
    } as Record<string, string>,
    grounds: {
      ownership: "own data",
      lead_organisation: "lead organisation",
      consent: "consent",
      referral: "referral",
      legal_basis: "legal basis",
    } as Record<string, string>,
  },
};

const esc = (v: unknown): string =>
  String(v ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === "") return "–";
  if (v instanceof Date) return v.toISOString().replace("T", " ").slice(0, 16);
  if (Array.isArray(v)) return v.map(show).join(", ") || "–";
  if (typeof v === "object")
    return (
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== null && x !== undefined && x !== "")
        .map(([k, x]) => `${k}: ${show(x)}`)
        .join("; ") || "–"
    );
  return String(v);
};

type ExportData = {
  generatedAt: string;
  person: Record<string, unknown>;
  household: { name: string; relation: string } | null;
  records: {
    kind: string;
    category: string;
    data: Record<string, unknown>;
    validFrom: string | null;
    validUntil: string | null;
    ownerOrganisation: string | null;
  }[];
  documents: {
    title: string;
    category: string;
    mediaType: string;
    createdAt: Date;
    ownerOrganisation: string | null;
  }[];
  consents: {
    categories: string[];
    purpose: string;
    validFrom: string;
    validUntil: string | null;
    status: string;
    allPartners: boolean;
    caseManagement: boolean;
    recipientOrganisations: string[];
  }[];
  caseEvents: { action: string; toStatus: string; reason: string | null; occurredAt: Date }[];
  accessLog: {
    at: Date;
    userName: string | null;
    organisationName: string | null;
    categories: string[];
    grounds: unknown[];
    action: string;
  }[];
};

export function renderExportHtml(d: ExportData, lang: "de" | "en"): string {
  const l = t[lang];
  const identityRows = Object.entries(l.field)
    .map(([key, label]) => `<tr><th scope="row">${esc(label)}</th><td>${esc(show(d.person[key]))}</td></tr>`)
    .join("");
  const records = d.records.length
    ? `<table><thead><tr><th scope="col">${lang === "de" ? "Art" : "Kind"}</th><th scope="col">${l.categories}</th><th scope="col">${lang === "de" ? "Angaben" : "Data"}</th><th scope="col">${l.valid}</th><th scope="col">${l.owner}</th></tr></thead><tbody>${d.records
        .map(
          (r) =>
            `<tr><td>${esc(recordKinds[r.kind as RecordKind]?.label[lang] ?? r.kind)}</td><td>${esc(r.category)}</td><td>${esc(show(r.data))}</td><td>${esc([r.validFrom, r.validUntil].filter(Boolean).join(" – ") || "–")}</td><td>${esc(r.ownerOrganisation)}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : `<p>${l.none}</p>`;
  const documents = d.documents.length
    ? `<ul>${d.documents.map((x) => `<li>${esc(x.title)} (${esc(x.category)}, ${esc(x.mediaType)}, ${esc(show(x.createdAt))}, ${l.owner} ${esc(x.ownerOrganisation)})</li>`).join("")}</ul>`
    : `<p>${l.none}</p>`;
  const consents = d.consents.length
    ? `<table><thead><tr><th scope="col">${l.recipients}</th><th scope="col">${l.categories}</th><th scope="col">${l.purpose}</th><th scope="col">${l.valid}</th><th scope="col">${l.status}</th></tr></thead><tbody>${d.consents
        .map(
          (c) =>
            `<tr><td>${esc([...c.recipientOrganisations, ...(c.allPartners ? [lang === "de" ? "alle Partnerorganisationen" : "all partner organisations"] : []), ...(c.caseManagement ? [lang === "de" ? "fallführende Stelle" : "lead organisation"] : [])].join(", "))}</td><td>${esc(c.categories.join(", "))}</td><td>${esc(c.purpose)}</td><td>${esc(`${c.validFrom} – ${c.validUntil ?? "…"}`)}</td><td>${esc(c.status)}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : `<p>${l.none}</p>`;
  const events = d.caseEvents.length
    ? `<ul>${d.caseEvents.map((e) => `<li>${esc(show(e.occurredAt))}: ${esc(e.action)} → ${esc(e.toStatus)}${e.reason ? ` (${esc(e.reason)})` : ""}</li>`).join("")}</ul>`
    : `<p>${l.none}</p>`;
  const groundText = (g: unknown) => {
    const x = g as { type?: string; consentId?: string; referralId?: string; legalBasisId?: string };
    const ref = x.consentId ?? x.referralId ?? x.legalBasisId;
    return `${l.grounds[x.type ?? ""] ?? x.type}${ref ? ` ${ref.slice(0, 8)}` : ""}`;
  };
  const log = d.accessLog.length
    ? `<table><thead><tr><th scope="col">${l.at}</th><th scope="col">${l.who}</th><th scope="col">${l.organisation}</th><th scope="col">${l.categories}</th><th scope="col">${l.ground}</th></tr></thead><tbody>${d.accessLog
        .map(
          (e) =>
            `<tr><td>${esc(show(e.at))}</td><td>${esc(e.userName)}</td><td>${esc(e.organisationName)}</td><td>${esc(e.categories.join(", "))}</td><td>${esc(e.grounds.map(groundText).join(", ") || "–")}</td></tr>`,
        )
        .join("")}</tbody></table>`
    : `<p>${l.none}</p>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(l.title)}</title>
<style>
body{font:11pt/1.45 system-ui,sans-serif;color:#111;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:start;vertical-align:top}
thead th{background:#eee}@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head><body><main>
<h1>${esc(l.title)}</h1><p>${esc(l.generated)} ${esc(d.generatedAt.slice(0, 16).replace("T", " "))} UTC</p>
<h2>${esc(l.identity)}</h2><table><tbody>${identityRows}</tbody></table>
<h2>${esc(l.household)}</h2><p>${d.household ? `${esc(d.household.name)} (${esc(d.household.relation)})` : l.none}</p>
<h2>${esc(l.records)}</h2>${records}
<h2>${esc(l.documents)}</h2>${documents}
<h2>${esc(l.consents)}</h2>${consents}
<h2>${esc(l.caseEvents)}</h2>${events}
<h2>${esc(l.accessLog)}</h2>${log}
</main></body></html>`;
}
