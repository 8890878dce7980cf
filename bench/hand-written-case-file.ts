// The yardstick of the case-file benchmark: GET /api/v1/persons/{id}?include=records written by
// hand on Fastify and node-postgres, as a careful developer would write it without Strang's
// framework — no hooks, no schemas, no ORM. It does the same work per request on the same data:
// the session (same table, same expiry and idle checks), the person with the consents, legal bases
// and referrals the access decision needs, the household, the visible records, and the same audit
// row (the hash chain is Strang's sealer's work, after the insert, for both). The decision and the
// JSON are Strang's own pure functions, so both answer the same bytes. Five round trips, each a
// named (prepared) statement: the straightforward way to write it, not a tuned one.
//
// Run by bench/case-file-read.ts: `node --import tsx bench/hand-written-case-file.ts` with
// DATABASE_URL and PORT.
import { createHash, randomUUID } from "node:crypto";
import Fastify from "fastify";
import pg from "pg";
import { presentPerson } from "../src/features/persons/persons.queries.js";
import { presentRecord } from "../src/features/records/records.queries.js";
import {
  decidePersonAccess,
  groundsForItem,
  type PersonAccessFacts,
  type PersonRow,
  uniqueGrounds,
} from "../src/platform/access/person-access.js";
import type { Actor } from "../src/platform/auth/actor.js";
import type { Role } from "../src/platform/domain.js";
import type { Category } from "../src/platform/domain-categories.js";
import { today } from "../src/platform/reference/partial-date.js";

const idleMs = 30 * 60_000;

const sessionSql = `
  select s.id, s.second_factor_done, s.last_seen_at, s.expires_at, u.tenant_id, u.id as user_id,
    u.organisation_id, o.type as organisation_type, o.active as organisation_active, u.role, u.name,
    u.email, u.locale, u.active, u.totp_enabled_at
  from sessions s
  join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
  join organisations o on o.tenant_id = u.tenant_id and o.id = u.organisation_id
  where s.id = $1`;

// $1 organisation, $2 today, $3 tenant, $4 person.
const personSql = `
  select p.tenant_id as "tenantId", p.id, p.given_names as "givenNames", p.family_name as "familyName",
    p.alternative_names as "alternativeNames", p.birth_date as "birthDate", p.birth_place as "birthPlace",
    p.sex, p.nationalities, p.languages, p.contact, p.address,
    p.arrived_in_germany_on as "arrivedInGermanyOn", p.arrived_in_municipality_on as "arrivedInMunicipalityOn",
    p.registered_by_organisation_id as "registeredByOrganisationId", p.case_status as "caseStatus",
    p.lead_organisation_id as "leadOrganisationId", p.lead_case_manager_id as "leadCaseManagerId",
    p.case_opened_on::text as "caseOpenedOn", p.case_closed_on::text as "caseClosedOn",
    p.closing_reason as "closingReason", p.merged_into_id as "mergedIntoId", p.version,
    p.created_by as "createdBy", p.created_at as "createdAt", p.updated_at as "updatedAt",
    (select json_agg(json_build_object('id', c.id, 'categories', c.categories,
        'explicit', c.recipient_organisation_ids @> array[$1::uuid],
        'allPartners', c.all_partners, 'caseManagement', c.case_management))
      from consents c
      where c.tenant_id = p.tenant_id and c.person_id = p.id and c.revoked_at is null
        and c.valid_from <= $2::date and (c.valid_until is null or c.valid_until >= $2::date)
        and (c.recipient_organisation_ids @> array[$1::uuid]
          or (c.case_management and p.lead_organisation_id = $1::uuid)
          or (c.all_partners and exists (select 1 from agreements a
            where a.tenant_id = p.tenant_id and a.lead_organisation_id = p.lead_organisation_id
              and a.partner_organisation_id = $1::uuid
              and a.valid_from <= $2::date and (a.valid_until is null or a.valid_until >= $2::date))))
    ) as consents,
    (select json_agg(json_build_object('id', l.id, 'categories', l.categories))
      from legal_bases l
      where l.tenant_id = p.tenant_id and l.organisation_id = $1::uuid and l.revoked_at is null
        and l.valid_from <= $2::date and (l.valid_until is null or l.valid_until >= $2::date)
    ) as legal_bases,
    (select json_agg(json_build_object('id', r.id, 'categories', array(
        select cat from unnest(r.shared_categories) as cat
        where exists (select 1 from consents c
          where c.tenant_id = p.tenant_id and c.person_id = p.id and c.revoked_at is null
            and c.valid_from <= $2::date and (c.valid_until is null or c.valid_until >= $2::date)
            and cat = any(c.categories)
            and (c.recipient_organisation_ids @> array[r.to_organisation_id]
              or (c.case_management and p.lead_organisation_id = r.to_organisation_id)
              or (c.all_partners and exists (select 1 from agreements a
                where a.tenant_id = p.tenant_id and a.lead_organisation_id = p.lead_organisation_id
                  and a.partner_organisation_id = r.to_organisation_id
                  and a.valid_from <= $2::date and (a.valid_until is null or a.valid_until >= $2::date))))))))
      from referrals r
      where r.tenant_id = p.tenant_id and r.person_id = p.id and r.status in ('sent', 'accepted')
        and r.to_organisation_id = $1::uuid
    ) as referrals
  from persons p
  where p.tenant_id = $3::uuid and p.id = $4::uuid and p.merged_into_id is null`;

