// The navigation entry of the duplicates review, for those who work with persons.
import { IconCopy } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { defineStrings, useStrings } from "../../app/strings";
import type { Me } from "../auth/auth.api";

const ns = defineStrings("duplicatesNav", { duplicates: "Dubletten" }, { duplicates: "Duplicates" });

export function DuplicatesNavItem({ me }: { me: Me }) {
  const t = useStrings(ns);
  if (!me.abilities.workWithPersons) return null;
  return (
    <li>
      <Link to="/duplicates" className="nav-link">
        <IconCopy size={20} aria-hidden="true" />
        {t("duplicates")}
      </Link>
    </li>
  );
}
