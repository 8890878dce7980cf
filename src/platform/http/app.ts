// Builds the Fastify application: plugins, the policy gate, problem+json errors, the API
// description, the web app, and every feature's routes.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyError,
  type FastifyLoggerOptions,
  type FastifyReply,
  type FastifyRequest,
  LogController,
  type RouteOptions,
} from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { actorFromSessionToken, sessionCookieName } from "../auth/sessions.js";
import type { Config } from "../config.js";
import type { App, Deps } from "./context.js";
import { AppError, malformedMultipart, toProblem } from "./errors.js";
import { idempotencyOnSend, idempotencyPreHandler } from "./idempotency.js";
import type { Policy } from "./policy.js";
import { ifMatchVersion } from "./schemas.js";
import { fieldErrors, textFieldErrors } from "./validation.js";

export type RegisteredRoute = {
  method: string;
  url: string;
  policy: Policy;
  hasBody: boolean;
  /** The route's schemas (zod), for tests that walk every route. */
  schema: RouteOptions["schema"];
};
export type Feature = (app: App) => Promise<void> | void;

const stateChanging = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// Routes registered by plugins (API reference UI, static files) are public by construction.
const pluginRoutePrefixes = ["/api/docs"];

export const webRoot = (() => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of ["../../../dist/web", "../../../../dist/web", "../../web"]) {
    const dir = path.resolve(here, candidate);
    if (fs.existsSync(path.join(dir, "index.html"))) return dir;
  }
  return undefined;
})();

// The web app's entry page, read once: every route of the web app answers with it.
const indexHtml = webRoot ? fs.readFileSync(path.join(webRoot, "index.html")) : undefined;
const sendIndex = (reply: FastifyReply) =>
  reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(indexHtml);

/**
 * Under `npm start` (demo mode) the terminal is for the start banner and what goes wrong, not a
 * line per request: Fastify's request lines go to `debug` (STRANG_LOG_LEVEL=debug shows them);
 * failed requests still log as errors.
 */
class DebugRequestLog extends LogController {
  override incomingRequest(request: FastifyRequest) {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, "incoming request");
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (error) return super.requestCompleted(error, request, reply);
    if (!this.isLogDisabled(request)) {
      reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, "request completed");
    }
  }
}

