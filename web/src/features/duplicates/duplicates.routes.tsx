// The duplicates review page, under the signed-in frame; loaded on demand.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute, guarded } from "../../app/route-base";

const duplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/duplicates",
  component: guarded(
    (a) => a.workWithPersons,
    lazyRouteComponent(() => import("./duplicates-page"), "DuplicatesPage"),
  ),
});

export const duplicatesRoutes = [duplicatesRoute] as const;
