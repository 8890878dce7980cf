// Presenting the Art. 15 export: the document as the person reads it (export-document.ts), and the
// machine-readable copy — the raw data complete, with the document's words beside the codes.
import type { ExportSection } from "../person-data/register.js";
import type { PersonExport } from "./access-log.queries.js";
import { buildExportDocument, type ExportDocument } from "./export-document.js";
import type { ExportLanguage } from "./export-texts.js";

export function exportDocumentOf(x: PersonExport, lang: ExportLanguage): ExportDocument {
  const { rows } = x;
  return buildExportDocument(
    {
      generatedAt: new Date(),
      tenant: { name: x.tenantName, federalState: x.settings.federalState },
      controller: x.settings.controller,
      dataProtectionOfficer: x.settings.dataProtectionOfficer,
      person: x.person,
      household: rows.household[0] ?? null,
      records: rows.records,
      documents: rows.documents,
      consents: rows.consents,
      caseEvents: rows.caseEvents,
      referrals: rows.referrals,
      planGoals: rows.planGoals,
      planMeasures: rows.planMeasures,
      caseConferences: rows.caseConferences,
      accessLog: rows.accessLog,
      organisations: new Map(x.organisationRows.map((o) => [o.id, { name: o.name, type: o.type }])),
      codeLabels: new Map(x.codeRows.map((c) => [`${c.list}:${c.code}`, { de: c.de, en: c.en }])),
    },
    lang,
  );
}

export function exportJsonOf(x: PersonExport, document: ExportDocument, lang: ExportLanguage) {
  const { rows } = x;
  const household = rows.household[0] ?? null;
  const organisationNames = Object.fromEntries(x.organisationRows.map((o) => [o.id, o.name]));
  const { tenantId: _t, ...personData } = x.person;
  const labelsOf = <T extends { id: string; labels: unknown }>(items: T[]) =>
    new Map(items.map((i) => [i.id, i.labels as T["labels"]]));
  const recordLabels = labelsOf(document.records);
  const documentLabels = labelsOf(document.documents);
  const consentLabels = labelsOf(document.consents);
  const referralLabels = labelsOf(document.referrals);
  const goalLabels = labelsOf(document.planGoals);
  const measureLabels = labelsOf(document.planMeasures);
  const conferenceLabels = labelsOf(document.caseConferences);
  const orgOf = (o: string | null) => (o ? (organisationNames[o] ?? null) : null);
  return {
    generatedAt: new Date().toISOString(),
    legalBasis: "Art. 15 GDPR",
    language: lang,
    art15: document.art15,
    person: { ...personData, labels: document.personLabels },
    household: household && { ...household, labels: document.household },
    records: rows.records.map(({ tenantId: _x, ...r }) => ({
      ...r,
      ownerOrganisation: orgOf(r.ownerOrganisationId),
      labels: recordLabels.get(r.id),
    })),
    // Metadata only: never the bytes, nor where the storage keeps them.
    documents: rows.documents.map(({ tenantId: _x, storageKey: _k, ...d }) => ({
      ...d,
      ownerOrganisation: orgOf(d.ownerOrganisationId),
      labels: documentLabels.get(d.id),
    })),
    consents: rows.consents.map((c) => ({
      ...c,
      recipientOrganisations: c.recipientOrganisationIds.map((o) => organisationNames[o] ?? o),
      labels: consentLabels.get(c.id),
    })),
    caseEvents: rows.caseEvents.map(({ tenantId: _x, ...e }, i) => ({ ...e, labels: document.caseEvents[i] })),
    referrals: rows.referrals.map(({ tenantId: _x, overdueNotifiedAt: _o, ...r }) => ({
      ...r,
      fromOrganisation: orgOf(r.fromOrganisationId),
      toOrganisation: orgOf(r.toOrganisationId),
      labels: referralLabels.get(r.id),
    })),
    planGoals: rows.planGoals.map(({ tenantId: _x, ...g }) => ({
      ...g,
      ownerOrganisation: orgOf(g.ownerOrganisationId),
      labels: goalLabels.get(g.id),
    })),
    planMeasures: rows.planMeasures.map(({ tenantId: _x, ...m }) => ({
      ...m,
      responsibleOrganisation: orgOf(m.responsibleOrganisationId),
      labels: measureLabels.get(m.id),
    })),
    caseConferences: rows.caseConferences.map(({ tenantId: _x, ...c }) => ({
      ...c,
      ownerOrganisation: orgOf(c.ownerOrganisationId),
      labels: conferenceLabels.get(c.id),
    })),
    accessLog: rows.accessLog,
    /** The access log as the printable document shows it: per organisation, day and kind of access. */
    accessSummary: document.access,
  } satisfies Record<ExportSection, unknown> & Record<string, unknown>;
}
