// The typed record kinds (the API reference lists each kind's data): each with its category, its own zod schema,
// German and English labels, and the fields whose codes come from a code list held as data.
import { z } from "zod";
import type { Category } from "../../platform/domain-categories.js";
import { fullDate, partialDate } from "../../platform/reference/partial-date.js";
import { isCountryCode } from "../../platform/reference/reference-data.js";

const code = z.string().trim().min(1).max(60);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export type RecordKindDefinition = {
  category: Category;
  schema: z.ZodObject;
  label: { de: string; en: string };
  /** field → code list whose codes it takes (checked against the code_list_entries table) */
  codeLists?: Record<string, string>;
};

export const recordKinds = {
  residence_status: {
    category: "residence",
    label: { de: "Aufenthaltsstatus", en: "Residence status" },
    codeLists: { type: "residence_status_type", paragraph: "residence_paragraph" },
    schema: z.strictObject({
      type: code,
      paragraph: code.nullish(),
      issuedOn: fullDate.nullish(),
      validUntil: fullDate.nullish(),
      workPermitted: z.boolean().nullish(),
      residenceObligation: z.boolean().nullish(),
    }),
  },
  benefit: {
    category: "benefits",
    label: { de: "Sozialleistung", en: "Benefit" },
    codeLists: { type: "benefit_type" },
    schema: z.strictObject({
      type: code,
      status: z.enum(["applied", "granted", "rejected", "ended"]),
      providerOrganisationId: z.uuid().nullish(),
      from: partialDate.nullish(),
      to: partialDate.nullish(),
    }),
  },
  childcare_place: {
    category: "childcare",
    label: { de: "Kita-Platz", en: "Childcare place" },
    schema: z.strictObject({
      status: z.enum(["applied", "offered", "attending", "ended"]),
      facility: optionalText(200),
      appliedOn: partialDate.nullish(),
      startOn: partialDate.nullish(),
    }),
  },
  school_enrollment: {
    category: "school",
    label: { de: "Schulanmeldung", en: "School enrolment" },
    schema: z.strictObject({
      school: text(200),
      classType: z.enum(["regular", "international"]),
      grade: z.number().int().min(1).max(13).nullish(),
      startOn: partialDate.nullish(),
    }),
  },
  course_enrollment: {
    category: "education",
    label: { de: "Kursteilnahme", en: "Course enrolment" },
    codeLists: { courseType: "course_type", level: "language_level" },
    schema: z.strictObject({
      courseType: code,
      basis: z.enum(["entitlement", "obligation"]).nullish(),
      level: code.nullish(),
      provider: optionalText(200),
      startOn: partialDate.nullish(),
      endOn: partialDate.nullish(),
      result: optionalText(100),
    }),
  },
  qualification: {
    category: "education",
    label: { de: "Qualifikation", en: "Qualification" },
    schema: z.strictObject({
      title: text(200),
      country: z.string().refine(isCountryCode, "Unknown ISO 3166 alpha-3 country code"),
      recognition: z.enum(["none", "pending", "partial", "full"]),
    }),
  },
  employment: {
    category: "work",
    label: { de: "Beschäftigung", en: "Employment" },
    schema: z.strictObject({
      status: z.enum(["job_seeking", "employed", "training", "not_available"]),
      registeredAt: z.enum(["agentur", "jobcenter"]).nullish(),
      employer: optionalText(200),
      since: partialDate.nullish(),
    }),
  },
  housing: {
    category: "housing",
    label: { de: "Wohnen", en: "Housing" },
    schema: z.strictObject({
      type: z.enum(["shared_accommodation", "own_flat", "other"]),
      address: optionalText(300),
      since: partialDate.nullish(),
    }),
  },
  health_note: {
    category: "health",
    label: { de: "Gesundheitsnotiz", en: "Health note" },
    schema: z.strictObject({ text: text(10_000) }),
  },
  family_note: {
    category: "family",
    label: { de: "Familiennotiz", en: "Family note" },
    schema: z.strictObject({ text: text(10_000) }),
  },
  note: {
    category: "notes",
    label: { de: "Vermerk", en: "Casework note" },
    schema: z.strictObject({ text: text(10_000) }),
  },
} satisfies Record<string, RecordKindDefinition>;

export type RecordKind = keyof typeof recordKinds;
export const recordKindNames = Object.keys(recordKinds) as [RecordKind, ...RecordKind[]];

export function kindDefinition(kind: string): RecordKindDefinition | undefined {
  return (recordKinds as Record<string, RecordKindDefinition>)[kind];
}

/** A one-line summary for lists and the timeline (no free text beyond 120 characters). */
export function summarise(kind: string, data: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of [
    "type",
    "paragraph",
    "status",
    "classType",
    "school",
    "courseType",
    "level",
    "title",
    "facility",
    "employer",
    "validUntil",
    "text",
  ]) {
    const v = data[key];
    if (v !== undefined && v !== null && v !== "") parts.push(String(v));
  }
  const s = parts.join(" · ");
  return s.length > 120 ? `${s.slice(0, 117)}…` : s || kind;
}
