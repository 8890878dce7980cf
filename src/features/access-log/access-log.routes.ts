// The access report of a person (who saw what, when, on which ground) and the Art. 15 GDPR export.
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { personAccessOrThrow } from "../../platform/access/person-access.js";
import { audit } from "../../platform/audit/audit.js";
import { categories } from "../../platform/domain-categories.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { organisations, tenants } from "../../platform/identity/identity.tables.js";
import { codeListEntries } from "../code-lists/code-lists.tables.js";
import { type ExportSection, loadPersonData } from "../person-data/register.js";
import { persons } from "../persons/persons.tables.js";
import { recordKinds } from "../records/record-kinds.js";
import { searchPersons } from "../search/search.queries.js";
import { getTenantSettings } from "../settings/settings.queries.js";
import { accessLog } from "./access-log.queries.js";
import { buildExportDocument } from "./export-document.js";
import { renderExportHtml } from "./export-html.js";

const tags = ["data protection"];

/** The code lists the export's codes come from: record fields and referral services. */
const exportCodeLists = [
  ...new Set([
    ...Object.values(recordKinds).flatMap((k) => Object.values("codeLists" in k ? k.codeLists : {})),
    "service",
  ]),
];

const entrySchema = z
  .object({
    id: z.number(),
    at: z.date(),
    action: z.string(),
    userId: z.uuid().nullable(),
    userName: z.string().nullable(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    categories: z.array(z.string()),
    grounds: z.array(z.unknown()),
    purpose: z.string().nullable(),
  })
  .meta({ id: "AccessLogEntry" });

export async function accessLogRoutes(app: App) {
  const db = () => app.deps.database.db;

  /** The dpo may look at any person of the tenant; a case manager only at persons its organisation leads. */
  async function assertMayReport(req: Parameters<typeof actorOf>[0], personId: string) {
    const actor = actorOf(req);
    if (actor.role === "dpo") {
      const [p] = await db()
        .select({ id: persons.id })
        .from(persons)
        .where(and(eq(persons.tenantId, actor.tenantId), eq(persons.id, personId)));
      if (!p) throw new AppError("not-found", "Person not found");
      return;
    }
    const access = await personAccessOrThrow(db(), actor, personId);
    if (!access.canManageConsents)
      throw new AppError(
        "forbidden",
        "Only the lead case management and the data-protection officer read the access report",
      );
  }

  app.get(
    "/persons/:id/access-log",
    {
      config: { policy: policy.roles("dpo", "case_manager") },
      schema: {
        tags,
        summary:
          "Who saw this person's data: user and organisation (named as they were then), categories, time and ground",
        params: uuidParam,
        response: {
          200: z.object({
            /** Whom the report is about, so that it can be titled and printed. */
            person: z.object({
              id: z.uuid(),
              givenNames: z.string(),
              familyName: z.string(),
              birthDate: z.string().nullable(),
            }),
            items: z.array(entrySchema),
            nextCursor: z.null(),
          }),
        },
      },
    },
    async (req) => {
      await assertMayReport(req, req.params.id);
      const tenantId = actorOf(req).tenantId;
      const [items, [person]] = await Promise.all([
        accessLog(db(), tenantId, req.params.id),
        db()
          .select({
            id: persons.id,
            givenNames: persons.givenNames,
            familyName: persons.familyName,
            birthDate: persons.birthDate,
          })
          .from(persons)
          .where(and(eq(persons.tenantId, tenantId), eq(persons.id, req.params.id))),
      ]);
      if (!person) throw new AppError("not-found", "Person not found");
      await audit(db(), auditContext(req), {
        action: "access_log.read",
        subjectType: "person",
        subjectId: req.params.id,
        personId: req.params.id,
      });
      return { person, items, nextCursor: null };
    },
  );

  app.get(
    "/dpo/persons",
    {
      config: { policy: policy.roles("dpo") },
      schema: {
        tags,
        summary:
          "Find a person for an access request: the spelling-tolerant person search over the whole tenant (name and birth date only)",
        querystring: z.strictObject({ q: z.string().trim().min(2).max(200) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                givenNames: z.string(),
                familyName: z.string(),
                birthDate: z.string().nullable(),
              }),
            ),
            nextCursor: z.null(),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      // The case managers' spelling-tolerant search over every person of the tenant (merged files
      // included: their reads are logged under their own id); only who the person is leaves here.
      const hits = await searchPersons(
        db(),
        actor,
        { q: req.query.q, limit: 25 },
        {
          visible: eq(persons.tenantId, actor.tenantId),
        },
      );
      const rows = hits.map((h) => ({
        id: h.id,
        givenNames: h.givenNames,
        familyName: h.familyName,
        birthDate: h.birthDate,
      }));
      await audit(
        db(),
        auditContext(req),
        ...rows.map((r) => ({
          action: "person.listed" as const,
          subjectType: "person",
          subjectId: r.id,
          personId: r.id,
          categories: ["identity"],
          purpose: "art15-lookup",
        })),
      );
      return { items: rows, nextCursor: null };
    },
  );

  app.get(
    "/persons/:id/export",
    {
      config: { policy: policy.roles("dpo") },
      schema: {
        tags,
        summary:
          "Art. 15 GDPR: everything held about the person, its consents, who saw it and the Art. 15 (1) information (JSON with labels beside the codes, or a printable HTML document; German or English)",
        params: uuidParam,
        querystring: z.strictObject({
          format: z.enum(["json", "html"]).default("json"),
          lang: z.enum(["de", "en"]).default("de"),
        }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await assertMayReport(req, req.params.id);
      const t = actor.tenantId;
      const id = req.params.id;
      // Every section comes from the register of person data: a table it describes is exported.
      const [rows, orgRows, codeRows, settings, tenant] = await Promise.all([
        loadPersonData(db(), t, id),
        db()
          .select({ id: organisations.id, name: organisations.name, type: organisations.type })
          .from(organisations)
          .where(eq(organisations.tenantId, t)),
        // Every version: a record keeps the code it was given under the law of its day.
        db()
          .select({
            list: codeListEntries.list,
            code: codeListEntries.code,
            de: codeListEntries.labelDe,
            en: codeListEntries.labelEn,
          })
          .from(codeListEntries)
          .where(inArray(codeListEntries.list, exportCodeLists))
          .orderBy(asc(codeListEntries.version)),
        getTenantSettings(db(), t),
        db().select({ name: tenants.name }).from(tenants).where(eq(tenants.id, t)),
      ]);
      const [person] = rows.person;
      if (!person) throw new AppError("not-found", "Person not found");
      const household = rows.household[0] ?? null;
      const organisationNames = Object.fromEntries(orgRows.map((o) => [o.id, o.name]));
      const { tenantId: _t, ...personData } = person;
      const lang = req.query.lang;
      const document = buildExportDocument(
        {
          generatedAt: new Date(),
          tenant: { name: tenant[0]?.name ?? "", federalState: settings.federalState },
          controller: settings.controller,
          dataProtectionOfficer: settings.dataProtectionOfficer,
          person,
          household,
          records: rows.records,
          documents: rows.documents,
          consents: rows.consents,
          caseEvents: rows.caseEvents,
          referrals: rows.referrals,
          planGoals: rows.planGoals,
          planMeasures: rows.planMeasures,
          caseConferences: rows.caseConferences,
          accessLog: rows.accessLog,
          organisations: new Map(orgRows.map((o) => [o.id, { name: o.name, type: o.type }])),
          codeLabels: new Map(codeRows.map((c) => [`${c.list}:${c.code}`, { de: c.de, en: c.en }])),
        },
        lang,
      );
      const labelsOf = <T extends { id: string; labels: unknown }>(items: T[]) =>
        new Map(items.map((x) => [x.id, x.labels as T["labels"]]));
      const recordLabels = labelsOf(document.records);
      const documentLabels = labelsOf(document.documents);
      const consentLabels = labelsOf(document.consents);
      const referralLabels = labelsOf(document.referrals);
      const goalLabels = labelsOf(document.planGoals);
      const measureLabels = labelsOf(document.planMeasures);
      const conferenceLabels = labelsOf(document.caseConferences);
      const orgOf = (o: string | null) => (o ? (organisationNames[o] ?? null) : null);
      // The machine-readable copy: the raw data complete, with the document's words beside the codes.
      const data = {
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
      await audit(db(), auditContext(req), {
        action: "person.exported",
        subjectType: "person",
        subjectId: id,
        personId: id,
        categories: [...categories],
        purpose: "art15",
        details: { format: req.query.format },
      });
      if (req.query.format === "html") {
        return reply
          .type("text/html; charset=utf-8")
          .header("cache-control", "private, no-store")
          .send(renderExportHtml(document));
      }
      return reply
        .type("application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="art15-${id}.json"`)
        .header("cache-control", "private, no-store")
        .send(JSON.stringify(data, null, 2));
    },
  );
}
