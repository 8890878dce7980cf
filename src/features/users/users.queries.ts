import { and, asc, eq, gt, ilike, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { userScope } from "../../platform/access/access.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { updateVersioned } from "../../platform/db/versioned.js";
import type { Role } from "../../platform/domain.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { cursorPart, decodeCursor, page } from "../../platform/http/pagination.js";
import { organisations, users } from "../../platform/identity/identity.tables.js";

export type UserRow = typeof users.$inferSelect;

/** The API view of a user: never the password hash or the TOTP secret. */
export function presentUser(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    organisationId: u.organisationId,
    locale: (u.locale === "en" ? "en" : "de") as "de" | "en",
    active: u.active,
    totpEnabled: u.totpEnabledAt !== null,
    lastLoginAt: u.lastLoginAt,
    version: u.version,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

const cursorShape = z.tuple([cursorPart.text, cursorPart.uuid]);
const like = (s: string) => `%${s.replace(/[\\%_]/g, "\\$&")}%`;

export async function listUsers(
  db: Db,
  actor: Actor,
  query: {
    organisationId?: string | undefined;
    role?: Role | undefined;
    q?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const conditions: (SQL | undefined)[] = [userScope(actor)];
  if (query.organisationId) conditions.push(eq(users.organisationId, query.organisationId));
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.q) conditions.push(or(ilike(users.name, like(query.q)), ilike(users.email, like(query.q))));
  const after = decodeCursor(query.cursor, cursorShape);
  if (after) conditions.push(or(gt(users.name, after[0]), and(eq(users.name, after[0]), gt(users.id, after[1]))));
  const rows = await db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.id))
    .limit(query.limit + 1);
  const p = page(rows, query.limit, (r) => [r.name, r.id]);
  return { items: p.items.map(presentUser), nextCursor: p.nextCursor };
}

export async function getUserOrThrow(db: Db, actor: Actor, id: string): Promise<UserRow> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(userScope(actor), eq(users.id, id)));
  if (!row) throw notFound("User");
  return row;
}

export async function assertOrganisationInTenant(db: Db, tenantId: string, organisationId: string) {
  const [org] = await db
    .select({ id: organisations.id, active: organisations.active })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.id, organisationId)));
  if (!org) {
    throw new AppError("validation-error", "Unknown organisation", {
      errors: [{ path: "organisationId", message: "No such organisation" }],
    });
  }
  if (!org.active) {
    throw new AppError("validation-error", "The organisation is deactivated", {
      errors: [{ path: "organisationId", message: "The organisation is deactivated" }],
    });
  }
}

/**
 * Whether a new user may have the address (unique across the deployment, for login), and if
 * not, whether the actor manages the user who has it and so may be told.
 */
export async function emailAvailability(db: Db, actor: Actor, email: string): Promise<"free" | "own" | "unavailable"> {
  const [taken] = await db
    .select({ inScope: sql<boolean>`${userScope(actor)}` })
    .from(users)
    .where(sql`${users.email} = ${email}`)
    .limit(1);
  if (!taken) return "free";
  return taken.inScope ? "own" : "unavailable";
}

export async function insertUser(
  db: Db,
  tenantId: string,
  values: {
    email: string;
    name: string;
    organisationId: string;
    role: Role;
    passwordHash: string;
    locale?: "de" | "en" | undefined;
  },
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ tenantId, ...values, locale: values.locale ?? "de" })
    .returning();
  if (!row) throw new AppError("internal");
  return row;
}

/** Changes the user at the version the client named (or the one read); 409 with the current version otherwise. */
export async function updateUser(
  db: Db,
  actor: Actor,
  before: UserRow,
  expected: number | undefined,
  changes: Partial<
    Pick<
      UserRow,
      "name" | "role" | "organisationId" | "locale" | "active" | "passwordHash" | "totpSecret" | "totpEnabledAt"
    >
  >,
): Promise<UserRow> {
  return updateVersioned(db, users, {
    where: and(userScope(actor), eq(users.id, before.id)),
    expected,
    current: before.version,
    set: { ...changes, updatedAt: new Date() },
    what: "user",
  });
}
