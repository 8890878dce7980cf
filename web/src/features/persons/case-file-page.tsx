// The case file of one person: a header with the key facts and the case actions, and a tab per
// section — overview, the ten life domains, documents, timeline, household and consents.
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { PageLoader, ProblemAlert } from "../../app/page";
import { consentsApi } from "../consents/consents.api";
import { DocumentsTab } from "../documents/documents-tab";
import { HouseholdTab } from "../households/household-tab";
import { DomainTab } from "../records/domain-tab";
import { TimelineTab } from "../timeline/timeline-tab";
import { CaseHeader } from "./case-header";
import { CaseTabs, sectionPickerId } from "./case-tabs";
import "./case-file.css";
import { OverviewTab } from "./overview-tab";
import { type LifeDomain, lifeDomains, type Person, personQuery } from "./persons.api";
import type { CaseTab } from "./tabs";

// The consents panel is built by its own feature; loaded only when its tab is opened.
const ConsentsPanel = lazy(() => import("../consents/consents-panel").then((m) => ({ default: m.ConsentsPanel })));
// The integration plan and the person's referrals come from their features, loaded with their tab.
const PlanTab = lazy(() => import("../plans/plan-tab").then((m) => ({ default: m.PlanTab })));
const PersonReferralsTab = lazy(() =>
  import("../referrals/person-referrals-tab").then((m) => ({ default: m.PersonReferralsTab })),
);

const route = getRouteApi("/_app/persons/$personId");

export function CaseFilePage() {
  const { personId } = route.useParams();
  const query = useQuery(personQuery(personId));
  if (query.isPending) return <PageLoader />;
  if (query.error) return <ProblemAlert error={query.error} />;
  return <CaseFile person={query.data} />;
}

function CaseFile({ person }: { person: Person }) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const consentsReadable = useConsentsReadable(person);
  const available: CaseTab[] = [
    "overview",
    ...lifeDomains,
    "documents",
    "timeline",
    "household",
    "plan",
    "referrals",
    ...(person.abilities.manageConsents || consentsReadable ? (["consents"] as const) : []),
  ];
  const tab: CaseTab = search.tab && available.includes(search.tab) ? search.tab : "overview";
  const select = (next: CaseTab) =>
    void navigate({ search: (s) => ({ ...s, tab: next === "overview" ? undefined : next }), replace: true });
  // From a link inside a panel, focus moves to the newly selected tab, or to the section picker on
  // narrow screens (the link itself goes away).
  const selectAndFocus = (next: CaseTab) => {
    select(next);
    setTimeout(() =>
      (document.getElementById(`case-tab-${next}`) ?? document.getElementById(sectionPickerId))?.focus(),
    );
  };

  return (
    <>
      <CaseHeader person={person} />
      <CaseTabs person={person} tabs={available} active={tab} onSelect={select}>
        {tab === "overview" ? (
          <OverviewTab person={person} onSelect={selectAndFocus} />
        ) : (lifeDomains as readonly string[]).includes(tab) ? (
          <DomainTab key={tab} person={person} category={tab as LifeDomain} />
        ) : tab === "documents" ? (
          <DocumentsTab person={person} />
        ) : tab === "timeline" ? (
          <TimelineTab person={person} />
        ) : tab === "household" ? (
          <HouseholdTab person={person} />
        ) : tab === "plan" || tab === "referrals" ? (
          <Suspense fallback={<PageLoader />}>
            {tab === "plan" ? <PlanTab personId={person.id} /> : <PersonReferralsTab personId={person.id} canRefer />}
          </Suspense>
        ) : (
          <Suspense fallback={<PageLoader />}>
            <ConsentsPanel personId={person.id} />
          </Suspense>
        )}
      </CaseTabs>
    </>
  );
}

/** Whether the organisation may read the person's consents (shown even without managing them). */
function useConsentsReadable(person: Person): boolean {
  const probe = useQuery({
    queryKey: ["case-file", person.id, "consents-readable"],
    queryFn: async () => {
      try {
        await consentsApi.list(person.id);
        return true;
      } catch {
        return false;
      }
    },
    enabled: !person.abilities.manageConsents,
    staleTime: 5 * 60_000,
  });
  return probe.data === true;
}
