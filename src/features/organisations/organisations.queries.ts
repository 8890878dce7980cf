import { and, asc, eq, gt, ilike, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { organisationScope } from "../../platform/access/access.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import type { OrganisationType } from "../../platform/domain.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { decodeCursor, page } from "../../platform/http/pagination.js";
import { organisations } from "../../platform/identity/identity.tables.js";

export type OrganisationRow = typeof organisations.$inferSelect;

const cursorShape = z.tuple([z.string(), z.uuid()]);

export async function listOrganisations(
  db: Db,
  actor: Actor,
  query: {
    q?: string | undefined;
    type?: OrganisationType | undefined;
    active?: "true" | "false" | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const conditions: (SQL | undefined)[] = [organisationScope(actor)];
  if (query.q) conditions.push(ilike(organisations.name, `%${query.q.replace(/[\\%_]/g, "\\$&")}%`));
  if (query.type) conditions.push(eq(organisations.type, query.type));
  if (query.active) conditions.push(eq(organisations.active, query.active === "true"));
  const after = decodeCursor(query.cursor, cursorShape);
  if (after) {
    conditions.push(
      or(gt(organisations.name, after[0]), and(eq(organisations.name, after[0]), gt(organisations.id, after[1]))),
    );
  }
  const rows = await db
    .select()
    .from(organisations)
    .where(and(...conditions))
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(query.limit + 1);
  return page(rows, query.limit, (r) => [r.name, r.id]);
}

export async function getOrganisationOrThrow(db: Db, actor: Actor, id: string): Promise<OrganisationRow> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(organisationScope(actor), eq(organisations.id, id)));
  if (!row) throw notFound("Organisation");
  return row;
}

export async function insertOrganisation(
  db: Db,
  tenantId: string,
  values: {
    name: string;
    type: OrganisationType;
    email?: string | null | undefined;
    phone?: string | null | undefined;
    address?: string | null | undefined;
  },
): Promise<OrganisationRow> {
  const [row] = await db
    .insert(organisations)
    .values({
      tenantId,
      name: values.name,
      type: values.type,
      email: values.email ?? null,
      phone: values.phone ?? null,
      address: values.address ?? null,
    })
    .returning();
  if (!row) throw new AppError("internal");
  return row;
}

/** Updates when the stored version is `expected` (or unconditionally when undefined). */
export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  expected: number | undefined,
  changes: Partial<Pick<OrganisationRow, "name" | "type" | "email" | "phone" | "address" | "active">>,
): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .update(organisations)
    .set({ ...changes, version: sql`${organisations.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        organisationScope(actor),
        eq(organisations.id, id),
        expected === undefined ? undefined : eq(organisations.version, expected),
      ),
    )
    .returning();
  return row;
}
