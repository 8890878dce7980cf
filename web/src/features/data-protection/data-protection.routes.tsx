// Routes of consents' print view and the data-protection tools (access reports, Art. 15 exports,
// legal bases, cooperation agreements), under the signed-in frame; the pages load on demand.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute, flag, guarded, oneOf, type Search, text } from "../../app/route-base";
import { type FormLanguage, formLanguages } from "../consents/consents.api";

const uuid = (v: unknown) => {
  const s = text(v, 40);
  return s && /^[0-9a-f-]{36}$/i.test(s) ? s : undefined;
};

const consentPrintRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/persons/$personId/consents/print",
  validateSearch: (
    s: Search,
  ): {
    language?: FormLanguage;
    consentId?: string;
    recipients?: string;
    allPartners?: boolean;
    caseManagement?: boolean;
    categories?: string;
    purpose?: string;
    validFrom?: string;
    validUntil?: string;
  } => ({
    language: oneOf<FormLanguage>(formLanguages, s.language),
    consentId: uuid(s.consentId),
    recipients: text(s.recipients, 2000),
    allPartners: flag(s.allPartners),
    caseManagement: flag(s.caseManagement),
    categories: text(s.categories, 300),
    purpose: text(s.purpose, 500),
    validFrom: text(s.validFrom, 10),
    validUntil: text(s.validUntil, 10),
  }),
  component: guarded(
    (a) => a.workWithPersons,
    lazyRouteComponent(() => import("../consents/consent-print-page"), "ConsentPrintPage"),
  ),
});

const dataProtectionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/data-protection",
  validateSearch: (s: Search): { q?: string } => ({ q: text(s.q, 100) }),
  component: guarded(
    (a) => a.dataProtection,
    lazyRouteComponent(() => import("./data-protection-page"), "DataProtectionPage"),
  ),
});

const accessReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/data-protection/persons/$personId",
  validateSearch: (s: Search): { organisationId?: string; ground?: string } => ({
    organisationId: uuid(s.organisationId),
    ground: text(s.ground, 20),
  }),
  component: guarded(
    (a) => a.dataProtection,
    lazyRouteComponent(() => import("./access-report-page"), "AccessReportPage"),
  ),
});

const legalBasesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/legal-bases",
  component: guarded(
    (a) => a.manageLegalBases || a.dataProtection,
    lazyRouteComponent(() => import("../legal-bases/legal-bases-page"), "LegalBasesPage"),
  ),
});

const agreementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/agreements",
  component: guarded(
    (a) => a.manageAgreements,
    lazyRouteComponent(() => import("../agreements/agreements-page"), "AgreementsPage"),
  ),
});

export const dataProtectionRoutes = [
  consentPrintRoute,
  dataProtectionRoute,
  accessReportRoute,
  legalBasesRoute,
  agreementsRoute,
] as const;
