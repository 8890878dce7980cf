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
import { presentConsent } from "../consents/consents.routes.js";
import { consents } from "../consents/consents.tables.js";
import { documents } from "../documents/documents.tables.js";
import { householdOf } from "../persons/persons.queries.js";
import { caseEvents, persons } from "../persons/persons.tables.js";
import { recordKinds } from "../records/record-kinds.js";
import { records } from "../records/records.tables.js";
import { searchPersons } from "../search/search.queries.js";
import { getTenantSettings } from "../settings/settings.queries.js";
import { accessLog } from "./access-log.queries.js";
import { buildExportDocument } from "./export-document.js";
import { renderExportHtml } from "./export-html.js";

const tags = ["data protection"];

/** The code lists record fields take their codes from (their labels go into the export). */
const recordCodeLists = [
  ...new Set(Object.values(recordKinds).flatMap((k) => Object.values("codeLists" in k ? k.codeLists : {}))),
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
      const [person] = await db()
        .select()
        .from(persons)
        .where(and(eq(persons.tenantId, t), eq(persons.id, id)));
      if (!person) throw new AppError("not-found", "Person not found");
      const [recordRows, documentRows, consentRows, eventRows, household, log, orgRows, codeRows, settings, tenant] =
        await Promise.all([
          db()
            .select()
            .from(records)
            .where(and(eq(records.tenantId, t), eq(records.personId, id)))
            .orderBy(asc(records.category), asc(records.createdAt)),
          db()
            .select()
            .from(documents)
            .where(and(eq(documents.tenantId, t), eq(documents.personId, id)))
            .orderBy(asc(documents.createdAt)),
          db()
            .select()
            .from(consents)
            .where(and(eq(consents.tenantId, t), eq(consents.personId, id)))
            .orderBy(asc(consents.createdAt)),
          db()
            .select()
            .from(caseEvents)
            .where(and(eq(caseEvents.tenantId, t), eq(caseEvents.personId, id)))
            .orderBy(asc(caseEvents.occurredAt)),
          householdOf(db(), t, id),
          accessLog(db(), t, id, 100_000),
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
            .where(inArray(codeListEntries.list, recordCodeLists))
            .orderBy(asc(codeListEntries.version)),
          getTenantSettings(db(), t),
          db().select({ name: tenants.name }).from(tenants).where(eq(tenants.id, t)),
        ]);
      const organisationNames = Object.fromEntries(orgRows.map((o) => [o.id, o.name]));
      const { tenantId: _t, ...personData } = person;
      const presentedConsents = consentRows.map(presentConsent);
      const lang = req.query.lang;
      const document = buildExportDocument(
        {
          generatedAt: new Date(),
          tenant: { name: tenant[0]?.name ?? "", federalState: settings.federalState },
          controller: settings.controller,
          dataProtectionOfficer: settings.dataProtectionOfficer,
          person,
          household,
          records: recordRows,
          documents: documentRows,
          consents: presentedConsents,
          caseEvents: eventRows,
          accessLog: log,
          organisations: new Map(orgRows.map((o) => [o.id, { name: o.name, type: o.type }])),
          codeLabels: new Map(codeRows.map((c) => [`${c.list}:${c.code}`, { de: c.de, en: c.en }])),
        },
        lang,
      );
      const recordLabels = new Map(document.records.map((r) => [r.id, r.labels]));
      const documentLabels = new Map(document.documents.map((x) => [x.id, x.labels]));
      const consentLabels = new Map(document.consents.map((c) => [c.id, c.labels]));
      // The machine-readable copy: the raw data complete, with the document's words beside the codes.
      const data = {
        generatedAt: new Date().toISOString(),
        legalBasis: "Art. 15 GDPR",
        language: lang,
        art15: document.art15,
        person: { ...personData, labels: document.personLabels },
        household: household && { ...household, labels: document.household },
        records: recordRows.map(({ tenantId: _x, ...r }) => ({
          ...r,
          ownerOrganisation: organisationNames[r.ownerOrganisationId] ?? null,
          labels: recordLabels.get(r.id),
        })),
        documents: documentRows.map(({ tenantId: _x, storageKey: _k, ...d }) => ({
          ...d,
          ownerOrganisation: organisationNames[d.ownerOrganisationId] ?? null,
          labels: documentLabels.get(d.id),
        })),
        consents: presentedConsents.map((c) => ({
          ...c,
          recipientOrganisations: c.recipientOrganisationIds.map((o) => organisationNames[o] ?? o),
          labels: consentLabels.get(c.id),
        })),
        caseEvents: eventRows.map(({ tenantId: _x, ...e }, i) => ({ ...e, labels: document.caseEvents[i] })),
        accessLog: log,
        /** The access log as the printable document shows it: per organisation, day and kind of access. */
        accessSummary: document.access,
      };
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
