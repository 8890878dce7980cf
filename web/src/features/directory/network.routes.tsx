// Routes of the cooperation network (directory, settings, notifications, referrals, SLA figures),
// under the signed-in frame; the pages load on demand.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { OrganisationType } from "../../app/domain";
import { appRoute, flag, guarded, oneOf, type Search, text } from "../../app/route-base";

// "open" (sent and accepted: the inbox's default) and "all" besides the single statuses.
const statuses = ["open", "all", "sent", "accepted", "declined", "completed", "withdrawn"] as const;
const isoDay = (v: unknown) => {
  const s = text(v, 10);
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined;
};

/** Pages for some roles only (the server decides again; this keeps others from a page of errors). */
const directoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/directory",
  validateSearch: (
    s: Search,
  ): {
    q?: string;
    service?: string;
    language?: string;
    type?: OrganisationType;
    status?: "inactive" | "all";
  } => ({
    q: text(s.q, 100),
    service: text(s.service, 60),
    language: text(s.language, 3),
    type: text(s.type, 40) as OrganisationType | undefined,
    status: oneOf(["inactive", "all"] as const, s.status),
  }),
  component: guarded(
    () => true,
    lazyRouteComponent(() => import("./directory-page"), "DirectoryPage"),
  ),
});

const entryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/directory/$organisationId",
  component: guarded(
    () => true,
    lazyRouteComponent(() => import("./entry-page"), "EntryPage"),
  ),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/settings",
  component: guarded(
    (a) => a.manageSettings,
    lazyRouteComponent(() => import("../settings/settings-page"), "SettingsPage"),
  ),
});

const jobsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/jobs",
  component: guarded(
    (a) => a.manageSettings,
    lazyRouteComponent(() => import("../jobs/jobs-page"), "JobsPage"),
  ),
});

const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/notifications",
  validateSearch: (s: Search): { all?: boolean } => ({ all: flag(s.all) }),
  component: guarded(
    () => true,
    lazyRouteComponent(() => import("../notifications/notifications-page"), "NotificationsPage"),
  ),
});

const referralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/referrals",
  validateSearch: (
    s: Search,
  ): { direction?: "incoming" | "outgoing"; status?: (typeof statuses)[number]; due?: "soon" | "overdue" } => ({
    direction: oneOf(["incoming", "outgoing"] as const, s.direction),
    status: oneOf(statuses, s.status),
    due: oneOf(["soon", "overdue"] as const, s.due),
  }),
  component: guarded(
    (a) => a.workWithPersons,
    lazyRouteComponent(() => import("../referrals/referrals-page"), "ReferralsPage"),
  ),
});

const referralRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/referrals/$referralId",
  component: guarded(
    (a) => a.workWithPersons,
    lazyRouteComponent(() => import("../referrals/referral-page"), "ReferralPage"),
  ),
});

const slaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/reports/referrals",
  validateSearch: (s: Search): { from?: string; to?: string } => ({ from: isoDay(s.from), to: isoDay(s.to) }),
  component: guarded(
    (a) => a.viewReferralReports,
    lazyRouteComponent(() => import("../referrals/sla-page"), "SlaPage"),
  ),
});

export const networkRoutes = [
  directoryRoute,
  entryRoute,
  settingsRoute,
  jobsRoute,
  notificationsRoute,
  referralsRoute,
  referralRoute,
  slaRoute,
] as const;
