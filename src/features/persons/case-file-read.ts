// The case-file read (GET /persons/{id}): the person with the actor's access, the household,
// optionally every visible record, and the audit row naming the categories read and their
// grounds. The hot path of the app (see the case-file benchmark in bench/).

import { groundsForItem, personWithAccessOrThrow, uniqueGrounds } from "../../platform/access/person-access.js";
import { type AuditContext, audit } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { listVisibleRecords, presentRecord } from "../records/records.queries.js";
import { assertNotMerged, householdOf, presentPerson } from "./persons.queries.js";

export async function readCaseFile(
  db: Db,
  ctx: AuditContext,
  actor: Actor,
  personId: string,
  include: "records" | undefined,
) {
  const { person, access } = await personWithAccessOrThrow(db, actor, personId);
  await assertNotMerged(db, actor, person);
  const [household, recordRows] = await Promise.all([
    householdOf(db, actor.tenantId, personId),
    include === "records" ? listVisibleRecords(db, actor.tenantId, access) : Promise.resolve(undefined),
  ]);
  const seen = new Set<string>(["identity", ...(recordRows ?? []).map((r) => r.category)]);
  const grounds = uniqueGrounds([
    access.open.get("identity") ?? [],
    ...(recordRows ?? []).map((r) => groundsForItem(access, r)),
  ]);
  await audit(db, ctx, {
    action: "person.read",
    subjectType: "person",
    subjectId: person.id,
    personId: person.id,
    categories: [...seen],
    grounds,
  });
  return {
    ...presentPerson(person, access),
    household,
    ...(recordRows ? { records: recordRows.map(presentRecord) } : {}),
  };
}
