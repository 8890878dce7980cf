// The API shapes of the inbox (zod: validation and OpenAPI).
import { z } from "zod";
import { listQuery } from "../../platform/http/pagination.js";
import { notificationKinds, notificationTargets } from "./notifications.tables.js";

export const notificationSchema = z
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

export const listNotificationsQuery = z.strictObject({
  ...listQuery,
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
