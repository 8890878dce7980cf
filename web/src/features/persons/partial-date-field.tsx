// A date that may be only partly known: a precision ("day, month and year", "month and year only",
// "year only", "unknown") and a text field in the matching format. Used for birth and arrival dates
// and for the partial dates of records.
import { Fieldset, Group, NativeSelect, TextInput } from "@mantine/core";
import type { ChangeEvent, ReactNode } from "react";
import type { Precision } from "./persons.api";
import { usePersonStrings } from "./persons.i18n";

export const precisions: Precision[] = ["full", "year-month", "year", "unknown"];

type InputProps = {
  value: string;
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
  const precision = precisionProps.value as Precision;
  const options = precisions.filter((p) => withUnknown || p !== "unknown");
  return (
    <Fieldset
      legend={
        <>
          {legend}
          {required ? (
            <span aria-hidden="true" style={{ color: "var(--mantine-color-error)" }}>
              {" "}
              *
            </span>
          ) : null}
        </>
      }
      variant="unstyled"
      styles={{ legend: { fontWeight: 500, fontSize: "var(--mantine-font-size-sm)", marginBottom: 4 } }}
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NativeSelect
          label={t("date.precisionLabel")}
          data={options.map((p) => ({ value: p, label: t(`date.precision.${p}`) }))}
          w={{ base: "100%", xs: 210 }}
          {...precisionProps}
          error={undefined}
        />
        {precision !== "unknown" ? (
          <TextInput
            label={legend}
            description={description ?? t("date.formatHint", { format: t(`date.format.${precision}`) })}
            placeholder={t(`date.format.${precision}`)}
            inputMode="numeric"
            autoComplete="off"
            aria-required={required || undefined}
            w={{ base: "100%", xs: 180 }}
            {...textProps}
          />
        ) : null}
      </Group>
    </Fieldset>
  );
}
