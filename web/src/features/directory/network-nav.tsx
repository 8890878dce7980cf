// Navigation items of the cooperation network, by role: the directory for everyone, referrals for
// those who work with persons, SLA figures for steering and the tenant admin, settings for the tenant admin.
import { IconAddressBook, IconArrowsExchange, IconChartBar, IconSettings } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import type { Me } from "../auth/auth.api";
import { registerStrings, useStrings } from "../data-protection/feature-strings";

const ns = registerStrings("networkNav", {
  de: { directory: "Netzwerk-Verzeichnis", referrals: "Verweisungen", sla: "Fristtreue", settings: "Einstellungen" },
  en: { directory: "Network directory", referrals: "Referrals", sla: "Deadline compliance", settings: "Settings" },
});

export function NetworkNavItems({ me }: { me: Me }) {
  const t = useStrings(ns);
  const role = me.user.role;
  return (
    <>
      {me.abilities.workWithPersons ? (
        <li>
          <Link to="/referrals" className="nav-link">
            <IconArrowsExchange size={20} aria-hidden="true" />
            {t("referrals")}
          </Link>
        </li>
      ) : null}
      <li>
        <Link to="/directory" className="nav-link">
          <IconAddressBook size={20} aria-hidden="true" />
          {t("directory")}
        </Link>
      </li>
      {role === "steering" || role === "tenant_admin" ? (
        <li>
          <Link to="/reports/referrals" className="nav-link">
            <IconChartBar size={20} aria-hidden="true" />
            {t("sla")}
          </Link>
        </li>
      ) : null}
      {role === "tenant_admin" ? (
        <li>
          <Link to="/settings" className="nav-link">
            <IconSettings size={20} aria-hidden="true" />
            {t("settings")}
          </Link>
        </li>
      ) : null}
    </>
  );
}
