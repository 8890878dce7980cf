// The in-app inbox: the signed-in user's notifications (no personal data: kind, subject, neutral params).
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, type Page } from "../../app/api-client";

export const notificationKinds = [
  "referral.received",
  "referral.accepted",
  "referral.declined",
  "referral.completed",
  "referral.withdrawn",
  "referral.overdue",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export type Notification = {
  id: string;
  kind: NotificationKind;
  subjectType: string;
  subjectId: string;
  /** Where it leads you, decided by the server for you: the subject, the deadline figures, or nowhere. */
  target: "subject" | "referral_sla" | "none";
  params: Record<string, string | number | null>;
  createdAt: string;
  readAt: string | null;
};

export const unreadCountKey = ["notifications", "unread-count"] as const;

export const unreadCountQuery = queryOptions({
  queryKey: unreadCountKey,
  queryFn: () => api.get<{ count: number }>("/notifications/unread-count"),
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
  staleTime: 30_000,
});

export const notificationsQuery = (unread: boolean) =>
  infiniteQueryOptions({
    queryKey: ["notifications", "list", { unread }],
    queryFn: ({ pageParam }) =>
      api.get<Page<Notification>>("/notifications", { unread: unread ? "true" : undefined, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const notificationsApi = {
  read: (id: string) => api.post<void>(`/notifications/${id}/read`),
  readAll: () => api.post<void>("/notifications/read-all"),
};
