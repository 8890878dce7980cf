// The frame of every signed-in page: header with tenant, organisation and user menu, the
// navigation (built from the user's abilities), main content, footer.
import { Avatar, Burger, Menu, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconAddressBook,
  IconChevronDown,
  IconHome,
  IconKey,
  IconListDetails,
  IconLogout,
  IconShieldLock,
  IconUsers,
} from "@tabler/icons-react";
import { Link, useNavigate, useRouterState } from "@tanstack/react-router";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { type Me, useSession, useSignOut } from "../features/auth/auth.api";
import { DataProtectionNavItems } from "../features/data-protection/data-protection-nav";
import { NetworkNavItems } from "../features/directory/network-nav";
import { DuplicatesNavItem } from "../features/duplicates/duplicates-nav";
import { NotificationBell } from "../features/notifications/notification-bell";
import { GlobalSearch } from "../features/search/global-search";
import { Brand, LanguageItems, LanguageMenu, mainId, SiteFooter, SkipLink, useLanguage } from "./frame-parts";
import { applyLanguage } from "./i18n";
import { useChangeLanguage } from "./language";

export function AppFrame({ children }: { children: ReactNode }) {
  const me = useSession();
  // Signing out (or a lost session) clears the session before the navigation to the sign-in page.
  if (!me) return null;
  return <SignedInFrame me={me}>{children}</SignedInFrame>;
}

function SignedInFrame({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [navOpen, nav] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  // The account's language applies when it changes (another device, an administrator).
  useEffect(() => {
    void applyLanguage(me.user.locale);
  }, [me.user.locale]);
  // The mobile navigation closes after a navigation.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => nav.close(), [pathname]);

  return (
    <div className="frame">
      <SkipLink />
      <header className="frame-header">
        <Burger
          className="nav-toggle"
          opened={navOpen}
          onClick={nav.toggle}
          size="sm"
          aria-label={navOpen ? t("nav.closeMenu") : t("nav.openMenu")}
          aria-expanded={navOpen}
          aria-controls="main-navigation"
        />
        <Brand>
          <span className="brand-context">
            <span className="brand-context-tenant">{me.tenant.name}</span>
            <span className="brand-context-org">{me.organisation.name}</span>
          </span>
        </Brand>
        {me.abilities.workWithPersons ? <GlobalSearch /> : null}
        <div className="frame-header-end">
          <NotificationBell />
          <LanguageMenu />
          <UserMenu me={me} />
        </div>
      </header>
      <div className="frame-body">
        <div className="frame-nav-column" data-open={navOpen}>
          <nav id="main-navigation" className="frame-nav" aria-label={t("nav.label")}>
            <MainNavigation me={me} />
          </nav>
        </div>
        <div className="frame-content">
          <main id={mainId} className="frame-main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
        </div>
      </div>
    </div>
  );
}

function MainNavigation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const a = me.abilities;
  return (
    <ul>
      <li>
        <Link to="/" className="nav-link" activeOptions={{ exact: true }}>
          <IconHome size={20} aria-hidden="true" />
          {t("nav.home")}
        </Link>
      </li>
      {a.workWithPersons ? (
        <li>
          <Link to="/persons" className="nav-link">
            <IconAddressBook size={20} aria-hidden="true" />
            {t("nav.persons")}
          </Link>
        </li>
      ) : null}
      <NetworkNavItems me={me} />
      <DuplicatesNavItem me={me} />
      {a.manageUsers ? (
        <li>
          <Link to="/users" className="nav-link">
            <IconUsers size={20} aria-hidden="true" />
            {t("nav.users")}
          </Link>
        </li>
      ) : null}
      {a.viewAudit ? (
        <li>
          <Link to="/audit" className="nav-link">
            <IconListDetails size={20} aria-hidden="true" />
            {t("nav.audit")}
          </Link>
        </li>
      ) : null}
      <DataProtectionNavItems abilities={a} />
    </ul>
  );
}

const initials = (name: string) =>
  name
    .replace(/^(Dr\.|Prof\.)\s+/g, "")
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p[0])
    .slice(0, 2)
    .join("")
    .toUpperCase();

function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { t: tv } = useTranslation("vocabulary");
  const navigate = useNavigate();
  const signOut = useSignOut();
  const language = useLanguage();
  const changeLanguage = useChangeLanguage();
  const role = tv(`role.${me.user.role}`);
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={280} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton
          aria-label={t("header.userMenu", { name: me.user.name })}
          data-testid="user-menu"
          style={{ display: "flex", alignItems: "center", gap: 10, padding: "4px 8px", borderRadius: 4 }}
        >
          <Avatar color="strang" radius="xl" size={34} aria-hidden="true">
            {initials(me.user.name)}
          </Avatar>
          <span className="user-menu-text">
            <span className="user-menu-name">{me.user.name}</span>
            <span className="user-menu-role">{role}</span>
          </span>
          <IconChevronDown size={14} aria-hidden="true" className="user-menu-chevron" />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {t("header.signedInAs")}
          <br />
          <span style={{ color: "#1a1d21", fontSize: 13 }}>{me.user.email}</span>
        </Menu.Label>
        <Menu.Item
          leftSection={<IconKey size={16} aria-hidden="true" />}
          onClick={() => navigate({ to: "/account/password" })}
        >
          {t("header.changePassword")}
        </Menu.Item>
        {!me.totpEnabled ? (
          <Menu.Item
            leftSection={<IconShieldLock size={16} aria-hidden="true" />}
            onClick={() => navigate({ to: "/account/two-factor" })}
          >
            {t("header.setUpTwoFactor")}
          </Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Label>{t("header.language")}</Menu.Label>
        <LanguageItems current={language} change={changeLanguage} />
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          onClick={async () => {
            await signOut();
            await navigate({ to: "/login", search: { signedOut: true } });
          }}
        >
          {t("header.logout")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
