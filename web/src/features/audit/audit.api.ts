import { infiniteQueryOptions } from "@tanstack/react-query";
import { client, type QueryOf, type ResponseOf, type Schemas, unwrap } from "../../app/api-client";

export type AuditEvent = Schemas["AuditEvent"];
type AuditQuery = QueryOf<"/api/v1/audit", "get">;
export type AuditAction = NonNullable<AuditQuery["action"]>;
/** As the address bar holds them: `action` is any text there (the server refuses an unknown one with 400). */
export type AuditFilters = Omit<AuditQuery, "limit" | "cursor" | "action"> & { action?: string };
export type VerifyResult = ResponseOf<"/api/v1/audit/verify", "get">;

export const auditQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ["audit", "list", filters],
    queryFn: ({ pageParam }) => {
      const query = { ...filters, action: filters.action as AuditAction | undefined, limit: 50, cursor: pageParam };
      return unwrap(client.GET("/api/v1/audit", { params: { query } }));
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const auditApi = {
  verify: () => unwrap(client.GET("/api/v1/audit/verify")),
};
