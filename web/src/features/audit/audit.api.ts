import { infiniteQueryOptions } from "@tanstack/react-query";
import { api, type Page } from "../../app/api-client";

export type AuditEvent = {
  id: number;
  occurredAt: string;
  action: string;
  requestId: string | null;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  actorRole: string | null;
  /** Not sent by the server yet; shown when present (the DPO cannot list users to resolve names). */
  actorName?: string | null;
  subjectType: string | null;
  subjectId: string | null;
  personId: string | null;
  categories: string[];
  purpose: string | null;
  grounds: unknown[];
  details: Record<string, unknown>;
  seq: number | null;
  hash: string | null;
};

export type AuditFilters = {
  action?: string;
  userId?: string;
  organisationId?: string;
  personId?: string;
  from?: string;
  to?: string;
};

export type VerifyResult = { ok: boolean; checked: number; firstBrokenId?: number; pending: number };

export const auditQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ["audit", "list", filters],
    queryFn: ({ pageParam }) => api.get<Page<AuditEvent>>("/audit", { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const auditApi = {
  verify: () => api.get<VerifyResult>("/audit/verify"),
};
