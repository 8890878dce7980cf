// Idempotency-Key on POST: the first response (2xx or 4xx) is stored per user and key for 24 hours
// and replayed for a repeat of the same request; the same key with another request answers 422,
// and a repeat while the first is still running answers 409.
import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/client.js";
import { AppError } from "./errors.js";
import { idempotencyKeys } from "./idempotency.tables.js";

const keyPattern = /^[\w.:-]{1,200}$/;
const retentionHours = 24;

declare module "fastify" {
  interface FastifyRequest {
    idempotency?: { tenantId: string; userId: string; key: string };
  }
}

export async function idempotencyPreHandler(db: Db, req: FastifyRequest, reply: FastifyReply) {
  const key = req.headers["idempotency-key"];
  if (req.method !== "POST" || key === undefined || !req.actor) return;
  if (typeof key !== "string" || !keyPattern.test(key)) {
    throw new AppError("validation-error", "Idempotency-Key must be 1–200 letters, digits or . _ : -", {
      errors: [{ path: "headers.idempotency-key", message: "Invalid key" }],
    });
  }
  const { tenantId, userId } = req.actor;
  const requestHash = createHash("sha256")
    .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
    .digest("hex");
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ tenantId, userId, key, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) {
    req.idempotency = { tenantId, userId, key };
    return;
  }
  const [existing] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)),
    );
  if (!existing) throw new AppError("conflict", "Idempotency-Key is being processed; retry");
  if (existing.requestHash !== requestHash) {
    throw new AppError("validation-error", "This Idempotency-Key was used for a different request", {
      errors: [{ path: "headers.idempotency-key", message: "Reused with a different request" }],
    });
  }
  if (existing.statusCode === null)
    throw new AppError("conflict", "The first request with this Idempotency-Key is still running");
  return (
    reply
      .code(existing.statusCode)
      .header("idempotent-replayed", "true")
      .type(existing.statusCode >= 400 ? "application/problem+json" : "application/json")
      // A string goes out as it is: the stored body is already the serialized response.
      .send(JSON.stringify(existing.responseBody))
  );
}

/** Stores the outcome of the first request; a 5xx frees the key so the client can retry. */
export async function idempotencyOnSend(db: Db, req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const id = req.idempotency;
  if (!id) return;
  const where = and(
    eq(idempotencyKeys.tenantId, id.tenantId),
    eq(idempotencyKeys.userId, id.userId),
    eq(idempotencyKeys.key, id.key),
  );
  if (reply.statusCode >= 500 || typeof payload !== "string") {
    await db.delete(idempotencyKeys).where(where);
    return;
  }
  let body: unknown = null;
  try {
    body = payload === "" ? null : JSON.parse(payload);
  } catch {
    body = null;
  }
  await db.update(idempotencyKeys).set({ statusCode: reply.statusCode, responseBody: body }).where(where);
}

export async function purgeIdempotencyKeys(db: Db) {
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${retentionHours})`));
}
