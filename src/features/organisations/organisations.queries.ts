import { and, arrayContains, asc, eq, getTableColumns, gt, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { organisationScope } from "../../platform/access/access.js";
import { personDataRoles } from "../../platform/access/person-access.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { updateVersioned } from "../../platform/db/versioned.js";
import type { OrganisationType } from "../../platform/domain.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { cursorPart, decodeCursor, page } from "../../platform/http/pagination.js";
import { type OrganisationContact, organisations } from "../../platform/identity/identity.tables.js";
import { codeListEntries } from "../code-lists/code-lists.tables.js";

export type OrganisationRow = typeof organisations.$inferSelect;

/** The fields of an organisation's directory entry (written by the tenant admin or the organisation's own admin). */
export type DirectoryValues = {
  email?: string | null | undefined;
  phone?: string | null | undefined;
  address?: string | null | undefined;
  services?: string[] | undefined;
  languages?: string[] | undefined;
  openingHours?: string | null | undefined;
  website?: string | null | undefined;
  description?: string | null | undefined;
  contacts?: OrganisationContact[] | undefined;
};

/**
 * Someone there can act on a referral: an active user whose role works with person data. The
 * Refer dialog offers only such receivers, and sending refuses the others.
 */
// Spelled out with the tables qualified: drizzle renders a single-table query's columns unqualified,
// and inside the subquery those would name the users' own columns.
const receivesReferralsSql = sql<boolean>`exists (select 1 from users u where u.tenant_id = "organisations"."tenant_id" and u.organisation_id = "organisations"."id" and u.active and u.role in (${sql.join(
  personDataRoles.map((r) => sql`${r}`),
  sql`, `,
)}))`;
const withReceivesReferrals = { ...getTableColumns(organisations), receivesReferrals: receivesReferralsSql };

export async function receivesReferrals(db: Db, actor: Actor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ receivesReferrals: receivesReferralsSql })
    .from(organisations)
    .where(and(organisationScope(actor), eq(organisations.id, id)));
  return row?.receivesReferrals ?? false;
}

const cursorShape = z.tuple([cursorPart.text, cursorPart.uuid]);
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, "\\$&")}%`;

export async function listOrganisations(
  db: Db,
  actor: Actor,
  query: {
    q?: string | undefined;
    type?: OrganisationType | undefined;
    active?: "true" | "false" | undefined;
    service?: string | undefined;
    language?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const conditions: (SQL | undefined)[] = [organisationScope(actor)];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(organisations.name, pattern), ilike(organisations.description, pattern)));
  }
  if (query.type) conditions.push(eq(organisations.type, query.type));
  if (query.active) conditions.push(eq(organisations.active, query.active === "true"));
  if (query.service) conditions.push(arrayContains(organisations.services, [query.service]));
  if (query.language) conditions.push(arrayContains(organisations.languages, [query.language]));
  const after = decodeCursor(query.cursor, cursorShape);
  if (after) {
    conditions.push(
      or(gt(organisations.name, after[0]), and(eq(organisations.name, after[0]), gt(organisations.id, after[1]))),
    );
  }
  const rows = await db
    .select(withReceivesReferrals)
    .from(organisations)
    .where(and(...conditions))
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(query.limit + 1);
  return page(rows, query.limit, (r) => [r.name, r.id]);
}

export async function getOrganisationOrThrow(
  db: Db,
  actor: Actor,
  id: string,
): Promise<OrganisationRow & { receivesReferrals: boolean }> {
  const [row] = await db
    .select(withReceivesReferrals)
    .from(organisations)
    .where(and(organisationScope(actor), eq(organisations.id, id)));
  if (!row) throw notFound("Organisation");
  return row;
}

/**
 * Service codes must be codes of the code list `service` (any version: an agreement or a directory
 * entry keeps a code that a later version retired). `path` names the field in the 400 answer.
 */
export async function assertServicesKnown(db: Db, codes: readonly string[] | undefined, path = "services") {
  if (!codes || codes.length === 0) return;
  const rows = await db
    .selectDistinct({ code: codeListEntries.code })
    .from(codeListEntries)
    .where(and(eq(codeListEntries.list, "service"), inArray(codeListEntries.code, [...codes])));
  const known = new Set(rows.map((r) => r.code));
  const errors = codes.flatMap((code, i) =>
    known.has(code) ? [] : [{ path: `${path}.${i}`, message: "Unknown code in the code list service" }],
  );
  if (errors.length > 0)
    throw new AppError("validation-error", errors.map((e) => `${e.path}: ${e.message}`).join("; "), { errors });
}

/** Contacts as stored: absent optional fields become null, so that reads and audit diffs are stable. */
export const normaliseContacts = (contacts: OrganisationContact[] | undefined) =>
  contacts?.map((c) => ({ name: c.name, role: c.role ?? null, email: c.email ?? null, phone: c.phone ?? null }));

export async function insertOrganisation(
  db: Db,
  tenantId: string,
  values: { name: string; type: OrganisationType } & DirectoryValues,
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
      services: values.services ?? [],
      languages: values.languages ?? [],
      openingHours: values.openingHours ?? null,
      website: values.website ?? null,
      description: values.description ?? null,
      contacts: normaliseContacts(values.contacts) ?? [],
    })
    .returning();
  if (!row) throw new AppError("internal");
  return row;
}

/** Changes the organisation at the version the client named (or the one read); 409 with the current version otherwise. */
export async function updateOrganisation(
  db: Db,
  actor: Actor,
  before: OrganisationRow,
  expected: number | undefined,
  changes: Partial<
    Pick<
      OrganisationRow,
      | "name"
      | "type"
      | "email"
      | "phone"
      | "address"
      | "active"
      | "services"
      | "languages"
      | "openingHours"
      | "website"
      | "description"
      | "contacts"
    >
  >,
): Promise<OrganisationRow> {
  return updateVersioned(db, organisations, {
    where: and(organisationScope(actor), eq(organisations.id, before.id)),
    expected,
    current: before.version,
    set: { ...changes, updatedAt: new Date() },
    what: "organisation",
  });
}
