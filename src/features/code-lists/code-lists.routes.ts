// Code lists held as data, and the ISO reference lists (countries, languages) with German and English names.
import { z } from "zod";
import type { App } from "../../platform/http/context.js";
import { policy } from "../../platform/http/policy.js";
import { fullDate, today } from "../../platform/reference/partial-date.js";
import { countryList, languageList } from "../../platform/reference/reference-data.js";
import { codeListNames, codeListOn } from "./code-lists.queries.js";

const tags = ["reference data"];
const entrySchema = z
  .object({
    code: z.string(),
    version: z.number().int(),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    label: z.object({ de: z.string(), en: z.string() }),
    attributes: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "CodeListEntry" });

export async function codeListsRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.get(
    "/code-lists",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "The names of the code lists",
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    async () => codeListNames(db()),
  );

  app.get(
    "/code-lists/:list",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "Entries of a code list valid on a date (default today)",
        params: z.strictObject({ list: z.string().regex(/^[a-z_]{1,60}$/) }),
        querystring: z.strictObject({ on: fullDate.optional() }),
        response: { 200: z.object({ list: z.string(), on: z.string(), items: z.array(entrySchema) }) },
      },
    },
    async (req) => codeListOn(db(), req.params.list, req.query.on ?? today()),
  );

  const localeQuery = z.strictObject({ locale: z.enum(["de", "en"]).default("de") });
  const referenceList = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) });

  app.get(
    "/reference/countries",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "ISO 3166 countries (alpha-3) with names",
        querystring: localeQuery,
        response: { 200: referenceList },
      },
    },
    async (req) => ({ items: countryList(req.query.locale) }),
  );

  app.get(
    "/reference/languages",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "ISO 639 languages with names",
        querystring: localeQuery,
        response: { 200: referenceList },
      },
    },
    async (req) => ({ items: languageList(req.query.locale) }),
  );
}
