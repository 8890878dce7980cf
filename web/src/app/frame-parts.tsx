// Pieces shared by the signed-in and the public frame: skip link, brand, language switch, footer.
import { Button, Menu } from "@mantine/core";
import { IconChevronDown, IconLanguage } from "@tabler/icons-react";
import { Link, useLocation } from "@tanstack/react-router";
import type { MouseEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isLanguage, type Language, languages } from "./domain";
import { useChangeLanguage } from "./language";

export const mainId = "main-content";

export function SkipLink() {
  const { t } = useTranslation();
  // Focus the main landmark directly: a hash change would go through the router.
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    const main = document.getElementById(mainId);
    main?.focus();
    main?.scrollIntoView();
  };
  return (
    <a className="skip-link" href={`#${mainId}`} onClick={onClick}>
      {t("skipToContent")}
    </a>
  );
}

export function Logo() {
  return (
    <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#1b4a7c" />
      <path
        d="M6 11c5-4 9 4 14 0s6-2 6-2M6 17c5-4 9 4 14 0s6-2 6-2M6 23c5-4 9 4 14 0s6-2 6-2"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
    </svg>
  );
}

export function Brand({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: "flex", alignItems: "center", minWidth: 0 }}>
      <Link to="/" className="brand">
        <Logo />
        <span className="brand-name">{t("product")}</span>
      </Link>
      {children}
    </div>
  );
}

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "de";
}

export function LanguageMenu() {
  const { t } = useTranslation();
  const current = useLanguage();
  const change = useChangeLanguage();
  const name = current === "de" ? "Deutsch" : "English";
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={180} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconLanguage size={18} aria-hidden="true" />}
          rightSection={<IconChevronDown size={14} aria-hidden="true" />}
          aria-label={t("header.languageButton", { language: name })}
          className="language-menu"
          data-testid="language-menu"
        >
          <span className="language-long">{name}</span>
          <span className="language-short">{current.toUpperCase()}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("header.language")}</Menu.Label>
        <LanguageItems current={current} change={change} />
      </Menu.Dropdown>
    </Menu>
  );
}

export function LanguageItems({ current, change }: { current: Language; change: (l: Language) => Promise<void> }) {
  return (
    <Menu.RadioGroup value={current} onChange={(v) => isLanguage(v) && void change(v)}>
      {languages.map((lng) => (
        <Menu.RadioItem key={lng} value={lng} lang={lng} closeMenuOnClick>
          {lng === "de" ? "Deutsch" : "English"}
        </Menu.RadioItem>
      ))}
    </Menu.RadioGroup>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <footer className="frame-footer">
      <nav aria-label={t("footer.label")}>
        <ul>
          <li>
            <Link to="/accessibility">{t("footer.accessibility")}</Link>
          </li>
          <li>
            <Link to="/feedback" search={{ from: location.pathname }}>
              {t("footer.feedback")}
            </Link>
          </li>
        </ul>
      </nav>
      <span className="frame-footer-note">{t("footer.licence")}</span>
    </footer>
  );
}
