// A person's timeline: records, documents and case-state changes in time order, as far as the
// actor's access lets it see them. Three keyset-paged reads merged into one page.
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import {
  type Ground,
  groundsForItem,
  type PersonAccess,
  uniqueGrounds,
  visibleItemSql,
} from "../../platform/access/person-access.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { cursorPart, decodeCursor, encodeCursor } from "../../platform/http/pagination.js";
import { documents } from "../documents/documents.tables.js";
import { caseEvents } from "../persons/persons.tables.js";
import { summarise } from "../records/record-kinds.js";
import { records } from "../records/records.tables.js";
import type { timelineEntrySchema } from "./timeline.schemas.js";

type TimelineEntry = z.output<typeof timelineEntrySchema>;

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

/**
 * One page of the timeline, newest first, with the grounds of the items shown (for the audit row).
 * Records and documents are limited to what `visibleItemSql` lets the actor see; case events are
 * identity, open to whoever sees the person (the caller has decided `access` for it).
 */
export async function timelinePage(
  db: Db,
  actor: Actor,
  access: PersonAccess,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: TimelineEntry[]; nextCursor: string | null; grounds: Ground[] }> {
  const { limit } = query;
  const cursor = decodeCursor(query.cursor, cursorShape);
  const ofPerson = (t: { tenantId: AnyPgColumn; personId: AnyPgColumn }) =>
    and(eq(t.tenantId, actor.tenantId), eq(t.personId, access.personId));
  const [recordRows, documentRows, eventRows] = await Promise.all([
    db
      .select()
      .from(records)
      .where(and(ofPerson(records), visibleItemSql(access, records), before(records.createdAt, records.id, cursor)))
      .orderBy(desc(ms(records.createdAt)), desc(records.id))
      .limit(limit + 1),
    db
      .select()
      .from(documents)
      .where(
        and(ofPerson(documents), visibleItemSql(access, documents), before(documents.createdAt, documents.id, cursor)),
      )
      .orderBy(desc(ms(documents.createdAt)), desc(documents.id))
      .limit(limit + 1),
    db
      .select()
      .from(caseEvents)
      .where(and(ofPerson(caseEvents), before(caseEvents.occurredAt, caseEvents.id, cursor)))
      .orderBy(desc(ms(caseEvents.occurredAt)), desc(caseEvents.id))
      .limit(limit + 1),
  ]);
  const entries: TimelineEntry[] = [
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
  return {
    items,
    nextCursor: entries.length > limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null,
    grounds: uniqueGrounds(shown.map((it) => groundsForItem(access, it))),
  };
}
