// The in-app inbox: the signed-in user's notifications (no personal data: kind, subject, neutral params).
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { client, type Schemas, unwrap } from "../../app/api-client";

export type Notification = Schemas["Notification"];
export type NotificationKind = Notification["kind"];
export const notificationKinds = [
  "referral.received",
  "referral.accepted",
  "referral.declined",
  "referral.completed",
  "referral.withdrawn",
  "referral.overdue",
] as const satisfies NotificationKind[];

export const unreadCountKey = ["notifications", "unread-count"] as const;

export const unreadCountQuery = queryOptions({
  queryKey: unreadCountKey,
  queryFn: () => unwrap(client.GET("/api/v1/notifications/unread-count")),
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
  staleTime: 30_000,
});

export const notificationsQuery = (unread: boolean) =>
  infiniteQueryOptions({
    queryKey: ["notifications", "list", { unread }],
    queryFn: ({ pageParam }) =>
      unwrap(
        client.GET("/api/v1/notifications", {
          params: { query: { unread: unread ? "true" : undefined, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const notificationsApi = {
  read: (id: string) => unwrap(client.POST("/api/v1/notifications/{id}/read", { params: { path: { id } } })),
  readAll: () => unwrap(client.POST("/api/v1/notifications/read-all")),
};
