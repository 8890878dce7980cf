// The access report of a person (who saw what, when, on which ground) and the Art. 15 GDPR export.
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { personAccessOrThrow } from "../../platform/access/person-access.js";
import { audit } from "../../platform/audit/audit.js";
import { categories } from "../../platform/domain-categories.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { organisations } from "../../platform/identity/identity.tables.js";
import { presentConsent } from "../consents/consents.routes.js";
import { consents } from "../consents/consents.tables.js";
import { documents } from "../documents/documents.tables.js";
import { householdOf } from "../persons/persons.queries.js";
import { caseEvents, persons } from "../persons/persons.tables.js";
import { records } from "../records/records.tables.js";
import { searchPersons } from "../search/search.queries.js";
import { accessLog } from "./access-log.queries.js";
import { renderExportHtml } from "./export-html.js";

const tags = ["data protection"];

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
        summary: "Who saw this person's data: user, organisation, categories, time and ground",
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
        summary: "Find a person for an access request (name and birth date only)",
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
          "Art. 15 GDPR: everything held about the person, its consents and the access log (JSON, or a printable HTML document)",
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
      const [recordRows, documentRows, consentRows, eventRows, household, log, orgRows] = await Promise.all([
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
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(eq(organisations.tenantId, t)),
      ]);
      const organisationNames = Object.fromEntries(orgRows.map((o) => [o.id, o.name]));
      const { tenantId: _t, ...personData } = person;
      const data = {
        generatedAt: new Date().toISOString(),
        legalBasis: "Art. 15 GDPR",
        person: personData,
        household,
        records: recordRows.map(({ tenantId: _x, ...r }) => ({
          ...r,
          ownerOrganisation: organisationNames[r.ownerOrganisationId] ?? null,
        })),
        documents: documentRows.map(({ tenantId: _x, storageKey: _k, ...d }) => ({
          ...d,
          ownerOrganisation: organisationNames[d.ownerOrganisationId] ?? null,
        })),
        consents: consentRows.map((c) => ({
          ...presentConsent(c),
          recipientOrganisations: c.recipientOrganisationIds.map((o) => organisationNames[o] ?? o),
        })),
        caseEvents: eventRows.map(({ tenantId: _x, ...e }) => e),
        accessLog: log,
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
          .send(renderExportHtml(data, req.query.lang));
      }
      return reply
        .type("application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="art15-${id}.json"`)
        .header("cache-control", "private, no-store")
        .send(JSON.stringify(data, null, 2));
    },
  );
}
