// A date that may be only partly known: a precision ("day, month and year", "month and year only",
// "year only", "unknown") and a text field in the matching format. Used for birth and arrival dates
// and for the partial dates of records.
import { Fieldset, Group, NativeSelect, TextInput, VisuallyHidden } from "@mantine/core";
import type { ChangeEvent, ReactNode } from "react";
import type { Precision } from "./persons.api";
import { usePersonStrings } from "./persons.i18n";

export const precisions: Precision[] = ["full", "year-month", "year", "unknown"];

// What @mantine/form's getInputProps gives.
type InputProps = {
  value?: unknown;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement> | string) => void;
  error?: ReactNode;
  onBlur?: () => void;
  onFocus?: () => void;
};

export function PartialDateField({
  legend,
  precisionProps,
  textProps,
  withUnknown = true,
  required = false,
  description,
}: {
  legend: string;
  precisionProps: InputProps;
  textProps: InputProps;
  withUnknown?: boolean;
  required?: boolean;
  description?: string;
}) {
  const t = usePersonStrings();
  const precision = (precisionProps.value ?? "full") as Precision;
  const options = precisions.filter((p) => withUnknown || p !== "unknown");
  return (
    <Fieldset legend={<VisuallyHidden>{legend}</VisuallyHidden>} variant="unstyled" styles={{ legend: { padding: 0 } }}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NativeSelect
          label={t("date.precisionLabel")}
          description={t("date.precisionDescription")}
          data={options.map((p) => ({ value: p, label: t(`date.precision.${p}`) }))}
          w={{ base: "100%", xs: 210 }}
          {...precisionProps}
          value={precision}
          error={undefined}
        />
        {precision !== "unknown" ? (
          <TextInput
            label={legend}
            withAsterisk={required}
            description={description ?? t("date.formatHint", { format: t(`date.format.${precision}`) })}
            placeholder={t(`date.format.${precision}`)}
            inputMode="numeric"
            autoComplete="off"
            aria-required={required || undefined}
            w={{ base: "100%", xs: 190 }}
            {...textProps}
            value={String(textProps.value ?? "")}
          />
        ) : null}
      </Group>
    </Fieldset>
  );
}
