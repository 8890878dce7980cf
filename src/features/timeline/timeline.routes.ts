// A person's timeline: records, notes, documents and case-state changes in time order, as far as
// the organisation may see them.
import { personAccessOrThrow, personDataRoles } from "../../platform/access/person-access.js";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { timelinePage } from "./timeline.queries.js";
import { timelineQuery, timelineSchema } from "./timeline.schemas.js";

export async function timelineRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.get(
    "/persons/:id/timeline",
    {
      config: { policy: policy.roles(...personDataRoles) },
      schema: {
        tags: ["persons"],
        summary: "The person's timeline, newest first",
        params: uuidParam,
        querystring: timelineQuery,
        response: { 200: timelineSchema },
      },
    },
    async (req) => readTimeline(db(), auditContext(req), actorOf(req), req.params.id, req.query),
  );
}

/** One page of the timeline, audited as a read of the categories shown (purpose "timeline"). */
async function readTimeline(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const access = await personAccessOrThrow(db, actor, personId);
  const { items, nextCursor, grounds } = await timelinePage(db, actor, access, query);
  await audit(db, ctx, {
    action: "person.read",
    subjectType: "person",
    subjectId: personId,
    personId,
    categories: [...new Set(items.map((i) => i.category))],
    grounds,
    purpose: "timeline",
  });
  return { items, nextCursor };
}
