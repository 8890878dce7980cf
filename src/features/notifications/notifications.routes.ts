// The in-app inbox: a user's own notifications, unread count, mark read.
import { z } from "zod";
import { type App, actorOf } from "../../platform/http/context.js";
import { listQuery, listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { markAllNotificationsRead, markNotificationRead } from "./notifications.commands.js";
import { listNotifications, unreadCount } from "./notifications.queries.js";
import { notificationKinds, notificationTargets } from "./notifications.tables.js";

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
    async (req) => listNotifications(db(), actorOf(req), req.query),
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
    async (req) => unreadCount(db(), actorOf(req)),
  );

  app.post(
    "/notifications/:id/read",
    {
      config: { policy: policy.authenticated() },
      schema: { tags, summary: "Mark one of your notifications read", params: uuidParam, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await markNotificationRead(db(), actorOf(req), req.params.id);
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
      await markAllNotificationsRead(db(), actorOf(req));
      return reply.code(204).send(null);
    },
  );
}
