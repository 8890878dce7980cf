// The data-protection officer's reads: persons for an access request, a person's access report.
import { queryOptions } from "@tanstack/react-query";
import { client, type ResponseOf, type Schemas, unwrap } from "../../app/api-client";

export type DpoPerson = ResponseOf<"/api/v1/dpo/persons", "get">["items"][number];

export const groundTypes = ["ownership", "lead_organisation", "consent", "referral", "legal_basis"] as const;
export type GroundType = (typeof groundTypes)[number];
// openapi.json leaves a ground open (`unknown`: the access-log route's schema does not name it), so
// its shape is written down here, as the access rule records it (`Ground` in src/platform/access/person-access.ts).
export type Ground = { type: GroundType; consentId?: string; referralId?: string; legalBasisId?: string };

export type AccessEntry = Omit<Schemas["AccessLogEntry"], "grounds"> & { grounds: Ground[] };

export const dpoPersonsQuery = (q: string) =>
  queryOptions({
    queryKey: ["dpo", "persons", q],
    queryFn: () => unwrap(client.GET("/api/v1/dpo/persons", { params: { query: { q } } })),
    // Every search writes audit rows: ask again only when the officer searches again.
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The access report: whom it is about and who saw what. */
export type AccessReport = Omit<ResponseOf<"/api/v1/persons/{id}/access-log", "get">, "items"> & {
  items: AccessEntry[];
};

export const accessLogQuery = (personId: string) =>
  queryOptions({
    queryKey: ["dpo", "access-log", personId],
    queryFn: async (): Promise<AccessReport> =>
      (await unwrap(
        client.GET("/api/v1/persons/{id}/access-log", { params: { path: { id: personId } } }),
      )) as AccessReport,
  });

export const exportUrl = (personId: string, format: "json" | "html", lang?: "de" | "en") =>
  `/api/v1/persons/${personId}/export?format=${format}${lang ? `&lang=${lang}` : ""}`;
