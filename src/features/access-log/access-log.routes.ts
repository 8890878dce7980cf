// The access report of a person (who saw what, when, on which ground) and the Art. 15 GDPR export.
import { z } from "zod";
import { audit } from "../../platform/audit/audit.js";
import { categories } from "../../platform/domain-categories.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { assertMayReport, dpoAccessReport, dpoPersonExport, dpoPersonLookup } from "./access-log.queries.js";
import { exportDocumentOf, exportJsonOf } from "./export-data.js";
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
      const actor = actorOf(req);
      await assertMayReport(db(), actor, req.params.id);
      const { person, items } = await dpoAccessReport(db(), actor, req.params.id);
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
      const rows = await dpoPersonLookup(db(), actorOf(req), req.query.q);
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
      const id = req.params.id;
      await assertMayReport(db(), actor, id);
      // Every section comes from the register of person data: a table it describes is exported.
      const loaded = await dpoPersonExport(db(), actor, id);
      const document = exportDocumentOf(loaded, req.query.lang);
      const data = exportJsonOf(loaded, document, req.query.lang);
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
