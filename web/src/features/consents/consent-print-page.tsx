// The consent form to print, in the person's language (Arabic and Farsi right to left), filled
// with the person, recipients, information, purpose and validity — from a recorded consent or
// from the form being filled in. A draft until the municipality's legal department approves it.
import "./consent-print.css";
import { Anchor, Button, Group, NativeSelect, Paper, VisuallyHidden } from "@mantine/core";
import { IconArrowLeft, IconPrinter } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import { useMe } from "../auth/auth.api";
import { allOrganisationsQuery } from "../organisations/organisations.api";
import { numericDate } from "./consent-parts";
import { preferredFormLanguage } from "./consent-record-form";
import {
  type Category,
  type ConsentForm,
  categories,
  consentFormQuery,
  consentQuery,
  type FormLanguage,
  formLanguages,
  isFormLanguage,
  type PersonHead,
  personHeadQuery,
} from "./consents.api";
import { useConsentStrings } from "./consents.i18n";

const route = getRouteApi("/_app/persons/$personId/consents/print");

type Filled = {
  recipientOrganisationIds: string[];
  allPartners: boolean;
  caseManagement: boolean;
  categories: Category[];
  purpose: string;
  validFrom: string;
  validUntil: string | null;
};

export function ConsentPrintPage() {
  const t = useConsentStrings();
  const { i18n } = useTranslation();
  const { personId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const person = useQuery(personHeadQuery(personId));
  const consent = useQuery({ ...consentQuery(search.consentId ?? ""), enabled: Boolean(search.consentId) });
  const language: FormLanguage =
    search.language ?? [consent.data?.language].find(isFormLanguage) ?? preferredFormLanguage(person.data);
  const form = useQuery(consentFormQuery(language));
  const organisations = useQuery(allOrganisationsQuery);

  // Only while this page is shown does printing leave out the application's frame.
  useEffect(() => {
    document.body.classList.add("consent-printing");
    return () => document.body.classList.remove("consent-printing");
  }, []);

  const filled: Filled = consent.data ?? {
    recipientOrganisationIds: (search.recipients ?? "").split(",").filter(Boolean),
    allPartners: search.allPartners ?? false,
    caseManagement: search.caseManagement ?? false,
    categories: categories.filter((c) => (search.categories ?? "").split(",").includes(c)),
    purpose: search.purpose ?? "",
    validFrom: search.validFrom ?? "",
    validUntil: search.validUntil ?? "",
  };
  const names = new Map((organisations.data ?? []).map((o) => [o.id, o.name]));
  const error = person.error ?? consent.error ?? form.error;
  const loading = person.isPending || form.isPending || (Boolean(search.consentId) && consent.isPending);

  return (
    <>
      <div className="consent-toolbar">
        <PageHeader
          title={t("printView.pageTitle")}
          description={t("printView.screenHint")}
          actions={
            <Button
              leftSection={<IconPrinter size={18} aria-hidden="true" />}
              onClick={() => window.print()}
              disabled={loading || Boolean(error)}
            >
              {t("printView.print")}
            </Button>
          }
        />
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
            <NativeSelect
              label={t("printView.language")}
              value={language}
              onChange={(e) =>
                void navigate({
                  search: (s) => ({ ...s, language: e.currentTarget.value as FormLanguage }),
                  replace: true,
                })
              }
              data={formLanguages.map((l) => ({ value: l, label: t(`formLanguage.${l}`) }))}
              w={{ base: "100%", sm: 300 }}
            />
            <Anchor
              fw={600}
              renderRoot={(props) => (
                <Link {...props} to="/persons/$personId" params={{ personId }} search={{ tab: "consents" }} />
              )}
            >
              <Group gap={6} component="span">
                <IconArrowLeft size={16} aria-hidden="true" />
                {t("printView.back")}
              </Group>
            </Anchor>
          </Group>
        </Paper>
      </div>
      <ProblemAlert error={error} />
      {loading ? (
        <PageLoader />
      ) : form.data && person.data ? (
        <ConsentSheet form={form.data} person={person.data} filled={filled} names={names} uiLanguage={i18n.language} />
      ) : null}
    </>
  );
}

function ConsentSheet({
  form,
  person,
  filled,
  names,
  uiLanguage,
}: {
  form: ConsentForm;
  person: PersonHead;
  filled: Filled;
  names: Map<string, string>;
  uiLanguage: string;
}) {
  const t = useConsentStrings();
  const me = useMe();
  const recipients = [
    ...filled.recipientOrganisationIds.map((id) => names.get(id) ?? id),
    ...(filled.allPartners ? [form.allPartners] : []),
    ...(filled.caseManagement ? [form.caseManagement] : []),
  ];
  const blank = <span className="consent-blank" />;

  return (
    <article
      className="consent-sheet"
      lang={form.language}
      dir={form.direction}
      data-testid="consent-sheet"
      aria-label={form.title}
    >
      <header className="consent-sheet-head">
        <div className="consent-issuer">
          <bdi>{me.tenant.name}</bdi>
          <small>
            <bdi>{me.organisation.name}</bdi>
          </small>
        </div>
        {form.legalReviewRequired ? (
          <div className="consent-draft" dir="ltr" data-testid="draft-marker">
            <span lang="de">Entwurf – juristische Prüfung erforderlich</span>
            <br />
            <span lang="en">Draft – legal review required</span>
          </div>
        ) : null}
      </header>

      <h2>{form.title}</h2>
      <div className="consent-person">
        <bdi style={{ fontWeight: 650, fontSize: "1.1em" }}>
          {person.givenNames} {person.familyName}
        </bdi>
        {person.birthDate ? (
          <span dir="ltr" style={{ marginInlineStart: "1rem" }}>
            * {numericDate(person.birthDate)}
          </span>
        ) : null}
      </div>
      <p>{form.intro}</p>

      <h3>{form.recipientsHeading}</h3>
      {recipients.length > 0 ? (
        <ul className="consent-choices">
          {recipients.map((r) => (
            <li key={r} className="consent-chosen">
              <Box checked uiLanguage={uiLanguage} />
              <bdi>{r}</bdi>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <ul className="consent-choices">
            <li>
              <Box checked={false} uiLanguage={uiLanguage} />
              {form.caseManagement}
            </li>
            <li>
              <Box checked={false} uiLanguage={uiLanguage} />
              {form.allPartners}
            </li>
          </ul>
          {blank}
          {blank}
        </>
      )}

      <h3>{form.categoriesHeading}</h3>
      <ul className="consent-choices consent-choices-grid">
        {categories.map((c) => {
          const on = filled.categories.includes(c);
          return (
            <li key={c} className={on ? "consent-chosen" : undefined} data-chosen={on}>
              <Box checked={on} uiLanguage={uiLanguage} />
              {form.categories[c]}
            </li>
          );
        })}
      </ul>

      <h3>{form.purposeHeading}</h3>
      {filled.purpose ? <p className="consent-chosen">{filled.purpose}</p> : blank}

      <h3>{form.validityHeading}</h3>
      {filled.validFrom ? (
        <p className="consent-chosen">
          <span dir="ltr">{numericDate(filled.validFrom)}</span> –{" "}
          {filled.validUntil ? <span dir="ltr">{numericDate(filled.validUntil)}</span> : form.validUntilOpen}
        </p>
      ) : (
        blank
      )}

      <div className="consent-fine">
        <p>{form.voluntary}</p>
        <p>{form.revocation}</p>
        <p>{form.rights}</p>
      </div>

      <div className="consent-signatures">
        <div>{form.placeAndDate}</div>
        <div>{form.signature}</div>
        <div className="wide">{form.interpreter}</div>
      </div>

      <footer className="consent-sheet-foot" dir="ltr">
        <span lang={uiLanguage}>{t("printView.version", { version: form.version })}</span>
        <span>
          {form.language.toUpperCase()} · <bdi>{me.tenant.name}</bdi>
        </span>
      </footer>
    </article>
  );
}

/** A tick box as on paper; its state is also said, in the interface language, to screen readers. */
function Box({ checked, uiLanguage }: { checked: boolean; uiLanguage: string }) {
  const t = useConsentStrings();
  return (
    <>
      <span className="consent-box" aria-hidden="true">
        {checked ? "☒" : "☐"}
      </span>
      <VisuallyHidden lang={uiLanguage}>{checked ? t("printView.chosen") : t("printView.notChosen")}</VisuallyHidden>
    </>
  );
}
