// The case status as a badge with a fixed, readable colour per status.
import { StatusBadge } from "../../app/status-badge";
import type { CaseStatus } from "./persons.api";
import { usePersonStrings } from "./persons.i18n";

const tone = { intake: "warning", active: "success", paused: "neutral", closed: "neutral" } as const;

export function CaseStatusBadge({ status, size }: { status: CaseStatus; size?: "md" | "lg" }) {
  const t = usePersonStrings();
  return (
    <StatusBadge tone={tone[status]} size={size}>
      {t(`caseStatus.${status}`)}
    </StatusBadge>
  );
}
