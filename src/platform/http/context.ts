import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AuditContext } from "../audit/audit.js";
import type { Actor } from "../auth/actor.js";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import type { Storage } from "../storage/storage.js";
import { AppError } from "./errors.js";

export type Deps = { database: Database; config: Config; storage: Storage };

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module "fastify" {
  interface FastifyInstance {
    deps: Deps;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

/** The signed-in actor of a request whose policy demands one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError("unauthenticated");
  return req.actor;
}

export function auditContext(req: FastifyRequest): AuditContext {
  return { requestId: req.id, actor: req.actor };
}
