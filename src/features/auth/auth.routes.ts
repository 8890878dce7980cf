// Login, logout, the signed-in user, TOTP enrolment and password change.
import { and, eq, sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { abilitiesOf } from "../../platform/access/access.js";
import { audit, changeSet } from "../../platform/audit/audit.js";
import type { Actor } from "../../platform/auth/actor.js";
import { hashPassword, verifyPassword } from "../../platform/auth/passwords.js";
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  markSecondFactorDone,
  sessionCookieName,
} from "../../platform/auth/sessions.js";
import { claimLoginAttempt, loginSucceeded, releaseLoginAttempt, throttleKeys } from "../../platform/auth/throttle.js";
import { checkTotp, newTotpSecret, totpEnrolment } from "../../platform/auth/totp.js";
import { type Role, rolesRequiring2fa } from "../../platform/domain.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { policy } from "../../platform/http/policy.js";
import { organisations, tenants, users } from "../../platform/identity/identity.tables.js";
import {
  changePasswordSchema,
  loginResponseSchema,
  loginSchema,
  meSchema,
  totpConfirmSchema,
  totpSetupSchema,
  updateMeSchema,
} from "./auth.schemas.js";

const tags = ["auth"];

export async function authRoutes(app: App) {
  const db = () => app.deps.database.db;
  const { config } = app.deps;
  const timeouts = { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs };

  const setCookie = (req: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookieName, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: req.protocol === "https",
      path: "/",
      maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
    });

  app.post(
    "/auth/login",
    {
      config: { policy: policy.public },
      schema: {
        tags,
        summary: "Sign in with e-mail, password and (once enrolled) a TOTP code",
        security: [],
        body: loginSchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (req, reply) => {
      const { email, password, totp } = req.body;
      const keys = throttleKeys(email, req.ip);
      // Counted before the password is looked at, so that parallel attempts cannot outrun the limit.
      await claimLoginAttempt(db(), keys);
      const [user] = await db().select().from(users).where(sql`${users.email} = ${email}`).limit(1);
      // A deactivated user, or a user of a deactivated organisation, cannot sign in.
      const [org] = user
        ? await db()
            .select({ active: organisations.active })
            .from(organisations)
            .where(and(eq(organisations.tenantId, user.tenantId), eq(organisations.id, user.organisationId)))
        : [];
      const passwordOk = await verifyPassword(user?.active && org?.active ? user.passwordHash : undefined, password);
      if (!user || !passwordOk) {
        await audit(
          db(),
          { requestId: req.id, tenantId: user?.tenantId },
          {
            action: "auth.login.failed",
            ...(user ? { subjectType: "user", subjectId: user.id } : {}),
            details: { reason: "credentials" },
          },
        );
        throw new AppError("invalid-credentials");
      }
      let secondFactor: "done" | "enrol" = "done";
      if (user.totpEnabledAt && user.totpSecret) {
        if (!totp) {
          // The first of the two steps: no code was evaluated, the attempt is taken back.
          await releaseLoginAttempt(db(), keys);
          throw new AppError("totp-required", "Enter the six-digit code of your authenticator app");
        }
        const step = await checkTotp(user.totpSecret, totp);
        // Claim the step atomically: a code already used (replayed) counts as wrong.
        const claimed =
          step === undefined
            ? []
            : await db()
                .update(users)
                .set({ totpLastStep: step })
                .where(
                  and(
                    eq(users.tenantId, user.tenantId),
                    eq(users.id, user.id),
                    sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`,
                  ),
                )
                .returning({ id: users.id });
        if (claimed.length === 0) {
          await audit(
            db(),
            { requestId: req.id, tenantId: user.tenantId },
            {
              action: "auth.totp.failed",
              subjectType: "user",
              subjectId: user.id,
            },
          );
          throw new AppError("invalid-totp");
        }
      } else if (config.require2fa && rolesRequiring2fa.includes(user.role as Role)) {
        secondFactor = "enrol";
      }
      await loginSucceeded(db(), keys);
      const session = await db().transaction(async (tx) => {
        const s = await createSession(tx, user, secondFactor === "done", timeouts);
        await tx
          .update(users)
          .set({ lastLoginAt: new Date() })
          .where(and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)));
        await audit(
          tx,
          {
            requestId: req.id,
            actor: { tenantId: user.tenantId, userId: user.id, organisationId: user.organisationId, role: user.role },
          },
          { action: "auth.login.succeeded", subjectType: "user", subjectId: user.id, details: { secondFactor } },
        );
        return s;
      });
      setCookie(req, reply, session.token);
      return {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role as Role,
          organisationId: user.organisationId,
          locale: user.locale === "en" ? ("en" as const) : ("de" as const),
        },
        secondFactor,
      };
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { policy: policy.authenticated({ beforeSecondFactor: true }) },
      schema: { tags, summary: "Sign out: ends the session on the server" },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await db().transaction(async (tx) => {
        await deleteSession(tx, actor.sessionId);
        await audit(tx, auditContext(req), { action: "auth.logout", subjectType: "user", subjectId: actor.userId });
      });
      reply.clearCookie(sessionCookieName, { path: "/" });
      return reply.code(204).send();
    },
  );

  app.get(
    "/auth/me",
    {
      config: { policy: policy.authenticated({ beforeSecondFactor: true }) },
      schema: { tags, summary: "The signed-in user, organisation and abilities", response: { 200: meSchema } },
    },
    async (req) => me(actorOf(req)),
  );

  app.patch(
    "/auth/me",
    {
      config: { policy: policy.authenticated() },
      schema: { tags, summary: "Change one's own name or language", body: updateMeSchema, response: { 200: meSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      if (Object.keys(req.body).length > 0) {
        const mine = and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId));
        await db().transaction(async (tx) => {
          const [before] = await tx
            .select({ name: users.name, locale: users.locale })
            .from(users)
            .where(mine)
            .for("update");
          await tx
            .update(users)
            .set({ ...req.body, updatedAt: new Date(), version: sql`${users.version} + 1` })
            .where(mine);
          // Access reports name a reader as they were called at the time: they read the old name from here.
          const changes = changeSet(before ?? {}, req.body);
          if (Object.keys(changes.after).length > 0)
            await audit(tx, auditContext(req), {
              action: "user.updated",
              subjectType: "user",
              subjectId: actor.userId,
              details: changes,
            });
        });
      }
      return me({ ...actor, ...req.body });
    },
  );

  app.post(
    "/auth/password",
    {
      config: { policy: policy.authenticated() },
      schema: { tags, summary: "Change one's own password; ends all other sessions", body: changePasswordSchema },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const [user] = await db()
        .select()
        .from(users)
        .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
      if (!user || !(await verifyPassword(user.passwordHash, req.body.currentPassword))) {
        throw new AppError("validation-error", "The current password is wrong", {
          errors: [{ path: "currentPassword", message: "Wrong password" }],
        });
      }
      const passwordHash = await hashPassword(req.body.newPassword);
      await db().transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, updatedAt: new Date(), version: sql`${users.version} + 1` })
          .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
        await deleteUserSessions(tx, actor.tenantId, actor.userId);
        const s = await createSession(tx, user, actor.secondFactorDone, timeouts);
        setCookie(req, reply, s.token);
        await audit(tx, auditContext(req), {
          action: "user.updated",
          subjectType: "user",
          subjectId: actor.userId,
          details: { after: { passwordHash: "[secret]" } },
        });
      });
      return reply.code(204).send();
    },
  );

  app.post(
    "/auth/totp/setup",
    {
      config: { policy: policy.authenticated({ beforeSecondFactor: true }) },
      schema: {
        tags,
        summary: "Start TOTP enrolment: a new secret and its QR code",
        response: { 200: totpSetupSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (actor.totpEnabled) throw new AppError("conflict", "Two-factor authentication is already set up");
      const secret = newTotpSecret();
      await db()
        .update(users)
        .set({ totpSecret: secret })
        .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
      return totpEnrolment(secret, actor.email);
    },
  );

  app.post(
    "/auth/totp/confirm",
    {
      config: { policy: policy.authenticated({ beforeSecondFactor: true }) },
      schema: {
        tags,
        summary: "Finish TOTP enrolment with a code from the app",
        body: totpConfirmSchema,
        response: { 200: meSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (actor.totpEnabled) throw new AppError("conflict", "Two-factor authentication is already set up");
      const [user] = await db()
        .select()
        .from(users)
        .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
      if (!user?.totpSecret) throw new AppError("conflict", "Start the enrolment first (POST /auth/totp/setup)");
      const step = await checkTotp(user.totpSecret, req.body.code);
      if (step === undefined) {
        throw new AppError("invalid-totp", "The code does not match. Check the time on your phone and try again.", {
          errors: [{ path: "code", message: "Wrong code" }],
        });
      }
      await db().transaction(async (tx) => {
        await tx
          .update(users)
          .set({ totpEnabledAt: new Date(), totpLastStep: step, version: sql`${users.version} + 1` })
          .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
        await markSecondFactorDone(tx, actor.sessionId);
        await audit(tx, auditContext(req), {
          action: "auth.totp.enrolled",
          subjectType: "user",
          subjectId: actor.userId,
        });
      });
      return me({ ...actor, secondFactorDone: true, totpEnabled: true });
    },
  );

  async function me(actor: Actor) {
    const [row] = await db()
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
}
