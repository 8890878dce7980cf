// The tenant's settings: federal state (working-day calendar) and default referral deadlines.
import { audit, changeSet } from "../../platform/audit/audit.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { policy } from "../../platform/http/policy.js";
import { today } from "../../platform/reference/partial-date.js";
import { getTenantSettings, holidaysWithNames, updateTenantSettings } from "./settings.queries.js";
import { holidaysQuery, holidaysSchema, settingsSchema, updateSettingsSchema } from "./settings.schemas.js";

const tags = ["settings"];

export async function settingsRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.get(
    "/settings",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "The tenant's federal state, default referral deadlines, controller and data-protection officer",
        response: { 200: settingsSchema },
      },
    },
    async (req) => getTenantSettings(db(), actorOf(req).tenantId),
  );

  app.patch(
    "/settings",
    {
      config: { policy: policy.roles("tenant_admin") },
      schema: {
        tags,
        summary: "Change the tenant's settings (tenant admin)",
        body: updateSettingsSchema,
        response: { 200: settingsSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return db().transaction(async (tx) => {
        const before = await getTenantSettings(tx, actor.tenantId);
        const after = await updateTenantSettings(tx, actor.tenantId, req.body);
        await audit(tx, auditContext(req), {
          action: "settings.updated",
          subjectType: "tenant",
          subjectId: actor.tenantId,
          // Against the stored result: a contact's fields merge into what was there.
          details: changeSet(before, after),
        });
        return after;
      });
    },
  );

  app.get(
    "/settings/holidays",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "The public holidays of the tenant's federal state in a year (default: this year)",
        querystring: holidaysQuery,
        response: { 200: holidaysSchema },
      },
    },
    async (req) => {
      const { federalState } = await getTenantSettings(db(), actorOf(req).tenantId);
      const year = req.query.year ?? Number(today().slice(0, 4));
      return { federalState, year, items: holidaysWithNames(federalState, year, req.query.locale) };
    },
  );
}
