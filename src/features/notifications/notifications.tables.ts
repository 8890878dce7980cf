import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../../platform/identity/identity.tables.js";

export const notificationKinds = [
  "referral.received",
  "referral.accepted",
  "referral.declined",
  "referral.completed",
  "referral.withdrawn",
  "referral.overdue",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * Where a notification leads its recipient, decided per recipient when it is created: the subject
 * itself, the referral deadline figures (for admins who may not open the referral), or nowhere
 * (the notification's own sentence is all there is).
 */
export const notificationTargets = ["subject", "referral_sla", "none"] as const;
export type NotificationTarget = (typeof notificationTargets)[number];

/**
 * An in-app notification for one user. It carries no personal data: the kind, the subject it
 * links to and neutral parameters (service code, organisation names); the linked page applies
 * the access rule when opened.
 */
export const notifications = pgTable(
  "notifications",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").$type<NotificationKind>().notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    target: text("target").$type<NotificationTarget>().notNull().default("subject"),
    params: jsonb("params").$type<Record<string, string | number | null>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("notifications_user_idx").on(t.tenantId, t.userId, t.createdAt),
  ],
);
