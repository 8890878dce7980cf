// The route tree (code-based). Signed-in pages sit under the pathless `_app` route, whose guard
// sends visitors to the sign-in and unfinished enrolments to the TOTP setup. Pages are shown by
// the user's abilities; the administration pages are loaded on demand.
import type { QueryClient } from "@tanstack/react-query";
import { createRoute, createRouter, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { meQuery } from "../features/auth/auth.api";
import { LoginPage } from "../features/auth/login-page";
import { EnrolmentPage, TwoFactorPage } from "../features/auth/two-factor-pages";
import { dataProtectionRoutes } from "../features/data-protection/data-protection.routes";
import { networkRoutes } from "../features/directory/network.routes";
import { duplicatesRoutes } from "../features/duplicates/duplicates.routes";
import { HomePage } from "../features/home/home-page";
import { personRoutes } from "../features/persons/persons.routes";
import { type OrganisationType, organisationTypes, type Role, roles } from "./domain";
import { enableHeadingFocus, PageLoader } from "./page";
import { appRoute, flag, guarded, oneOf, rootRoute, type Search, text } from "./route-base";

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (s: Search): { redirect?: string; signedOut?: boolean; expired?: boolean } => ({
    redirect: text(s.redirect, 500),
    signedOut: flag(s.signedOut),
    expired: flag(s.expired),
  }),
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me?.secondFactor === "done") throw redirect({ to: "/" });
  },
  component: LoginPage,
});

const enrolRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/two-factor/setup",
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: "/login" });
    if (me.secondFactor === "done") throw redirect({ to: "/" });
  },
  component: EnrolmentPage,
});

const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/accessibility",
  component: lazyRouteComponent(
    () => import("../features/accessibility/accessibility-pages"),
    "AccessibilityStatementPage",
  ),
});

const feedbackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/feedback",
  validateSearch: (s: Search): { from?: string } => ({
    from: text(s.from, 500)?.startsWith("/") ? text(s.from, 500) : undefined,
  }),
  component: lazyRouteComponent(() => import("../features/accessibility/accessibility-pages"), "FeedbackPage"),
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: "/", component: HomePage });

// The organisations' administration list became the network directory (one list, one menu
// entry): bookmarks of the old address land there with their filters.
const organisationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/organisations",
  validateSearch: (s: Search): { q?: string; type?: OrganisationType } => ({
    q: text(s.q, 100),
    type: oneOf<OrganisationType>(organisationTypes, s.type),
  }),
  beforeLoad: ({ search }) => {
    throw redirect({ to: "/directory", search: { q: search.q, type: search.type }, replace: true });
  },
});

const organisationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/organisations/new",
  component: guarded(
    (a) => a.manageOrganisations,
    lazyRouteComponent(() => import("../features/organisations/organisation-form-page"), "NewOrganisationPage"),
  ),
});

const organisationEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/organisations/$organisationId",
  component: guarded(
    (a) => a.manageOrganisations,
    lazyRouteComponent(() => import("../features/organisations/organisation-form-page"), "EditOrganisationPage"),
  ),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/users",
  validateSearch: (s: Search): { q?: string; organisationId?: string; role?: Role } => ({
    q: text(s.q, 100),
    organisationId: text(s.organisationId, 40),
    role: oneOf<Role>(roles, s.role),
  }),
  component: guarded(
    (a) => a.manageUsers,
    lazyRouteComponent(() => import("../features/users/users-page"), "UsersPage"),
  ),
});

const userNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/users/new",
  component: guarded(
    (a) => a.manageUsers && a.assignableRoles.length > 0,
    lazyRouteComponent(() => import("../features/users/user-form-page"), "NewUserPage"),
  ),
});

const userEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/users/$userId",
  component: guarded(
    (a) => a.manageUsers,
    lazyRouteComponent(() => import("../features/users/user-form-page"), "EditUserPage"),
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/audit",
  validateSearch: (
    s: Search,
  ): { action?: string; userId?: string; organisationId?: string; personId?: string; from?: string; to?: string } => ({
    action: text(s.action, 60),
    userId: text(s.userId, 40),
    organisationId: text(s.organisationId, 40),
    personId: text(s.personId, 40),
    from: text(s.from, 10),
    to: text(s.to, 10),
  }),
  component: guarded(
    (a) => a.viewAudit,
    lazyRouteComponent(() => import("../features/audit/audit-page"), "AuditPage"),
  ),
});

const passwordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/account/password",
  component: lazyRouteComponent(() => import("../features/auth/password-page"), "PasswordPage"),
});

const twoFactorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/account/two-factor",
  component: TwoFactorPage,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  enrolRoute,
  accessibilityRoute,
  feedbackRoute,
  appRoute.addChildren([
    homeRoute,
    organisationsRoute,
    organisationNewRoute,
    organisationEditRoute,
    usersRoute,
    userNewRoute,
    userEditRoute,
    auditRoute,
    passwordRoute,
    twoFactorRoute,
    ...personRoutes,
    ...dataProtectionRoutes,
    ...networkRoutes,
    ...duplicatesRoutes,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  const router = createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPendingComponent: PageLoader,
    defaultPendingMs: 150,
    scrollRestoration: true,
  });
  // After the first page, every navigation moves focus to the new page's heading.
  const unsubscribe = router.subscribe("onResolved", () => {
    enableHeadingFocus();
    unsubscribe();
  });
  return router;
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
