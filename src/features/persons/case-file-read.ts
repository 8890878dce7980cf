// The case-file read (GET /persons/{id}): the person with the actor's access, the household,
// optionally every visible record, and the audit row naming the categories read and their
// grounds. The hot path of the app (see the case-file benchmark in bench/), so it takes three
// round trips, each a prepared statement: the session (app.ts), the person with the facts of the
// access decision and the household, and — after the decision — the visible records together
// with the audit row, whose categories and grounds are derived from those records in the same
// statement.

import { getTableColumns, sql } from "drizzle-orm";
import {
  decidePersonAccess,
  loadPersonWithFacts,
  type PersonAccess,
  personWithAccessOrThrow,
} from "../../platform/access/person-access.js";
import { type AuditContext, audit, auditColumns } from "../../platform/audit/audit.js";
import { auditEvents } from "../../platform/audit/audit.tables.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/http/errors.js";
import { householdMembers, households } from "../households/households.tables.js";
import { presentRecord, type RecordRow } from "../records/records.queries.js";
import { records } from "../records/records.tables.js";
import { assertNotMerged, presentPerson } from "./persons.queries.js";

export async function readCaseFile(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  include: "records" | undefined,
) {
  const { person, access, household } = await caseFileHeader(db, actor, personId);
  await assertNotMerged(db, actor, person);
  const entry = { action: "person.read", subjectType: "person", subjectId: person.id, personId: person.id } as const;
  const identityGrounds = access.open.get("identity") ?? [];
  const recordRows =
    include === "records"
      ? await readRecordsAudited(db, ctx, actor.tenantId, entry, access, identityGrounds)
      : undefined;
  if (!recordRows) await audit(db, ctx, { ...entry, categories: ["identity"], grounds: identityGrounds });
  return {
    ...presentPerson(person, access),
    household,
    ...(recordRows ? { records: recordRows.map(presentRecord) } : {}),
  };
}

type Household = { id: string; name: string; relation: string } | null;

/** The household of the person (a person lives in one household at a time), as a column of its row. */
const caseFileColumns = {
  statement: "strang_case_file_person",
  columns: {
    household: sql<Household>`(select json_build_object('id', "households"."id", 'name', "households"."name", 'relation', "household_members"."relation")
      from ${householdMembers} join ${households}
        on "households"."tenant_id" = "household_members"."tenant_id" and "households"."id" = "household_members"."household_id"
      where "household_members"."tenant_id" = "persons"."tenant_id" and "household_members"."person_id" = "persons"."id"
      limit 1)`,
  },
};

/**
 * The person, the actor's access and the household in one query. A person the actor may not see
 * is answered by personWithAccessOrThrow, the one place that knows how (403 for a role without
 * person data, 404 naming the survivor of a merge, else 404).
 */
async function caseFileHeader(db: Db, actor: Actor, personId: string) {
  const loaded = await loadPersonWithFacts(db, actor, personId, caseFileColumns);
  const access = loaded ? decidePersonAccess(actor, loaded.facts) : undefined;
  if (loaded && access) return { person: loaded.person, access, household: loaded.more.household ?? null };
  await personWithAccessOrThrow(db, actor, personId);
  throw new AppError("not-found", "Person not found");
}

const p = (name: string) => sql.placeholder(name);
const recordColumns = getTableColumns(records);

/**
 * The records of the person the actor may see (visibleItemSql, with the categories as array
 * parameters so that the statement is prepared once), in the order of listVisibleRecords; and in
 * the same statement the audit row: the categories are identity and those of the records in the
 * order read, the grounds those of identity and then of each record (groundsForItem: its
 * category's grounds, ownership first for an own record whose category ownership does not open),
 * each ground once, in the order first met (uniqueGrounds).
 */
function prepareRecordsAudited(db: Db) {
  const visible = db.$with("visible").as(
    db
      .select({
        ...recordColumns,
        n: sql<number>`row_number() over (order by "records"."category", "records"."valid_from" desc, "records"."created_at" desc)`.as(
          "n",
        ),
      })
      .from(records)
      .where(
        sql`"records"."tenant_id" = ${p("tenant")}::uuid and "records"."person_id" = ${p("person")}::uuid
          and ("records"."owner_organisation_id" = ${p("org")}::uuid
            or "records"."category" = any(${p("full")}::text[])
            or ("records"."category" = any(${p("unprotectedOnly")}::text[]) and not "records"."protected"))`,
      ),
  );
  const open = sql`coalesce(${p("open")}::jsonb -> "visible"."category", '[]'::jsonb)`;
  const ownership = sql.raw(`'[{"type":"ownership"}]'::jsonb`);
  const logged = db.$with("logged", { id: auditEvents.id }).as(sql`
    with item_grounds as (
      select 0::bigint as n, g.k, g.ground
        from jsonb_array_elements(${p("identityGrounds")}::jsonb) with ordinality as g(ground, k)
      union all
      select "visible"."n", g.k, g.ground from "visible" cross join lateral jsonb_array_elements(
        case when "visible"."owner_organisation_id" = ${p("org")}::uuid and not ${open} @> ${ownership}
          then ${ownership} || ${open} else ${open} end) with ordinality as g(ground, k)
    ), first_met as (
      select distinct on (ground) ground, n, k from item_grounds order by ground, n, k
    )
    insert into ${auditEvents} (tenant_id, request_id, action, actor_user_id, actor_organisation_id, actor_role,
      subject_type, subject_id, person_id, categories, purpose, grounds, details)
    values (${p("auditTenant")}::uuid, ${p("requestId")}, ${p("action")}, ${p("actorUser")}::uuid,
      ${p("actorOrganisation")}::uuid, ${p("actorRole")}, ${p("subjectType")}, ${p("subjectId")}, ${p("person")}::uuid,
      array['identity'] || array(select "visible"."category" from "visible" where "visible"."category" <> 'identity'
        group by "visible"."category" order by min("visible"."n")),
      null, coalesce((select jsonb_agg(ground order by n, k) from first_met), '[]'::jsonb), '{}'::jsonb)
    returning id`);
  const fields = Object.fromEntries(Object.keys(recordColumns).map((k) => [k, visible[k as keyof typeof visible]]));
  return db
    .with(visible, logged)
    .select(fields as unknown as typeof recordColumns)
    .from(visible)
    .orderBy(visible.n)
    .prepare("strang_case_file_records");
}

const preparedRecordsAudited = new WeakMap<Db, ReturnType<typeof prepareRecordsAudited>>();

async function readRecordsAudited(
  db: Db,
  ctx: AuditContext,
  tenantId: string,
  entry: { action: "person.read"; subjectType: string; subjectId: string; personId: string },
  access: PersonAccess,
  identityGrounds: unknown[],
): Promise<RecordRow[]> {
  let statement = preparedRecordsAudited.get(db);
  if (!statement) {
    statement = prepareRecordsAudited(db);
    preparedRecordsAudited.set(db, statement);
  }
  const row = auditColumns(ctx, entry);
  return (await statement.execute({
    tenant: tenantId,
    person: access.personId,
    org: access.organisationId,
    full: [...access.open.keys()].filter((c) => !access.protectedHidden.has(c)),
    unprotectedOnly: [...access.protectedHidden],
    open: JSON.stringify(Object.fromEntries(access.open)),
    identityGrounds: JSON.stringify(identityGrounds),
    auditTenant: row.tenantId,
    requestId: row.requestId,
    action: row.action,
    actorUser: row.actorUserId,
    actorOrganisation: row.actorOrganisationId,
    actorRole: row.actorRole,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
  })) as RecordRow[];
}
