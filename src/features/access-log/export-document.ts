// The Art. 15 document as the person reads it: every code turned into words of the chosen language,
// dates as written in Germany, accesses combined per organisation, day and kind, and the information
// Art. 15 (1) GDPR requires. The JSON export carries these labels beside the raw data; the printable
// document (export-html.ts) shows only them.
import type { OrganisationType } from "../../platform/domain.js";
import { categories as categoryOrder } from "../../platform/domain-categories.js";
import { countryName, languageName } from "../../platform/reference/reference-data.js";
import type { FederalState } from "../../platform/reference/working-days.js";
import type { PersonAddress, PersonContact, PersonLanguage } from "../persons/persons.tables.js";
import type { caseConferences, planGoals, planMeasures } from "../plans/plans.tables.js";
import { kindDefinition } from "../records/record-kinds.js";
import type { referrals } from "../referrals/referrals.tables.js";
import type { ContactDetails } from "../settings/settings.queries.js";
import { type ExportLanguage, exportTexts } from "./export-texts.js";
import { federalStateNames, type SupervisoryAuthority, supervisoryAuthorities } from "./supervisory-authorities.js";

export type ExportInput = {
  generatedAt: Date;
  tenant: { name: string; federalState: FederalState };
  controller: ContactDetails;
  dataProtectionOfficer: ContactDetails;
  person: {
    givenNames: string;
    familyName: string;
    alternativeNames: string[];
    birthDate: string | null;
    birthPlace: string | null;
    sex: string;
    nationalities: string[];
    languages: PersonLanguage[];
    contact: PersonContact;
    address: PersonAddress;
    arrivedInGermanyOn: string | null;
    arrivedInMunicipalityOn: string | null;
    caseStatus: string;
    leadOrganisationId: string | null;
    caseOpenedOn: string | null;
    caseClosedOn: string | null;
    closingReason: string | null;
    registeredByOrganisationId: string;
  };
  household: { name: string; relation: string } | null;
  records: {
    id: string;
    kind: string;
    category: string;
    data: Record<string, unknown>;
    validFrom: string | null;
    validUntil: string | null;
    ownerOrganisationId: string;
    createdAt: Date;
  }[];
  documents: {
    id: string;
    title: string;
    category: string;
    mediaType: string;
    ownerOrganisationId: string;
    createdAt: Date;
  }[];
  consents: {
    id: string;
    categories: string[];
    purpose: string;
    validFrom: string;
    validUntil: string | null;
    status: string;
    method: string;
    allPartners: boolean;
    caseManagement: boolean;
    recipientOrganisationIds: string[];
    recordedByOrganisationId: string;
  }[];
  caseEvents: { action: string; toStatus: string; reason: string | null; occurredAt: Date }[];
  referrals: (typeof referrals.$inferSelect)[];
  planGoals: (typeof planGoals.$inferSelect)[];
  planMeasures: (typeof planMeasures.$inferSelect)[];
  caseConferences: (typeof caseConferences.$inferSelect)[];
  accessLog: {
    at: Date;
    action: string;
    userName: string | null;
    organisationId: string | null;
    organisationName: string | null;
    categories: string[];
    grounds: unknown[];
  }[];
  organisations: Map<string, { name: string; type: OrganisationType }>;
  /** Labels of code-list codes, keyed `list:code`. */
  codeLabels: Map<string, { de: string; en: string }>;
};

/** A label and its value, both in words. */
export type Line = { label: string; value: string };
/** A contact as the document shows it; `configured` false when the tenant administrator left it empty. */
export type ContactBlock = { configured: boolean; name: string; address: string[]; email: string; phone: string };
export type AccessGroup = {
  date: string;
  organisation: string;
  action: string;
  categories: string[];
  count: number;
  users: string[];
  grounds: string[];
};

const dateFields = new Set(["issuedOn", "validUntil", "from", "to", "appliedOn", "startOn", "endOn", "since"]);

