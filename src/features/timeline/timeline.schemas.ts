import { z } from "zod";
import { categories } from "../../platform/domain-categories.js";
import { recordKindNames } from "../records/record-kinds.js";

export const timelineEntrySchema = z
  .object({
    type: z.enum(["record", "document", "case"]),
    id: z.uuid(),
    at: z.date(),
    category: z.enum(categories),
    organisationId: z.uuid(),
    kind: z.enum(recordKindNames).optional(),
    summary: z.string(),
    validFrom: z.string().nullable().optional(),
    action: z.string().optional(),
    mediaType: z.string().optional(),
  })
  .meta({ id: "TimelineEntry" });

export const timelineQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

export const timelineSchema = z.object({ items: z.array(timelineEntrySchema), nextCursor: z.string().nullable() });
