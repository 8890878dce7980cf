// Creating notifications: who hears of what. Called inside the transaction of the change.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { Role } from "../../platform/domain.js";
import { users } from "../../platform/identity/identity.tables.js";
import { type NotificationKind, notifications } from "./notifications.tables.js";

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
  },
): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  await db.insert(notifications).values(
    unique.map((userId) => ({
      tenantId,
      userId,
      kind: n.kind,
      subjectType: n.subjectType,
      subjectId: n.subjectId,
      params: n.params ?? {},
    })),
  );
  return unique.length;
}
