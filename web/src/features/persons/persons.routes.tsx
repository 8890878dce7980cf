// Routes of the case file (persons, households, records, documents, timeline), under the signed-in frame.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute, guarded, oneOf, type Search, text } from "../../app/route-base";
import { type CaseStatus, type CaseTab, caseStatuses, caseTabs } from "./tabs";

const personsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/persons",
  validateSearch: (s: Search): { q?: string; status?: CaseStatus } => ({
    q: text(s.q, 100),
    status: oneOf<CaseStatus>(caseStatuses, s.status),
  }),
  component: guarded(
    (a) => a.workWithPersons,
    lazyRouteComponent(() => import("./persons-page"), "PersonsPage"),
  ),
});

const personNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/persons/new",
  validateSearch: (s: Search): { householdId?: string } => ({ householdId: text(s.householdId, 40) }),
  component: guarded(
    (a) => a.registerPersons,
    lazyRouteComponent(() => import("./person-form-page"), "NewPersonPage"),
  ),
});

const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/persons/$personId",
  validateSearch: (s: Search): { tab?: CaseTab } => ({ tab: oneOf<CaseTab>(caseTabs, s.tab) }),
  component: guarded(
    (a) => a.workWithPersons,
    lazyRouteComponent(() => import("./case-file-page"), "CaseFilePage"),
  ),
});

const personEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/persons/$personId/edit",
  component: guarded(
    (a) => a.workWithPersons,
    lazyRouteComponent(() => import("./person-form-page"), "EditPersonPage"),
  ),
});

export const personRoutes = [personsRoute, personNewRoute, personRoute, personEditRoute] as const;
