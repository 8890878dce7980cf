// Navigation items of the cooperation network, by the user's abilities: the directory for everyone,
// referrals for those who work with persons, deadline figures for steering and admins, settings
// and background jobs.
import { IconAddressBook, IconArrowsExchange, IconChartBar, IconClockPlay, IconSettings } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { defineStrings, useStrings } from "../../app/strings";
import type { Me } from "../auth/auth.api";

const ns = defineStrings(
  "networkNav",
  {
    directory: "Netzwerk-Verzeichnis",
    referrals: "Verweisungen",
    sla: "Fristtreue",
    settings: "Einstellungen",
    jobs: "Hintergrundaufgaben",
  },
  {
    directory: "Network directory",
    referrals: "Referrals",
    sla: "Deadline compliance",
    settings: "Settings",
    jobs: "Background jobs",
  },
);

export function NetworkNavItems({ me }: { me: Me }) {
  const t = useStrings(ns);
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
      {me.abilities.viewReferralReports ? (
        <li>
          <Link to="/reports/referrals" className="nav-link">
            <IconChartBar size={20} aria-hidden="true" />
            {t("sla")}
          </Link>
        </li>
      ) : null}
      {me.abilities.manageSettings ? (
        <li>
          <Link to="/settings" className="nav-link">
            <IconSettings size={20} aria-hidden="true" />
            {t("settings")}
          </Link>
        </li>
      ) : null}
      {me.abilities.manageSettings ? (
        <li>
          <Link to="/jobs" className="nav-link">
            <IconClockPlay size={20} aria-hidden="true" />
            {t("jobs")}
          </Link>
        </li>
      ) : null}
    </>
  );
}
