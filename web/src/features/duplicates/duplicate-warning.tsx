// The duplicate warning of the registration form: before a new file is created, the visible
// persons that may be the same person are shown — open their file, or register anyway.
import { Alert, Anchor, Button, Group, List, Text } from "@mantine/core";
import { IconCopy } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { usePartialDate } from "../persons/partial-dates";
import { useReasonWords } from "../search/search.i18n";
import { type DuplicateCandidate, type DuplicateCheckInput, duplicatesApi } from "./duplicates.api";
import { useDuplicateStrings } from "./duplicates.i18n";

const signature = (b: DuplicateCheckInput) => JSON.stringify([b.givenNames, b.familyName, b.birthDate]);

/**
 * The gate before creating: `proceed(body)` checks once per name and birth date; with candidates
 * it shows them and answers false. "Register anyway" acknowledges them, so the next submit goes on.
 */
export function useDuplicateGate() {
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const acknowledged = useRef<string | null>(null);
  const checked = useRef<string | null>(null);
  return {
    candidates,
    acknowledge: () => {
      acknowledged.current = checked.current;
    },
    proceed: async (body: DuplicateCheckInput): Promise<boolean> => {
      const sig = signature(body);
      if (acknowledged.current === sig) return true;
      try {
        const found = (await duplicatesApi.check(body)).items;
        checked.current = sig;
        setCandidates(found);
        return found.length === 0;
      } catch {
        // The check is a help, not a gate: if it fails, registration goes on.
        return true;
      }
    },
  };
}
export type DuplicateGate = ReturnType<typeof useDuplicateGate>;

export function DuplicateWarning({ gate }: { gate: DuplicateGate }) {
  const t = useDuplicateStrings();
  const words = useReasonWords();
  const dates = usePartialDate();
  if (gate.candidates.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      role="alert"
      icon={<IconCopy aria-hidden="true" />}
      title={t("warning.title")}
      data-testid="duplicate-warning"
      styles={{ title: { color: "#5c3c00" }, message: { color: "#1a1d21" } }}
    >
      <Text size="sm" mb="xs">
        {t("warning.intro")}
      </Text>
      <List spacing="xs" mb="md">
        {gate.candidates.map((c) => {
          const born = dates.format(c.birthDate);
          return (
            <List.Item key={c.id}>
              <Text span fw={600}>
                {[c.givenNames, c.familyName].filter(Boolean).join(" ")}
              </Text>
              {", "}
              {born ? t("warning.born", { date: born }) : t("warning.unknownBirth")}
              {" — "}
              {words(c.matchReasons)} ({t("warning.score", { percent: Math.round(c.score * 100) })}){" "}
              <Anchor renderRoot={(props) => <Link {...props} to="/persons/$personId" params={{ personId: c.id }} />}>
                {t("warning.open")}
              </Anchor>
            </List.Item>
          );
        })}
      </List>
      <Group gap="sm">
        <Button type="submit" variant="default" onClick={gate.acknowledge}>
          {t("warning.registerAnyway")}
        </Button>
      </Group>
    </Alert>
  );
}
