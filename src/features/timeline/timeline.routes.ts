// A person's timeline: records, notes, documents and case-state changes in time order, as far as
// the organisation may see them.
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { groundsForItem, personDataRoles, uniqueGrounds, visibleItemSql } from "../../platform/access/person-access.js";
import { audit } from "../../platform/audit/audit.js";
import { categories } from "../../platform/domain-categories.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { cursorPart, decodeCursor, encodeCursor } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { documents } from "../documents/documents.tables.js";
import { personAccessOrThrow } from "../../platform/access/person-access.js";
import { caseEvents } from "../persons/persons.tables.js";
import { recordKindNames, summarise } from "../records/record-kinds.js";
import { records } from "../records/records.tables.js";

const entrySchema = z
  .object({
    type: z.enum(["record", "document", "case"]),
    id: z.uuid(),
    at: z.date(),
    category: z.enum(categories),
    organisationId: z.uuid(),
    kind: z.enum(recordKindNames).optional(),
    summary: z.string(),
    validFrom: z.string().nullable().optional(),
    action: z.string().optional(),
    mediaType: z.string().optional(),
  })
  .meta({ id: "TimelineEntry" });

const query = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
const cursorShape = z.tuple([cursorPart.timestamp, cursorPart.uuid]);

/**
 * The entry time in milliseconds, as the cursor and the merge in JavaScript carry it: PostgreSQL
 * keeps microseconds, and comparing those with a millisecond cursor skipped entries of the same
 * millisecond (e.g. rows written by one transaction) at a page boundary.
 */
const ms = (at: AnyPgColumn) => sql`date_trunc('milliseconds', ${at})`;

/** Keyset condition "older than the cursor" for a (time, id) ordering. */
function before(at: AnyPgColumn, id: AnyPgColumn, cursor: [string, string] | undefined): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${ms(at)}, ${id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`;
}

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
        querystring: query,
        response: { 200: z.object({ items: z.array(entrySchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const access = await personAccessOrThrow(db(), actor, req.params.id);
      const { limit } = req.query;
      const cursor = decodeCursor(req.query.cursor, cursorShape);
      const base = (t: { tenantId: AnyPgColumn; personId: AnyPgColumn }) =>
        and(eq(t.tenantId, actor.tenantId), eq(t.personId, req.params.id));
      const [recordRows, documentRows, eventRows] = await Promise.all([
        db()
          .select()
          .from(records)
          .where(and(base(records), visibleItemSql(access, records), before(records.createdAt, records.id, cursor)))
          .orderBy(desc(ms(records.createdAt)), desc(records.id))
          .limit(limit + 1),
        db()
          .select()
          .from(documents)
          .where(
            and(base(documents), visibleItemSql(access, documents), before(documents.createdAt, documents.id, cursor)),
          )
          .orderBy(desc(ms(documents.createdAt)), desc(documents.id))
          .limit(limit + 1),
        db()
          .select()
          .from(caseEvents)
          .where(and(base(caseEvents), before(caseEvents.occurredAt, caseEvents.id, cursor)))
          .orderBy(desc(ms(caseEvents.occurredAt)), desc(caseEvents.id))
          .limit(limit + 1),
      ]);
      const entries = [
        ...recordRows.map((r) => ({
          type: "record" as const,
          id: r.id,
          at: r.createdAt,
          category: r.category,
          organisationId: r.ownerOrganisationId,
          kind: r.kind,
          summary: summarise(r.kind, r.data),
          validFrom: r.validFrom,
        })),
        ...documentRows.map((d) => ({
          type: "document" as const,
          id: d.id,
          at: d.createdAt,
          category: d.category,
          organisationId: d.ownerOrganisationId,
          summary: d.title,
          mediaType: d.mediaType,
        })),
        ...eventRows.map((e) => ({
          type: "case" as const,
          id: e.id,
          at: e.occurredAt,
          category: "identity" as const,
          organisationId: e.organisationId,
          action: e.action,
          summary: [e.fromStatus, e.toStatus].filter(Boolean).join(" → ") + (e.reason ? ` · ${e.reason}` : ""),
        })),
      ].sort((a, b) => b.at.getTime() - a.at.getTime() || (b.id > a.id ? 1 : -1));
      const items = entries.slice(0, limit);
      const last = items[items.length - 1];
      const shown = [...recordRows, ...documentRows].filter((x) => items.some((i) => i.id === x.id));
      const grounds = uniqueGrounds(shown.map((it) => groundsForItem(access, it)));
      await audit(db(), auditContext(req), {
        action: "person.read",
        subjectType: "person",
        subjectId: req.params.id,
        personId: req.params.id,
        categories: [...new Set(items.map((i) => i.category))],
        grounds,
        purpose: "timeline",
      });
      return {
        items,
        nextCursor: entries.length > limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null,
      };
    },
  );
}