const berlin = {
  de: {
    day: new Intl.DateTimeFormat("de-DE", {
      timeZone: "Europe/Berlin",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    }),
    time: new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" }),
  },
  en: {
    day: new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    }),
    time: new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" }),
  },
};

/** A partly known date as written: "1985", "03/1985", "12.03.1985" (English: "12/03/1985"). */
export function partialDateText(value: string | null | undefined, lang: ExportLanguage): string | null {
  if (!value) return null;
  const [y, m, d] = value.split("-");
  if (!m) return y ?? value;
  if (!d) return `${m}/${y}`;
  return lang === "de" ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/** The calendar day of a moment in Germany. */
export const dayText = (at: Date, lang: ExportLanguage) => berlin[lang].day.format(at);
/** A moment as date and time in Germany ("12.03.2026, 14:05 Uhr"). */
export const dateTimeText = (at: Date, lang: ExportLanguage) =>
  `${dayText(at, lang)}, ${berlin[lang].time.format(at)}${lang === "de" ? " Uhr" : ""}`;

const mediaTypes: Record<string, string> = { "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG" };

export function buildExportDocument(input: ExportInput, lang: ExportLanguage) {
  const l = exportTexts[lang];
  const p = input.person;
  const orgName = (id: string | null | undefined) => (id ? (input.organisations.get(id)?.name ?? id) : null);
  const category = (c: string) => l.category[c as keyof typeof l.category] ?? c;
  const categoryList = (cs: string[]) => [...cs].sort((a, b) => order(a) - order(b)).map(category);
  const date = (v: string | null | undefined) => partialDateText(v, lang);
  const orDash = (v: string | null | undefined) => (v && v.trim() !== "" ? v : "–");

  const languages = p.languages.map((x) => ({
    code: x.code,
    name: languageName(x.code, lang),
    interpreterNeeded: x.interpreterNeeded,
  }));
  const address = [
    p.address.street,
    p.address.addition,
    [p.address.postalCode, p.address.city].filter(Boolean).join(" "),
  ].filter((x): x is string => Boolean(x?.trim()));
  const personLabels = {
    birthDate: date(p.birthDate),
    sex: l.sex[p.sex] ?? p.sex,
    nationalities: p.nationalities.map((c) => countryName(c, lang)),
    languages: languages.map((x) => (x.interpreterNeeded ? `${x.name} (${l.interpreter})` : x.name)),
    address,
    arrivedInGermanyOn: date(p.arrivedInGermanyOn),
    arrivedInMunicipalityOn: date(p.arrivedInMunicipalityOn),
    caseStatus: l.caseStatus[p.caseStatus] ?? p.caseStatus,
    leadOrganisation: orgName(p.leadOrganisationId),
    caseOpenedOn: date(p.caseOpenedOn),
    caseClosedOn: date(p.caseClosedOn),
    registeredBy: orgName(p.registeredByOrganisationId),
  };
  const f = l.field;
  const identity: Line[] = [
    { label: f.givenNames ?? "", value: orDash(p.givenNames) },
    { label: f.familyName ?? "", value: orDash(p.familyName) },
    ...(p.alternativeNames.length ? [{ label: f.alternativeNames ?? "", value: p.alternativeNames.join(", ") }] : []),
    { label: f.birthDate ?? "", value: personLabels.birthDate ?? l.unknown },
    { label: f.birthPlace ?? "", value: p.birthPlace ?? l.unknown },
    { label: f.sex ?? "", value: personLabels.sex },
    { label: f.nationalities ?? "", value: personLabels.nationalities.join(", ") || l.unknown },
    { label: f.languages ?? "", value: personLabels.languages.join(", ") || l.unknown },
    { label: f.address ?? "", value: address.join("\n") || l.unknown },
    { label: f.phone ?? "", value: p.contact.phone || l.unknown },
    { label: f.email ?? "", value: p.contact.email || l.unknown },
    { label: f.arrivedInGermanyOn ?? "", value: personLabels.arrivedInGermanyOn ?? l.unknown },
    { label: f.arrivedInMunicipalityOn ?? "", value: personLabels.arrivedInMunicipalityOn ?? l.unknown },
    { label: f.registeredBy ?? "", value: personLabels.registeredBy ?? "–" },
    { label: f.caseStatus ?? "", value: personLabels.caseStatus },
    ...(personLabels.leadOrganisation
      ? [{ label: f.leadOrganisation ?? "", value: personLabels.leadOrganisation }]
      : []),
    ...(personLabels.caseOpenedOn ? [{ label: f.caseOpenedOn ?? "", value: personLabels.caseOpenedOn }] : []),
    ...(personLabels.caseClosedOn ? [{ label: f.caseClosedOn ?? "", value: personLabels.caseClosedOn }] : []),
    ...(p.closingReason ? [{ label: f.closingReason ?? "", value: p.closingReason }] : []),
  ];

  const recordValue = (kind: string, field: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") return "–";
    const list = kindDefinition(kind)?.codeLists?.[field];
    if (list) return input.codeLabels.get(`${list}:${String(v)}`)?.[lang] ?? String(v);
    const fixed = l.value[kind]?.[field]?.[String(v)];
    if (fixed) return fixed;
    if (typeof v === "boolean") return v ? l.yes : l.no;
    if (field === "providerOrganisationId") return orgName(String(v)) ?? "–";
    if (field === "country") return countryName(String(v), lang);
    if (dateFields.has(field)) return date(String(v)) ?? String(v);
    return String(v);
  };
  const records = input.records.map((r) => {
    const def = kindDefinition(r.kind);
    const known = def ? Object.keys(def.schema.shape) : [];
    const keys = [...known, ...Object.keys(r.data).filter((k) => !known.includes(k))];
    const fields = keys
      .filter((k) => r.data[k] !== undefined && r.data[k] !== null && r.data[k] !== "")
      .map((k) => ({ field: k, label: l.recordField[k] ?? k, value: recordValue(r.kind, k, r.data[k]) }));
    const validity = [date(r.validFrom), date(r.validUntil)];
    return {
      id: r.id,
      category: r.category,
      labels: {
        kind: def?.label[lang] ?? r.kind,
        category: category(r.category),
        fields,
        validity: validity.some(Boolean) ? `${validity[0] ?? "…"} – ${validity[1] ?? "…"}` : null,
        recordedBy: orgName(r.ownerOrganisationId),
        recordedOn: dayText(r.createdAt, lang),
      },
    };
  });
  const recordsByCategory = categoryOrder
    .map((c) => ({ category: category(c), records: records.filter((r) => r.category === c) }))
    .filter((g) => g.records.length > 0);

  const documents = input.documents.map((d) => ({
    id: d.id,
    labels: {
      title: d.title,
      category: category(d.category),
      type: mediaTypes[d.mediaType] ?? d.mediaType,
      recordedBy: orgName(d.ownerOrganisationId),
      recordedOn: dayText(d.createdAt, lang),
    },
  }));

  const consents = input.consents.map((c) => ({
    id: c.id,
    labels: {
      recipients: [
        ...c.recipientOrganisationIds.map((o) => orgName(o) ?? o),
        ...(c.allPartners ? [l.allPartners] : []),
        ...(c.caseManagement ? [l.caseManagement] : []),
      ],
      categories: categoryList(c.categories),
      purpose: c.purpose,
      validity: `${date(c.validFrom)} – ${date(c.validUntil) ?? "…"}`,
      status: l.consentStatus[c.status] ?? c.status,
      method: l.consentMethod[c.method] ?? c.method,
      recordedBy: orgName(c.recordedByOrganisationId),
    },
  }));

  const caseEvents = input.caseEvents.map((e) => ({
    at: dateTimeText(e.occurredAt, lang),
    action: l.caseAction[e.action] ?? e.action,
    status: l.caseStatus[e.toStatus] ?? e.toStatus,
    reason: e.reason,
  }));

  const r = l.referral;
  const referralRows = input.referrals.map((x) => ({
    id: x.id,
    labels: {
      service: input.codeLabels.get(`service:${x.service}`)?.[lang] ?? x.service,
      from: orgName(x.fromOrganisationId) ?? "–",
      to: orgName(x.toOrganisationId) ?? "–",
      status: r.status[x.status] ?? x.status,
      sharedCategories: categoryList(x.sharedCategories),
      sentOn: dayText(x.sentAt, lang),
      respondedOn: x.respondedAt ? dayText(x.respondedAt, lang) : null,
      firstAppointment: x.firstAppointmentAt ? dateTimeText(x.firstAppointmentAt, lang) : date(x.firstAppointmentOn),
      outcome: x.outcome ? (r.outcomes[x.outcome] ?? x.outcome) : null,
      declineReason: x.declineReason ? (r.declineReasons[x.declineReason] ?? x.declineReason) : null,
      // The free text of every step, as the parties wrote it.
      notes: [x.message, x.responseNote, x.outcomeNote, x.withdrawReason].filter((n): n is string =>
        Boolean(n?.trim()),
      ),
    },
  }));

  const pl = l.plan;
  const goalTitles = new Map(input.planGoals.map((g) => [g.id, g.title]));
  const planGoalRows = input.planGoals.map((g) => ({
    id: g.id,
    labels: {
      title: g.title,
      domain: category(g.domain),
      targetDate: date(g.targetDate),
      status: pl.goalStatus[g.status] ?? g.status,
      recordedBy: orgName(g.ownerOrganisationId),
      recordedOn: dayText(g.createdAt, lang),
    },
  }));
  const planMeasureRows = input.planMeasures.map((m) => ({
    id: m.id,
    labels: {
      title: m.title,
      goal: goalTitles.get(m.goalId) ?? "–",
      responsible: orgName(m.responsibleOrganisationId) ?? "–",
      dueDate: date(m.dueDate),
      status: pl.measureStatus[m.status] ?? m.status,
      recordedBy: orgName(m.ownerOrganisationId),
    },
  }));
  const caseConferenceRows = input.caseConferences.map((c) => ({
    id: c.id,
    labels: {
      heldOn: date(c.heldOn) ?? c.heldOn,
      participants: c.participants.map((x) => {
        const org = orgName(x.organisationId);
        return [x.name, x.role, org].filter(Boolean).join(", ");
      }),
      notes: c.notes,
      decisions: c.decisions.map((d) => d.text),
      recordedBy: orgName(c.ownerOrganisationId),
    },
  }));

  const groundText = (g: unknown) => {
    const type = (g as { type?: string } | null)?.type ?? "";
    return l.grounds[type] ?? type;
  };
  // The log comes newest first; a group keeps the place of its newest access.
  const groups = new Map<string, AccessGroup & { categoryCodes: Set<string> }>();
  for (const e of input.accessLog) {
    const day = dayText(e.at, lang);
    const key = JSON.stringify([day, e.organisationId, e.organisationName, e.action]);
    let g = groups.get(key);
    if (!g) {
      g = {
        date: day,
        organisation: e.organisationName ?? "–",
        action: l.action[e.action as keyof typeof l.action] ?? e.action,
        categories: [],
        categoryCodes: new Set(),
        count: 0,
        users: [],
        grounds: [],
      };
      groups.set(key, g);
    }
    g.count += 1;
    for (const c of e.categories) g.categoryCodes.add(c);
    if (e.userName && !g.users.includes(e.userName)) g.users.push(e.userName);
    for (const t of e.grounds.map(groundText)) if (t && !g.grounds.includes(t)) g.grounds.push(t);
  }
  const access: AccessGroup[] = [...groups.values()].map(({ categoryCodes, ...g }) => ({
    ...g,
    categories: categoryList([...categoryCodes]),
  }));

  // Recipients (Art. 15 (1) c): who saw data, and who may see them under a valid consent.
  const recipientIds = new Set<string>();
  for (const e of input.accessLog) if (e.organisationId) recipientIds.add(e.organisationId);
  for (const c of input.consents)
    if (c.status === "active" || c.status === "pending")
      for (const o of c.recipientOrganisationIds) recipientIds.add(o);
  const recipientOrganisations = [...recipientIds]
    .flatMap((id) => {
      const o = input.organisations.get(id);
      return o ? [{ name: o.name, type: l.orgType[o.type] ?? o.type }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  const recipientCategories = [...new Set(recipientOrganisations.map((o) => o.type))].sort((a, b) =>
    a.localeCompare(b, lang),
  );

  // Sources (Art. 15 (1) g): the organisations that recorded what the person told them.
  const sources = new Map<string, string[]>();
  const addSource = (id: string, what: string) => {
    const name = orgName(id) ?? id;
    sources.set(name, [...(sources.get(name) ?? []), what]);
  };
  addSource(p.registeredByOrganisationId, l.sourceIdentity);
  const countBy = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());
  for (const [id, n] of countBy(input.records.map((r) => r.ownerOrganisationId))) addSource(id, l.sourceRecords(n));
  for (const [id, n] of countBy(input.documents.map((d) => d.ownerOrganisationId))) addSource(id, l.sourceDocuments(n));
  for (const [id, n] of countBy(input.consents.map((c) => c.recordedByOrganisationId)))
    addSource(id, l.sourceConsents(n));
  for (const [id, n] of countBy(input.referrals.map((x) => x.fromOrganisationId))) addSource(id, l.sourceReferrals(n));
  const planOwners = [...input.planGoals, ...input.planMeasures, ...input.caseConferences].map(
    (x) => x.ownerOrganisationId,
  );
  for (const [id, n] of countBy(planOwners)) addSource(id, l.sourcePlan(n));

  const contact = (c: ContactDetails, fallbackName: string): ContactBlock => {
    const address = c.address
      .split(/\r?\n/)
      .map((x) => x.trim())
      .filter(Boolean);
    const name = c.name.trim() || fallbackName;
    return {
      configured: Boolean(name) && (address.length > 0 || Boolean(c.email) || Boolean(c.phone)),
      name,
      address,
      email: c.email,
      phone: c.phone,
    };
  };
  const state = input.tenant.federalState;
  const authority: SupervisoryAuthority & { state: string } = {
    ...supervisoryAuthorities[state],
    state: federalStateNames[state],
  };

  const art15 = {
    draft: l.draft,
    controller: contact(input.controller, input.tenant.name),
    dataProtectionOfficer: contact(input.dataProtectionOfficer, ""),
    purposes: l.purposesGeneral,
    consentedPurposes: [...new Set(input.consents.map((c) => c.purpose))],
    recipients: { organisations: recipientOrganisations, categories: recipientCategories },
    storagePeriod: l.storage,
    rights: l.rights,
    complaint: l.complaint,
    supervisoryAuthority: authority,
    sources: [...sources.entries()].map(([organisation, what]) => ({ organisation, data: what })),
    automatedDecisionMaking: l.automated,
  };

  return {
    lang,
    texts: l,
    generatedAt: dateTimeText(input.generatedAt, lang),
    subject: { name: `${p.givenNames} ${p.familyName}`.trim(), birthDate: personLabels.birthDate },
    personLabels,
    languages,
    identity,
    household: input.household
      ? { name: input.household.name, relation: l.relation[input.household.relation] ?? input.household.relation }
      : null,
    records,
    recordsByCategory,
    documents,
    consents,
    caseEvents,
    referrals: referralRows,
    planGoals: planGoalRows,
    planMeasures: planMeasureRows,
    caseConferences: caseConferenceRows,
    access,
    art15,
    authorities: (Object.keys(supervisoryAuthorities) as FederalState[])
      .map((s) => ({ state: federalStateNames[s], ...supervisoryAuthorities[s], competent: s === state }))
      .sort((a, b) => a.state.localeCompare(b.state, "de")),
  };
}

const order = (c: string) => {
  const i = (categoryOrder as readonly string[]).indexOf(c);
  return i < 0 ? categoryOrder.length : i;
};

export type ExportDocument = ReturnType<typeof buildExportDocument>;
