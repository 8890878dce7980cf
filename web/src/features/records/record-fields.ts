// The fields of each record kind, mirroring the zod schemas of src/features/records/record-kinds.ts:
// which input to show, whether it is required, and where its options come from.

export type FieldSpec =
  | { name: string; type: "code"; list: string; required?: boolean; dependsOn?: { field: string; attribute: string } }
  | { name: string; type: "enum"; options: readonly string[]; required?: boolean }
  | { name: string; type: "text"; max: number; required?: boolean; multiline?: boolean }
  | { name: string; type: "fullDate" }
  | { name: string; type: "partialDate" }
  | { name: string; type: "boolean" }
  | { name: string; type: "organisation" }
  | { name: string; type: "country"; required?: boolean }
  | { name: string; type: "int"; min: number; max: number };

export const recordFields: Record<string, FieldSpec[]> = {
  residence_status: [
    { name: "type", type: "code", list: "residence_status_type", required: true },
    {
      name: "paragraph",
      type: "code",
      list: "residence_paragraph",
      dependsOn: { field: "type", attribute: "statusType" },
    },
    { name: "issuedOn", type: "fullDate" },
    { name: "validUntil", type: "fullDate" },
    { name: "workPermitted", type: "boolean" },
    { name: "residenceObligation", type: "boolean" },
  ],
  benefit: [
    { name: "type", type: "code", list: "benefit_type", required: true },
    { name: "status", type: "enum", options: ["applied", "granted", "rejected", "ended"], required: true },
    { name: "providerOrganisationId", type: "organisation" },
    { name: "from", type: "partialDate" },
    { name: "to", type: "partialDate" },
  ],
  childcare_place: [
    { name: "status", type: "enum", options: ["applied", "offered", "attending", "ended"], required: true },
    { name: "facility", type: "text", max: 200 },
    { name: "appliedOn", type: "partialDate" },
    { name: "startOn", type: "partialDate" },
  ],
  school_enrollment: [
    { name: "school", type: "text", max: 200, required: true },
    { name: "classType", type: "enum", options: ["regular", "international"], required: true },
    { name: "grade", type: "int", min: 1, max: 13 },
    { name: "startOn", type: "partialDate" },
  ],
  course_enrollment: [
    { name: "courseType", type: "code", list: "course_type", required: true },
    { name: "basis", type: "enum", options: ["entitlement", "obligation"] },
    { name: "level", type: "code", list: "language_level" },
    { name: "provider", type: "text", max: 200 },
    { name: "startOn", type: "partialDate" },
    { name: "endOn", type: "partialDate" },
    { name: "result", type: "text", max: 100 },
  ],
  qualification: [
    { name: "title", type: "text", max: 200, required: true },
    { name: "country", type: "country", required: true },
    { name: "recognition", type: "enum", options: ["none", "pending", "partial", "full"], required: true },
  ],
  employment: [
    { name: "status", type: "enum", options: ["job_seeking", "employed", "training", "not_available"], required: true },
    { name: "registeredAt", type: "enum", options: ["agentur", "jobcenter"] },
    { name: "employer", type: "text", max: 200 },
    { name: "since", type: "partialDate" },
  ],
  housing: [
    { name: "type", type: "enum", options: ["shared_accommodation", "own_flat", "other"], required: true },
    { name: "address", type: "text", max: 300 },
    { name: "since", type: "partialDate" },
  ],
  health_note: [{ name: "text", type: "text", max: 10_000, required: true, multiline: true }],
  family_note: [{ name: "text", type: "text", max: 10_000, required: true, multiline: true }],
  note: [{ name: "text", type: "text", max: 10_000, required: true, multiline: true }],
};

/** Pairs of date fields that must be in order (the server checks the same). */
export const orderedPairs: Record<string, [string, string][]> = {
  residence_status: [["issuedOn", "validUntil"]],
  benefit: [["from", "to"]],
  course_enrollment: [["startOn", "endOn"]],
};
