// The base of the route tree, shared by the router and the features' own route files: the root
// route, the signed-in `_app` route with its guard, and small helpers for search params and guards.
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, Outlet, redirect } from "@tanstack/react-router";
import { type ComponentType, Suspense } from "react";
import { type Abilities, meQuery, useMe } from "../features/auth/auth.api";
import { AppFrame } from "./app-frame";
import { PageLoader } from "./page";
import { ForbiddenPage, NotFoundPage } from "./status-pages";

export type Search = Record<string, unknown>;
export const text = (v: unknown, max = 200) => (typeof v === "string" && v.trim() !== "" ? v.slice(0, max) : undefined);
export const oneOf = <T extends string>(list: readonly T[], v: unknown) =>
  list.includes(v as T) ? (v as T) : undefined;
export const flag = (v: unknown) => (v === true || v === "true" || v === "1" ? true : undefined);

export function guarded(check: (a: Abilities) => boolean, Page: ComponentType) {
  return function Guarded() {
    const me = useMe();
    if (!check(me.abilities)) return <ForbiddenPage />;
    return (
      <Suspense fallback={<PageLoader />}>
        <Page />
      </Suspense>
    );
  };
}

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "_app",
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: "/login", search: { redirect: location.href } });
    if (me.secondFactor === "enrol") throw redirect({ to: "/two-factor/setup" });
  },
  component: () => (
    <AppFrame>
      <Outlet />
    </AppFrame>
  ),
});
