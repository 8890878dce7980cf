// The in-app inbox: a user's own notifications, unread count, mark read.
import { z } from "zod";
import { type App, actorOf } from "../../platform/http/context.js";
import { listResponse } from "../../platform/http/pagination.js";
import { policy } from "../../platform/http/policy.js";
import { uuidParam } from "../../platform/http/schemas.js";
import { markAllNotificationsRead, markNotificationRead } from "./notifications.commands.js";
import { listNotifications, unreadCount } from "./notifications.queries.js";
import { listNotificationsQuery, notificationSchema } from "./notifications.schemas.js";

const tags = ["notifications"];

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
