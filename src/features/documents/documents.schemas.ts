import { z } from "zod";
import { categories } from "../../platform/domain-categories.js";

export const documentSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    category: z.enum(categories),
    title: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    ownerOrganisationId: z.uuid(),
    createdAt: z.date(),
  })
  .meta({ id: "Document" });

export const listDocumentsQuery = z.strictObject({ category: z.enum(categories).optional() });

export const downloadQuery = z.strictObject({
  disposition: z.enum(["attachment", "inline"]).default("attachment"),
});
