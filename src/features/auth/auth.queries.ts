// Reads of sign-in and the signed-in user.
import { and, eq, sql } from "drizzle-orm";
import { abilitiesOf } from "../../platform/access/access.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/http/errors.js";
import { organisations, tenants, users } from "../../platform/identity/identity.tables.js";

export type UserRow = typeof users.$inferSelect;

/**
 * The account an e-mail address signs in (addresses are unique across tenants), and whether it may:
 * a deactivated user, or a user of a deactivated organisation, cannot sign in.
 */
export async function loginAccount(db: Db, email: string): Promise<{ user: UserRow; mayLogIn: boolean } | undefined> {
  const [user] = await db.select().from(users).where(sql`${users.email} = ${email}`).limit(1);
  if (!user) return undefined;
  const [org] = await db
    .select({ active: organisations.active })
    .from(organisations)
    .where(and(eq(organisations.tenantId, user.tenantId), eq(organisations.id, user.organisationId)));
  return { user, mayLogIn: user.active && Boolean(org?.active) };
}

/** The signed-in user's own row (password hash and TOTP secret included: for checks, never for answers). */
export async function ownUser(db: Db, actor: Actor): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
  return user;
}

/** The signed-in user, organisation, tenant and abilities; the web app never re-implements the rules. */
export async function presentMe(db: Db, actor: Actor) {
  const [row] = await db
    .select({ orgName: organisations.name, orgType: organisations.type, tenantName: tenants.name })
    .from(organisations)
    .innerJoin(tenants, eq(tenants.id, organisations.tenantId))
    .where(and(eq(organisations.tenantId, actor.tenantId), eq(organisations.id, actor.organisationId)));
  if (!row) throw new AppError("unauthenticated");
  return {
    user: {
      id: actor.userId,
      email: actor.email,
      name: actor.name,
      role: actor.role,
      organisationId: actor.organisationId,
      locale: actor.locale,
    },
    organisation: { id: actor.organisationId, name: row.orgName, type: row.orgType as never },
    tenant: { id: actor.tenantId, name: row.tenantName },
    secondFactor: actor.secondFactorDone ? ("done" as const) : ("enrol" as const),
    totpEnabled: actor.totpEnabled,
    abilities: abilitiesOf(actor),
  };
}