export async function buildApp(
  deps: Deps,
  features: { prefix: string; plugin: Feature }[],
  /** logStream: where the log goes instead of stdout (tests read it). */
  options: { logger?: boolean; logStream?: FastifyLoggerOptions["stream"] } = {},
): Promise<App & { registeredRoutes: RegisteredRoute[] }> {
  const { config } = deps;
  const fastify = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            // Never log personal data: no bodies, no query strings, no cookies or auth headers.
            serializers: {
              req: (req) => ({ method: req.method, route: req.routeOptions?.url, id: req.id }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
            redact: ["req.headers.cookie", "req.headers.authorization"],
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    ...(config.demo ? { logController: new DebugRequestLog() } : {}),
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: config.maxBodyBytes,
    trustProxy: trustProxyOption(config.trustProxy),
    routerOptions: { maxParamLength: 200 },
    // Fastify answers a path it cannot decode (a percent-encoding that is no UTF-8) or an overlong
    // path parameter itself, in its own JSON: as problems they look like every other 4xx.
    frameworkErrors: (error, req, reply) => {
      const problem =
        error.code === "FST_ERR_BAD_URL" || error.code === "FST_ERR_MAX_PARAM_LENGTH"
          ? new AppError("validation-error", "The path is not a valid URL", {
              errors: [{ path: "url", message: "Not valid percent-encoded UTF-8, or a segment too long" }],
            })
          : new AppError("internal", "An unexpected error occurred. It has been logged.");
      if (problem.status >= 500) req.log.error({ err: error }, "request failed");
      (reply as FastifyReply)
        .code(problem.status)
        .type("application/problem+json")
        .send(toProblem(problem, req.url.split("?")[0]));
    },
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>() as App;
  const registeredRoutes: RegisteredRoute[] = [];

  app.decorate("deps", deps);
  app.decorateRequest("actor", undefined);
  // Fastify hands a left-out body to the validator as null; as undefined, a body schema with a
  // default or .optional() (e.g. POST /consents/{id}/revoke without a reason) accepts it.
  app.setValidatorCompiler((route: Parameters<typeof validatorCompiler>[0]) => {
    const validate = validatorCompiler(route);
    return route.httpPart === "body" ? (data: unknown) => validate(data === null ? undefined : data) : validate;
  });
  app.setSerializerCompiler(serializerCompiler);

  // Empty JSON bodies count as no body (e.g. POST /auth/logout from a generic client).
  const jsonParser = app.getDefaultJsonParser("error", "error");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
    if (body === "" || body === undefined) return done(null, undefined);
    jsonParser(req, body as string, done);
  });

  app.addHook("onRoute", function (route: RouteOptions) {
    const scope = this as unknown as { publicFiles?: boolean };
    const policy = route.config?.policy as Policy | undefined;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!policy) {
      // The web app's static files (registered in a scope marked publicFiles) and plugin routes.
      if (scope.publicFiles || pluginRoutePrefixes.some((p) => route.url.startsWith(p)) || route.url === "/*") {
        route.config = { ...route.config, policy: { kind: "public" } };
        return;
      }
      throw new Error(`Route ${methods.join(",")} ${route.url} declares no policy; refusing to register it`);
    }
    for (const m of methods) {
      if (m === "HEAD") continue;
      registeredRoutes.push({
        method: m,
        url: route.url,
        policy,
        hasBody: Boolean(route.schema?.body),
        schema: route.schema,
      });
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only makes sense behind HTTPS; the proxy in front of Strang sets it.
    hsts: false,
  });

  await app.register(fastifyMultipart, {
    limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, fieldSize: 2000, parts: 12 },
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Strang API",
        version: "1",
        description:
          "Multi-agency case management for municipal immigration and integration work. Errors are RFC 9457 problem documents.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: sessionCookieName },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // The schemas named with .meta({ id }) become components, so that their $refs resolve.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  // The policy gate: authentication, CSRF header, second factor, role.
  app.addHook("onRequest", async (req) => {
    const policy = req.routeOptions.config?.policy as Policy | undefined;
    const token = req.cookies[sessionCookieName];
    if (!policy || policy.kind === "public") {
      if (token && req.routeOptions.url?.startsWith("/api/")) {
        req.actor = await actorFromSessionToken(deps.database.db, token, timeouts(deps));
      }
      return;
    }
    const actor = token ? await actorFromSessionToken(deps.database.db, token, timeouts(deps)) : undefined;
    if (!actor) throw new AppError("unauthenticated");
    req.actor = actor;
    if (stateChanging.has(req.method) && req.headers["x-strang-csrf"] !== "1") {
      throw new AppError("csrf-header-missing", "Send the header X-Strang-CSRF: 1 with every change.");
    }
    if (!actor.secondFactorDone && !policy.beforeSecondFactor) {
      throw new AppError("second-factor-required");
    }
    if (policy.roles && !policy.roles.includes(actor.role)) throw new AppError("forbidden");
  });

  // The multipart parser is registered for the whole app: without this, a form sent to a route
  // that takes JSON would reach it as no body at all. Only routes that consume forms take them.
  app.addHook("preParsing", async (req) => {
    const consumes = (req.routeOptions.schema?.consumes as string[] | undefined) ?? [];
    if (/^multipart\//i.test(req.headers["content-type"] ?? "") && !consumes.includes("multipart/form-data")) {
      throw new AppError("unsupported-media-type", "Send JSON (Content-Type: application/json).");
    }
  });

  // Text PostgreSQL cannot store or compare (NUL, other control characters, unpaired surrogates)
  // is refused here for every route, before any schema or handler sees it: a route cannot forget
  // it, and a refused login says nothing about the account. The same goes for an If-Match that is
  // no version: the header is compared with an int4 column.
  app.addHook("preValidation", async (req) => {
    const errors = [
      ...textFieldErrors(req.params, "params.", "params"),
      ...textFieldErrors(req.query, "query.", "query"),
      ...textFieldErrors(req.body, "", "body"),
    ];
    if (errors.length > 0) {
      throw new AppError("validation-error", errors.map((e) => `${e.path}: ${e.message}`).join("; "), { errors });
    }
    if (stateChanging.has(req.method)) ifMatchVersion(req.headers["if-match"]);
  });

  // A route without a body schema takes no body: anything but none or `{}` is refused, not ignored
  // (a JSON array sent to POST /auth/logout must not sign the user out).
  app.addHook("preValidation", async (req) => {
    const body = req.body;
    if (req.routeOptions.schema?.body || body === undefined || body === null) return;
    if (typeof body === "object" && !Array.isArray(body) && Object.keys(body).length === 0) return;
    throw new AppError("validation-error", "This endpoint takes no body", {
      errors: [{ path: "body", message: "No body expected" }],
    });
  });

  // Idempotency-Key on POST (after validation, so only well-formed requests take a key).
  app.addHook("preHandler", async (req, reply) => idempotencyPreHandler(deps.database.db, req, reply));
  app.addHook("onSend", async (req, reply, payload) => {
    await idempotencyOnSend(deps.database.db, req, reply, payload);
    // What a signed-in user reads through the API may be person data: no cache keeps it, not the
    // browser's and not a shared proxy's (exports and downloads set their own, stricter headers).
    if (req.actor && req.url.startsWith("/api/") && !reply.hasHeader("cache-control")) {
      reply.header("cache-control", "private, no-store");
    }
    return payload;
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) req.log.error({ err: error }, "request failed");
    reply
      .code(appError.status)
      .headers(appError.headers ?? {})
      .type("application/problem+json")
      .send(toProblem(appError, req.url.split("?")[0]));
  });

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split("?")[0] ?? "/";
    if (webRoot && req.method === "GET" && !url.startsWith("/api/") && !path.extname(url)) {
      return sendIndex(reply);
    }
    reply
      .code(404)
      .type("application/problem+json")
      .send(toProblem(new AppError("not-found", `No route ${req.method} ${url}`), url));
  });

  app.get("/api/openapi.json", { config: { policy: { kind: "public" } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  for (const feature of features) {
    await app.register(async (scope) => feature.plugin(scope as App), { prefix: feature.prefix });
  }

  if (webRoot) {
    await app.register(async (files) => {
      files.decorate("publicFiles", true);
      await files.register(fastifyStatic, {
        root: webRoot,
        wildcard: false,
        index: false,
        // index.html is served by "/" and the fallback of the web app's routes (no cache headers of its own).
        globIgnore: ["index.html"],
        // Hashed assets never change; index.html always revalidates.
        setHeaders: (res, file) => {
          res.header(
            "cache-control",
            file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
          );
        },
      });
    });
    app.get("/", { config: { policy: { kind: "public" } }, schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  }

  return Object.assign(app, { registeredRoutes });
}

/**
 * Fastify 5.12 treats a bare hop count as "trust nobody" (it cannot check the nearest peer), so
 * the count becomes a function of the hop: the socket's peer is hop 0, the right-most
 * X-Forwarded-For entry hop 1. A hop count assumes Strang is reachable only through its proxies;
 * addresses are the stricter choice.
 */
function trustProxyOption(trust: Config["trustProxy"]) {
  if (typeof trust !== "number") return trust;
  return (_address: string, hop: number) => hop < trust;
}

const timeouts = (deps: Deps) => ({
  idleMs: deps.config.sessionIdleMs,
  absoluteMs: deps.config.sessionAbsoluteMs,
});

function toAppError(error: FastifyError): AppError {
  const context = error.validationContext;
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = fieldErrors(error.validation, error.validationContext ?? context);
    return new AppError("validation-error", errors.map((e) => `${e.path}: ${e.message}`).join("; "), { errors });
  }
  if (error.validation) {
    const errors = fieldErrors(error.validation, error.validationContext ?? context);
    return new AppError("validation-error", undefined, { errors });
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload-too-large");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("unsupported-media-type", "Send JSON (Content-Type: application/json).");
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("malformed-json", error.message, { errors: [{ path: "body", message: error.message }] });
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return new AppError("unsupported-media-type", "Send multipart/form-data with a boundary.");
    case "FST_PROTO_VIOLATION":
    case "FST_MP_PREMATURE_CLOSE":
      return malformedMultipart();
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new AppError("malformed-json", "The body is not valid JSON", {
        errors: [{ path: "body", message: "Not valid JSON" }],
      });
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return new AppError("malformed-json", "The body is not valid JSON", {
      errors: [{ path: "body", message: "Not valid JSON" }],
    });
  }
  if (error.statusCode === 413) return new AppError("payload-too-large");
  if (error.statusCode === 415) return new AppError("unsupported-media-type");
  if (error.statusCode === 429) return new AppError("rate-limited");
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError("validation-error", error.message, { errors: [{ path: "request", message: error.message }] });
  }
  return new AppError("internal", "An unexpected error occurred. It has been logged.");
}
