import { z } from "zod";
import type { App } from "../../platform/http/context.js";
import { policy } from "../../platform/http/policy.js";

const tags = ["operations"];

export async function healthRoutes(app: App) {
  app.get(
    "/health",
    {
      config: { policy: policy.public },
      schema: {
        tags,
        summary: "Liveness: the process answers",
        security: [],
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/ready",
    {
      config: { policy: policy.public },
      schema: {
        tags,
        summary: "Readiness: database reachable and migrations applied",
        security: [],
        response: {
          200: z.object({ status: z.literal("ready"), database: z.string() }),
          503: z.object({ status: z.literal("unavailable"), reason: z.string() }),
        },
      },
    },
    async (_req, reply) => {
      const { database } = app.deps;
      try {
        await database.ping();
        if (!(await database.migrationsApplied())) {
          return reply.code(503).send({ status: "unavailable" as const, reason: "migrations pending" });
        }
        return { status: "ready" as const, database: database.kind };
      } catch {
        return reply.code(503).send({ status: "unavailable" as const, reason: "database unreachable" });
      }
    },
  );
}
