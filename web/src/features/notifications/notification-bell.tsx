// The bell in the header: the number of unread notifications (polled every minute and when the
// window regains focus), linking to the inbox.

import { IconBell } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { defineStrings, useStrings } from "../../app/strings";
import { unreadCountQuery } from "./notifications.api";
import "./notification-bell.css";

const ns = defineStrings(
  "notificationBell",
  {
    label_one: "Benachrichtigungen, {{count}} ungelesen",
    label_other: "Benachrichtigungen, {{count}} ungelesen",
    none: "Benachrichtigungen, keine ungelesen",
  },
  {
    label_one: "Notifications, {{count}} unread",
    label_other: "Notifications, {{count}} unread",
    none: "Notifications, none unread",
  },
);

export function NotificationBell() {
  const t = useStrings(ns);
  const { data } = useQuery(unreadCountQuery);
  const count = data?.count ?? 0;
  const label = count > 0 ? t("label", { count }) : t("none");
  return (
    <Link
      to="/notifications"
      className="notification-bell"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <IconBell size={22} aria-hidden="true" />
      {count > 0 ? (
        <span className="notification-bell-count" aria-hidden="true">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
