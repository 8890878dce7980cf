// Small pieces shared by the consents tab and the print view: labels, badges, dates.
import { Group } from "@mantine/core";
import { StatusBadge } from "../../app/status-badge";
import { type Category, type Consent, type ConsentStatus, specialCategories } from "./consents.api";
import { useConsentStrings } from "./consents.i18n";

const statusTone = {
  active: "success",
  pending: "warning",
  expired: "neutral",
  revoked: "danger",
} as const satisfies Record<ConsentStatus, string>;

export function ConsentStatusBadge({ status }: { status: ConsentStatus }) {
  const t = useConsentStrings();
  return <StatusBadge tone={statusTone[status]}>{t(`status.${status}`)}</StatusBadge>;
}

export function CategoryBadges({ list }: { list: readonly Category[] }) {
  const t = useConsentStrings();
  return (
    <Group gap={6} wrap="wrap">
      {list.map((c) => (
        <StatusBadge key={c} tone={specialCategories.includes(c) ? "warning" : "neutral"}>
          {t(`category.${c}`)}
          {specialCategories.includes(c) ? ` – ${t("specialCategory")}` : ""}
        </StatusBadge>
      ))}
    </Group>
  );
}

/** The recipients of a consent as readable names, in the interface language. */
export function useRecipientNames() {
  const t = useConsentStrings();
  return (
    c: Pick<Consent, "recipientOrganisationIds" | "allPartners" | "caseManagement">,
    names: Map<string, string>,
  ) => [
    ...c.recipientOrganisationIds.map((id) => names.get(id) ?? t("recipient.unknown")),
    ...(c.allPartners ? [t("recipient.allPartners")] : []),
    ...(c.caseManagement ? [t("recipient.caseManagement")] : []),
  ];
}

const pad = (n: number) => String(n).padStart(2, "0");
export const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
export const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A date for a form that people of any language read: 24.11.2026, or 11.1990 / 1990 when partly known. */
export function numericDate(value: string | null | undefined): string {
  if (!value) return "";
  const [y, m, d] = value.slice(0, 10).split("-");
  if (d) return `${d}.${m}.${y}`;
  if (m) return `${m}.${y}`;
  return y ?? "";
}
