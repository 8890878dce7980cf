// Reads of the in-app inbox: only ever the actor's own notifications.
import { and, count, desc, eq, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { cursorPart, decodeCursor, page } from "../../platform/http/pagination.js";
import { notifications } from "./notifications.tables.js";

/** The actor's own notifications: a user's inbox is nobody else's. */
export const ownNotifications = (actor: Actor) =>
  and(eq(notifications.tenantId, actor.tenantId), eq(notifications.userId, actor.userId));

const cursorShape = z.tuple([cursorPart.timestamp, cursorPart.uuid]);

/** Newest first; `unread` only those not yet read. */
export async function listNotifications(
  db: Db,
  actor: Actor,
  query: { unread: boolean; limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(query.cursor, cursorShape);
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        ownNotifications(actor),
        query.unread ? isNull(notifications.readAt) : undefined,
        after
          ? or(
              lt(notifications.createdAt, new Date(after[0])),
              and(eq(notifications.createdAt, new Date(after[0])), lt(notifications.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  return page(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
}

export async function unreadCount(db: Db, actor: Actor) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(ownNotifications(actor), isNull(notifications.readAt)));
  return { count: Number(row?.n ?? 0) };
}
