// Login, logout, the signed-in user, TOTP enrolment and password change.
import type { FastifyReply, FastifyRequest } from "fastify";
import { audit } from "../../platform/audit/audit.js";
import { hashPassword, verifyPassword } from "../../platform/auth/passwords.js";
import { deleteSession, sessionCookieName } from "../../platform/auth/sessions.js";
import { claimLoginAttempt, loginSucceeded, releaseLoginAttempt, throttleKeys } from "../../platform/auth/throttle.js";
import { checkTotp, newTotpSecret, totpEnrolment } from "../../platform/auth/totp.js";
import { type Role, rolesRequiring2fa } from "../../platform/domain.js";
import { type App, actorOf, auditContext } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { policy } from "../../platform/http/policy.js";
import {
  changeOwnPassword,
  claimTotpStep,
  confirmTotpEnrolment,
  signIn,
  storeTotpSecret,
  updateOwnProfile,
} from "./auth.commands.js";
import { loginAccount, ownUser, presentMe } from "./auth.queries.js";
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
      const account = await loginAccount(db(), email);
      const user = account?.user;
      const passwordOk = await verifyPassword(account?.mayLogIn ? account.user.passwordHash : undefined, password);
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
        // A code already used (replayed) counts as wrong.
        const claimed = step !== undefined && (await claimTotpStep(db(), user, step));
        if (!claimed) {
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
      const session = await db().transaction((tx) => signIn(tx, req.id, user, secondFactor, timeouts));
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
    async (req) => presentMe(db(), actorOf(req)),
  );

  app.patch(
    "/auth/me",
    {
      config: { policy: policy.authenticated() },
      schema: { tags, summary: "Change one's own name or language", body: updateMeSchema, response: { 200: meSchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      if (Object.keys(req.body).length > 0)
        await db().transaction((tx) => updateOwnProfile(tx, actor, auditContext(req), req.body));
      return presentMe(db(), { ...actor, ...req.body });
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
      const user = await ownUser(db(), actor);
      if (!user || !(await verifyPassword(user.passwordHash, req.body.currentPassword))) {
        throw new AppError("validation-error", "The current password is wrong", {
          errors: [{ path: "currentPassword", message: "Wrong password" }],
        });
      }
      const passwordHash = await hashPassword(req.body.newPassword);
      const session = await db().transaction((tx) =>
        changeOwnPassword(tx, actor, auditContext(req), passwordHash, timeouts),
      );
      setCookie(req, reply, session.token);
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
      await storeTotpSecret(db(), actor, secret);
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
      const user = await ownUser(db(), actor);
      if (!user?.totpSecret) throw new AppError("conflict", "Start the enrolment first (POST /auth/totp/setup)");
      const step = await checkTotp(user.totpSecret, req.body.code);
      if (step === undefined) {
        throw new AppError("invalid-totp", "The code does not match. Check the time on your phone and try again.", {
          errors: [{ path: "code", message: "Wrong code" }],
        });
      }
      await db().transaction((tx) => confirmTotpEnrolment(tx, actor, auditContext(req), step));
      return presentMe(db(), { ...actor, secondFactorDone: true, totpEnabled: true });
    },
  );
}
