import { assertCanAssign } from "../../platform/access/access.js";
import { audit, changeSet } from "../../platform/audit/audit.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { deleteUserSessions } from "../../platform/auth/sessions.js";
import type { Role } from "../../platform/domain.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { expectedVersion, uuidParam } from "../../platform/http/schemas.js";
import {
  assertOrganisationInTenant,
  emailAvailability,
  getUserOrThrow,
  insertUser,
  listUsers,
  presentUser,
  updateUser,
} from "./users.queries.js";
import { createUserSchema, listUsersQuery, updateUserSchema, userSchema } from "./users.schemas.js";

const tags = ["users"];
const admins = policy.roles("tenant_admin", "org_admin");
// E-mail addresses are unique across tenants. Whether an address belongs to another tenant, or
// to an organisation of this tenant the actor does not manage, is none of the actor's business:
// every such address answers alike. Only a user the actor already sees in its user list is
// named as the reason (the admin can find and edit that account).
const emailTakenByOwnUser = () =>
  new AppError("conflict", "A user with this e-mail address exists", {
    errors: [{ path: "email", message: "Already in use" }],
  });
const emailUnavailable = () =>
  new AppError("conflict", "This e-mail address cannot be used", {
    errors: [{ path: "email", message: "Cannot be used" }],
  });

export async function usersRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.get(
    "/users",
    {
      config: { policy: admins },
      schema: {
        tags,
        summary: "List users (all for the tenant admin, own organisation's for an org admin)",
        querystring: listUsersQuery,
        response: { 200: listResponse(userSchema) },
      },
    },
    async (req) => listUsers(db(), actorOf(req), req.query),
  );

  app.post(
    "/users",
    {
      config: { policy: admins },
      schema: { tags, summary: "Create a user", body: createUserSchema, response: { 201: userSchema } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const body = req.body;
      assertCanAssign(actor, body);
      const passwordHash = await hashPassword(body.password);
      const created = await db()
        .transaction(async (tx) => {
          await assertOrganisationInTenant(tx, actor.tenantId, body.organisationId);
          const availability = await emailAvailability(tx, actor, body.email);
          if (availability === "own") throw emailTakenByOwnUser();
          if (availability === "unavailable") throw emailUnavailable();
          const row = await insertUser(tx, actor.tenantId, { ...body, passwordHash });
          await audit(tx, auditContext(req), {
            action: "user.created",
            subjectType: "user",
            subjectId: row.id,
            details: { after: { role: row.role, organisationId: row.organisationId } },
          });
          return row;
        })
        .catch((e: unknown) => {
          // A concurrent creation took the address; whose it is stays unsaid.
          if (isUniqueViolation(e)) throw emailUnavailable();
          throw e;
        });
      return reply.code(201).send(presentUser(created));
    },
  );

  app.get(
    "/users/:id",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "Read a user (admins; everybody may read themselves)",
        params: uuidParam,
        response: { 200: userSchema },
      },
    },
    async (req) => presentUser(await getUserOrThrow(db(), actorOf(req), req.params.id)),
  );

  app.patch(
    "/users/:id",
    {
      config: { policy: admins },
      schema: {
        tags,
        summary: "Change a user: name, role, organisation, language, active, password, reset 2FA",
        params: uuidParam,
        body: updateUserSchema,
        response: { 200: userSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { version, password, resetTotp, ...changes } = req.body;
      const expected = expectedVersion(req.headers["if-match"], version);
      const passwordHash = password ? await hashPassword(password) : undefined;
      return db().transaction(async (tx) => {
        const before = await getUserOrThrow(tx, actor, req.params.id);
        // The actor must be allowed both the user as it is and as it will be.
        assertCanAssign(actor, { organisationId: before.organisationId, role: before.role as Role });
        const target = {
          organisationId: changes.organisationId ?? before.organisationId,
          role: changes.role ?? (before.role as Role),
        };
        assertCanAssign(actor, target);
        if (changes.organisationId) await assertOrganisationInTenant(tx, actor.tenantId, changes.organisationId);
        if (before.id === actor.userId && (changes.active === false || (changes.role && changes.role !== actor.role))) {
          throw new AppError("forbidden", "You cannot deactivate yourself or change your own role");
        }
        const all = {
          ...changes,
          ...(passwordHash ? { passwordHash } : {}),
          ...(resetTotp ? { totpSecret: null, totpEnabledAt: null } : {}),
        };
        const updated = await updateUser(tx, actor, before, expected, all);
        // Access-relevant changes end the user's sessions at once.
        if (passwordHash || resetTotp || changes.active === false || changes.role || changes.organisationId) {
          await deleteUserSessions(tx, actor.tenantId, before.id);
        }
        await audit(tx, auditContext(req), {
          action: "user.updated",
          subjectType: "user",
          subjectId: before.id,
          details: {
            ...changeSet(before, all),
            ...(resetTotp ? { totpReset: true } : {}),
          },
        });
        return presentUser(updated);
      });
    },
  );
}

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | undefined;
  return err?.code === "23505" || err?.cause?.code === "23505";
}
