// The merge dialog: which file stays, and for each field which value (both values shown; for
// nationalities and languages also "both"). Confirm merges in one request; the page offers Undo.
import { Button, Group, Modal, Radio, Stack, Table, Text } from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { PageLoader, ProblemAlert } from "../../app/page";
import { usePartialDate } from "../persons/partial-dates";
import { type Person, personsApi } from "../persons/persons.api";
import { usePersonStrings } from "../persons/persons.i18n";
import { useCountries, useLanguages } from "../persons/reference.api";
import {
  type DuplicatePair,
  duplicatesApi,
  type MergeChoice,
  type MergeField,
  type MergeInput,
  type MergeResult,
  mergeFieldNames,
  unionFields,
} from "./duplicates.api";
import { useDuplicateStrings } from "./duplicates.i18n";

/** A field's value as the reader says it: labels for codes, dates in the interface language. */
function useDisplay() {
  const tp = usePersonStrings();
  const dates = usePartialDate();
  const countries = useCountries();
  const languages = useLanguages();
  return (p: Person, field: MergeField): string => {
    switch (field) {
      case "birthDate":
      case "arrivedInGermanyOn":
      case "arrivedInMunicipalityOn":
        return dates.format(p[field]);
      case "sex":
        return tp(`sex.${p.sex}`);
      case "nationalities":
        return p.nationalities.map((c) => countries.name(c)).join(", ");
      case "languages":
        return p.languages
          .map((l) => `${languages.name(l.code)}${l.interpreterNeeded ? ` (${tp("caseFile.interpreter")})` : ""}`)
          .join(", ");
      case "contact":
        return [p.contact.phone, p.contact.email].filter(Boolean).join(", ");
      case "address":
        return [p.address.street, [p.address.postalCode, p.address.city].filter(Boolean).join(" ")]
          .filter(Boolean)
          .join(", ");
      default:
        return p[field] ?? "";
    }
  };
}

export function MergeDialog({
  pair,
  onClose,
  onMerged,
}: {
  pair: DuplicatePair;
  onClose: () => void;
  onMerged: (result: MergeResult) => void | Promise<void>;
}) {
  const t = useDuplicateStrings();
  const display = useDisplay();
  const [a, b] = useQueries({
    queries: [pair.personA.id, pair.personB.id].map((id) => ({
      queryKey: ["persons", "one", id],
      queryFn: () => personsApi.get(id),
    })),
  });
  const initialSurvivor = pair.personB.leadOrganisationId && !pair.personA.leadOrganisationId ? "b" : "a";
  const [survivor, setSurvivor] = useState<"a" | "b">(initialSurvivor);
  const [choices, setChoices] = useState<Partial<Record<MergeField, MergeChoice>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pa = a?.data;
  const pb = b?.data;

  const choiceOf = (f: MergeField): MergeChoice => choices[f] ?? survivor;

  const confirm = async () => {
    if (!pa || !pb) return;
    setBusy(true);
    setError(null);
    const [keep, other] = survivor === "a" ? [pa, pb] : [pb, pa];
    // The API's "a" is the file that stays.
    const fields = Object.fromEntries(
      mergeFieldNames.map((f) => {
        const c = choiceOf(f);
        return [f, c === "union" ? "union" : c === survivor ? "a" : "b"];
      }),
    ) as MergeInput["fields"];
    try {
      const result = await duplicatesApi.merge(keep.id, {
        otherPersonId: other.id,
        fields,
        version: keep.version,
        otherVersion: other.version,
      });
      await onMerged(result);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("merge.title")}
      size="xl"
      closeButtonProps={{ "aria-label": t("merge.cancel") }}
    >
      <Text size="sm" mb="md">
        {t("merge.intro")}
      </Text>
      <ProblemAlert error={error ?? a?.error ?? b?.error} />
      {!pa || !pb ? (
        <PageLoader />
      ) : (
        <Stack gap="md">
          <Radio.Group
            label={t("merge.survivor")}
            value={survivor}
            onChange={(v) => {
              setSurvivor(v as "a" | "b");
              setChoices({});
            }}
          >
            <Group gap="lg" mt="xs">
              <Radio value="a" label={`${t("merge.keepA")}: ${[pa.givenNames, pa.familyName].join(" ")}`} />
              <Radio value="b" label={`${t("merge.keepB")}: ${[pb.givenNames, pb.familyName].join(" ")}`} />
            </Group>
          </Radio.Group>
          <Table className="data-table" withTableBorder data-testid="merge-fields">
            <Table.Tbody>
              {mergeFieldNames.map((f) => {
                const va = display(pa, f) || t("merge.empty");
                const vb = display(pb, f) || t("merge.empty");
                return (
                  <Table.Tr key={f}>
                    <Table.Td>
                      <Radio.Group
                        label={t(`field.${f}`)}
                        value={choiceOf(f)}
                        onChange={(v) => setChoices((c) => ({ ...c, [f]: v as MergeChoice }))}
                        data-testid={`merge-field-${f}`}
                      >
                        <Group gap="lg" mt={4}>
                          <Radio value="a" label={`A: ${va}`} />
                          <Radio value="b" label={`B: ${vb}`} />
                          {unionFields.includes(f) ? <Radio value="union" label={t("merge.union")} /> : null}
                        </Group>
                      </Radio.Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group gap="sm" justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("merge.cancel")}
            </Button>
            <Button onClick={() => void confirm()} loading={busy}>
              {t("merge.confirm")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
