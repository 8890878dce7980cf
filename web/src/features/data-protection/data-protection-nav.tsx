// Navigation items of the data-protection tools, shown by ability: "Datenschutz" for the
// data-protection officer, legal bases and cooperation agreements for the tenant admin.
import { IconHeartHandshake, IconScale, IconShieldHalf } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { defineStrings, useStrings } from "../../app/strings";
import type { Abilities } from "../auth/auth.api";

const ns = defineStrings(
  "dataProtectionNav",
  { dataProtection: "Datenschutz", legalBases: "Rechtsgrundlagen", agreements: "Kooperationen" },
  { dataProtection: "Data protection", legalBases: "Legal bases", agreements: "Cooperation agreements" },
);

export function DataProtectionNavItems({ abilities: a }: { abilities: Abilities }) {
  const t = useStrings(ns);
  return (
    <>
      {a.dataProtection ? (
        <li>
          <Link to="/data-protection" className="nav-link">
            <IconShieldHalf size={20} aria-hidden="true" />
            {t("dataProtection")}
          </Link>
        </li>
      ) : null}
      {a.manageLegalBases || a.dataProtection ? (
        <li>
          <Link to="/legal-bases" className="nav-link">
            <IconScale size={20} aria-hidden="true" />
            {t("legalBases")}
          </Link>
        </li>
      ) : null}
      {a.manageAgreements ? (
        <li>
          <Link to="/agreements" className="nav-link">
            <IconHeartHandshake size={20} aria-hidden="true" />
            {t("agreements")}
          </Link>
        </li>
      ) : null}
    </>
  );
}
