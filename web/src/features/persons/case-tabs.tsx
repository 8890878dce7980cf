// The sections of the case file as ARIA tabs (vertical on wide screens): arrow keys, Home and End
// move between them; each life domain shows its number of visible entries and whether it is restricted.
// Narrower screens get one labelled select instead: sixteen wrapped tabs would push the content
// below the first screen.
import { NativeSelect, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconLock, IconShieldLock } from "@tabler/icons-react";
import { type KeyboardEvent, type ReactNode, useRef } from "react";
import { useRecordStrings } from "../records/records.i18n";
import { type LifeDomain, lifeDomains, type Person } from "./persons.api";
import { usePersonStrings } from "./persons.i18n";
import type { CaseTab } from "./tabs";

const tabId = (tab: CaseTab) => `case-tab-${tab}`;
const panelId = "case-panel";
export const sectionPickerId = "case-section-picker";

export function CaseTabs({
  person,
  tabs,
  active,
  onSelect,
  children,
}: {
  person: Person;
  tabs: CaseTab[];
  active: CaseTab;
  onSelect: (tab: CaseTab) => void;
  children: ReactNode;
}) {
  const t = usePersonStrings();
  const tr = useRecordStrings();
  const wide = useMediaQuery("(min-width: 62em)", true, { getInitialValueInEffect: false });
  const refs = useRef(new Map<CaseTab, HTMLButtonElement>());

  const move = (e: KeyboardEvent<HTMLButtonElement>, from: CaseTab) => {
    const i = tabs.indexOf(from);
    const next =
      e.key === "ArrowDown" || e.key === "ArrowRight"
        ? tabs[(i + 1) % tabs.length]
        : e.key === "ArrowUp" || e.key === "ArrowLeft"
          ? tabs[(i - 1 + tabs.length) % tabs.length]
          : e.key === "Home"
            ? tabs[0]
            : e.key === "End"
              ? tabs[tabs.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    refs.current.get(next)?.focus();
  };

  const label = (tab: CaseTab): ReactNode => {
    if (!(lifeDomains as readonly string[]).includes(tab)) return t(`caseFile.tab.${tab as "overview"}`);
    const domain = tab as LifeDomain;
    const count = (person.records ?? []).filter((r) => r.category === domain).length;
    const reasons = person.access.closedCategories.filter((c) => c.category === domain).map((c) => c.reason);
    const closed = reasons.length > 0;
    const noConsent = reasons.includes("no-consent");
    return (
      <>
        <span>{tr(`category.${domain}`)}</span>
        <span className="case-tab-count">
          {noConsent ? (
            <IconLock size={14} aria-hidden="true" />
          ) : closed ? (
            <IconShieldLock size={14} aria-hidden="true" />
          ) : null}
          {count > 0 ? <span aria-hidden="true">{count}</span> : null}
          <VisuallyHidden>
            {count > 0 ? `, ${t("caseFile.recordCount", { count })}` : ""}
            {closed ? `, ${t("caseFile.closedTab")}` : ""}
          </VisuallyHidden>
        </span>
      </>
    );
  };

  /** The section as one line of text, for the select's options. */
  const text = (tab: CaseTab): string => {
    if (!(lifeDomains as readonly string[]).includes(tab)) return t(`caseFile.tab.${tab as "overview"}`);
    const domain = tab as LifeDomain;
    const count = (person.records ?? []).filter((r) => r.category === domain).length;
    const closed = person.access.closedCategories.some((c) => c.category === domain);
    return [
      tr(`category.${domain}`),
      count > 0 ? t("caseFile.recordCount", { count }) : "",
      closed ? t("caseFile.closedTab") : "",
    ]
      .filter(Boolean)
      .join(" · ");
  };

  const domains = tabs.filter((tab) => (lifeDomains as readonly string[]).includes(tab));
  const option = (tab: CaseTab) => ({ value: tab, label: text(tab) });

  // One tree for both widths, the panel in the same place: a change of width (a rotated phone, a
  // full-page screenshot) must not remount the section and lose what is open in it.
  return (
    <div className="case-layout">
      {wide ? (
        <div role="tablist" aria-label={t("caseFile.tabsLabel")} aria-orientation="vertical" className="case-tabs-list">
          {tabs.map((tab) => (
            <TabButton
              key={tab}
              tab={tab}
              selected={tab === active}
              onSelect={onSelect}
              onKeyDown={move}
              register={(el) => {
                if (el) refs.current.set(tab, el);
                else refs.current.delete(tab);
              }}
              before={
                tab === "residence" ? (
                  <div className="case-tabs-group" aria-hidden="true">
                    {t("caseFile.lifeDomains")}
                  </div>
                ) : tab === "documents" ? (
                  <div className="case-tabs-group" aria-hidden="true" style={{ paddingTop: "0.5rem" }} />
                ) : null
              }
            >
              {label(tab)}
            </TabButton>
          ))}
        </div>
      ) : (
        <NativeSelect
          id={sectionPickerId}
          label={t("caseFile.sectionPicker")}
          value={active}
          onChange={(e) => onSelect(e.currentTarget.value as CaseTab)}
          data={[
            option("overview"),
            { group: t("caseFile.lifeDomains"), items: domains.map(option) },
            {
              group: t("caseFile.moreSections"),
              items: tabs.filter((tab) => tab !== "overview" && !domains.includes(tab)).map(option),
            },
          ]}
          className="case-section-picker"
          data-testid="case-section-picker"
        />
      )}
      <div
        id={panelId}
        className="case-panel"
        {...(wide
          ? { role: "tabpanel", "aria-labelledby": tabId(active) }
          : { role: "region", "aria-label": text(active) })}
      >
        {children}
      </div>
    </div>
  );
}

function TabButton({
  tab,
  selected,
  onSelect,
  onKeyDown,
  register,
  before,
  children,
}: {
  tab: CaseTab;
  selected: boolean;
  onSelect: (tab: CaseTab) => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>, tab: CaseTab) => void;
  register: (el: HTMLButtonElement | null) => void;
  before: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      {before}
      <button
        ref={register}
        type="button"
        role="tab"
        id={tabId(tab)}
        className="case-tab"
        aria-selected={selected}
        aria-controls={selected ? panelId : undefined}
        tabIndex={selected ? 0 : -1}
        onClick={() => onSelect(tab)}
        onKeyDown={(e) => onKeyDown(e, tab)}
        data-testid={`tab-${tab}`}
      >
        {children}
      </button>
    </>
  );
}