const householdSql = `
  select h.id, h.name, m.relation from household_members m
  join households h on h.tenant_id = m.tenant_id and h.id = m.household_id
  where m.tenant_id = $1 and m.person_id = $2`;

// $1 tenant, $2 person, $3 organisation, $4 categories open with protected records,
// $5 categories open without them.
const recordsSql = `
  select tenant_id as "tenantId", id, person_id as "personId", kind, category, data,
    valid_from as "validFrom", valid_until as "validUntil", owner_organisation_id as "ownerOrganisationId",
    protected, created_by as "createdBy", updated_by as "updatedBy", version,
    created_at as "createdAt", updated_at as "updatedAt"
  from records
  where tenant_id = $1 and person_id = $2
    and (owner_organisation_id = $3 or category = any($4::text[]) or (category = any($5::text[]) and not protected))
  order by category, valid_from desc, created_at desc`;

const auditSql = `
  insert into audit_events (tenant_id, request_id, action, actor_user_id, actor_organisation_id, actor_role,
    subject_type, subject_id, person_id, categories, purpose, grounds, details)
  values ($1, $2, 'person.read', $3, $4, $5, 'person', $6, $7, $8, null, $9, '{}')`;

type SessionRow = {
  id: string;
  second_factor_done: boolean;
  last_seen_at: Date;
  expires_at: Date;
  tenant_id: string;
  user_id: string;
  organisation_id: string;
  organisation_type: Actor["organisationType"];
  organisation_active: boolean;
  role: Role;
  name: string;
  email: string;
  locale: string;
  active: boolean;
  totp_enabled_at: Date | null;
};

type FactsColumns = {
  consents: PersonAccessFacts["consents"] | null;
  legal_bases: PersonAccessFacts["legalBases"] | null;
  referrals: PersonAccessFacts["referrals"] | null;
};

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify({ genReqId: () => randomUUID() });

async function actorOf(cookie: string | undefined): Promise<Actor | undefined> {
  const token = /(?:^|;\s*)strang_session=([^;]+)/.exec(cookie ?? "")?.[1];
  if (!token) return undefined;
  const id = createHash("sha256").update(decodeURIComponent(token)).digest("hex");
  const { rows } = await pool.query<SessionRow>({ name: "hw_session", text: sessionSql, values: [id] });
  const s = rows[0];
  const now = Date.now();
  if (!s?.active || !s.organisation_active || s.expires_at.getTime() <= now) return undefined;
  if (s.last_seen_at.getTime() + idleMs <= now) return undefined;
  if (now - s.last_seen_at.getTime() > 60_000) {
    await pool.query("update sessions set last_seen_at = $1 where id = $2", [new Date(now), id]);
  }
  return {
    tenantId: s.tenant_id,
    userId: s.user_id,
    organisationId: s.organisation_id,
    organisationType: s.organisation_type,
    role: s.role,
    name: s.name,
    email: s.email,
    locale: s.locale === "en" ? "en" : "de",
    sessionId: s.id,
    secondFactorDone: s.second_factor_done,
    totpEnabled: s.totp_enabled_at !== null,
  };
}

app.get<{ Params: { id: string }; Querystring: { include?: string } }>("/api/v1/persons/:id", async (req, reply) => {
  const actor = await actorOf(req.headers.cookie);
  if (!actor) return reply.code(401).send({ title: "unauthenticated" });
  const { rows } = await pool.query<PersonRow & FactsColumns>({
    name: "hw_person",
    text: personSql,
    values: [actor.organisationId, today(), actor.tenantId, req.params.id],
  });
  const row = rows[0];
  if (!row) return reply.code(404).send({ title: "not found" });
  const { consents, legal_bases, referrals, ...person } = row;
  const access = decidePersonAccess(actor, {
    id: person.id,
    registeredByOrganisationId: person.registeredByOrganisationId,
    leadOrganisationId: person.leadOrganisationId,
    consents: consents ?? [],
    legalBases: legal_bases ?? [],
    referrals: (referrals ?? []).filter((r) => r.categories.length > 0),
  });
  if (!access) return reply.code(404).send({ title: "not found" });
  const withRecords = req.query.include === "records";
  const full = [...access.open.keys()].filter((c) => !access.protectedHidden.has(c));
  const [household, recordRows] = await Promise.all([
    pool.query({ name: "hw_household", text: householdSql, values: [actor.tenantId, person.id] }),
    withRecords
      ? pool.query({
          name: "hw_records",
          text: recordsSql,
          values: [actor.tenantId, person.id, actor.organisationId, full, [...access.protectedHidden]],
        })
      : undefined,
  ]);
  const records = recordRows?.rows ?? [];
  const categories = new Set<Category>(["identity", ...records.map((r) => r.category as Category)]);
  const grounds = uniqueGrounds([access.open.get("identity") ?? [], ...records.map((r) => groundsForItem(access, r))]);
  await pool.query({
    name: "hw_audit",
    text: auditSql,
    values: [
      actor.tenantId,
      req.id,
      actor.userId,
      actor.organisationId,
      actor.role,
      person.id,
      person.id,
      [...categories],
      JSON.stringify(grounds),
    ],
  });
  return {
    ...presentPerson(person, access),
    household: household.rows[0] ?? null,
    ...(withRecords ? { records: records.map(presentRecord) } : {}),
  };
});

await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
