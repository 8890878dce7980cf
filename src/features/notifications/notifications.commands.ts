// Creating notifications: who hears of what. Called inside the transaction of the change.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import type { Role } from "../../platform/domain.js";
import { notFound } from "../../platform/http/errors.js";
import { users } from "../../platform/identity/identity.tables.js";
import { ownNotifications } from "./notifications.queries.js";
import { type NotificationKind, type NotificationTarget, notifications } from "./notifications.tables.js";

export type Recipient = { role: Role; organisationId: string };

/** Active users of an organisation with one of the roles. */
export async function usersOfOrganisation(
  db: Db,
  tenantId: string,
  organisationId: string,
  roles: readonly Role[],
): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.organisationId, organisationId),
        eq(users.active, true),
        inArray(users.role, [...roles]),
      ),
    );
  return rows.map((r) => r.id);
}

export async function notify(
  db: Db,
  tenantId: string,
  userIds: string[],
  n: {
    kind: NotificationKind;
    subjectType: string;
    subjectId: string;
    params?: Record<string, string | number | null>;
    /** What this recipient may open; without it every notification links to its subject. */
    targetFor?: (recipient: Recipient) => NotificationTarget;
  },
): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  const targetFor = n.targetFor;
  const recipients = targetFor
    ? new Map(
        (
          await db
            .select({ id: users.id, role: users.role, organisationId: users.organisationId })
            .from(users)
            .where(and(eq(users.tenantId, tenantId), inArray(users.id, unique)))
        ).map((u) => [u.id, u]),
      )
    : undefined;
  await db.insert(notifications).values(
    unique.map((userId) => {
      const recipient = recipients?.get(userId);
      return {
        tenantId,
        userId,
        kind: n.kind,
        subjectType: n.subjectType,
        subjectId: n.subjectId,
        target: targetFor ? (recipient ? targetFor(recipient) : "none") : "subject",
        params: n.params ?? {},
      };
    }),
  );
  return unique.length;
}

/** Marks one of the actor's notifications read (the first reading stays the time it was read); 404 for any other. */
export async function markNotificationRead(db: Db, actor: Actor, id: string): Promise<void> {
  const updated = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(ownNotifications(actor), eq(notifications.id, id)))
    .returning({ id: notifications.id });
  if (updated.length === 0) throw notFound("Notification");
}

export async function markAllNotificationsRead(db: Db, actor: Actor): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(ownNotifications(actor), isNull(notifications.readAt)));
}

/** The actor acted on (or opened) the subject: its notifications about it are done with. */
export async function markSubjectRead(db: Db, actor: Actor, subjectType: string, subjectId: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        ownNotifications(actor),
        eq(notifications.subjectType, subjectType),
        eq(notifications.subjectId, subjectId),
        isNull(notifications.readAt),
      ),
    );
}
