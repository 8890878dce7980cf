// The in-app inbox: a user's own notifications, unread count, mark read.
import { and, count, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { type App, actorOf } from "../../platform/http/context.js";
import { AppError } from "../../platform/http/errors.js";
import { cursorPart, decodeCursor, listQuery, listResponse, page } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { notificationKinds, notifications, notificationTargets } from "./notifications.tables.js";

const tags = ["notifications"];

const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(notificationKinds),
    subjectType: z.string(),
    subjectId: z.uuid(),
    /**
     * Where the notification leads you: `subject` — the subject's page (a referral: `/referrals/{subjectId}`);
     * `referral_sla` — the referral deadline figures (you may not open the referral itself); `none` — nowhere.
     */
    target: z.enum(notificationTargets),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    createdAt: z.date(),
    readAt: z.date().nullable(),
  })
  .meta({ id: "Notification" });

const listNotificationsQuery = z.strictObject({
  ...listQuery,
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

export async function notificationsRoutes(app: App) {
  const db = () => app.deps.database.db;

  app.get(
    "/notifications",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "Your notifications, newest first",
        querystring: listNotificationsQuery,
        response: { 200: listResponse(notificationSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const after = decodeCursor(req.query.cursor, z.tuple([cursorPart.timestamp, cursorPart.uuid]));
      const rows = await db()
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.tenantId, actor.tenantId),
            eq(notifications.userId, actor.userId),
            req.query.unread ? isNull(notifications.readAt) : undefined,
            after
              ? or(
                  lt(notifications.createdAt, new Date(after[0])),
                  and(eq(notifications.createdAt, new Date(after[0])), lt(notifications.id, after[1])),
                )
              : undefined,
          ),
        )
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(req.query.limit + 1);
      return page(rows, req.query.limit, (r) => [r.createdAt.toISOString(), r.id]);
    },
  );

  app.get(
    "/notifications/unread-count",
    {
      config: { policy: policy.authenticated() },
      schema: {
        tags,
        summary: "How many of your notifications are unread",
        response: { 200: z.object({ count: z.number() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const [row] = await db()
        .select({ n: count() })
        .from(notifications)
        .where(
          and(
            eq(notifications.tenantId, actor.tenantId),
            eq(notifications.userId, actor.userId),
            isNull(notifications.readAt),
          ),
        );
      return { count: Number(row?.n ?? 0) };
    },
  );

  app.post(
    "/notifications/:id/read",
    {
      config: { policy: policy.authenticated() },
      schema: { tags, summary: "Mark one of your notifications read", params: uuidParam, response: { 204: z.null() } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const updated = await db()
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(
          and(
            eq(notifications.tenantId, actor.tenantId),
            eq(notifications.userId, actor.userId),
            eq(notifications.id, req.params.id),
          ),
        )
        .returning({ id: notifications.id });
      if (updated.length === 0) throw new AppError("not-found", "Notification not found");
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/notifications/read-all",
    {
      config: { policy: policy.authenticated() },
      schema: { tags, summary: "Mark all your notifications read", response: { 204: z.null() } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await db()
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(
          and(
            eq(notifications.tenantId, actor.tenantId),
            eq(notifications.userId, actor.userId),
            isNull(notifications.readAt),
          ),
        );
      return reply.code(204).send(null);
    },
  );
}
