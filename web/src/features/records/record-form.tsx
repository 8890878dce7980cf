// The form of every record kind, in a dialog: fields from the kind's specification, selects fed by
// the code lists (the paragraph list filtered by the chosen status type), inline validation and the
// server's field errors (`data.<field>`) on the fields.
import { Button, NativeSelect, Select, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { FormDialog, focusFirstInvalidInDialog } from "../../app/form-dialog";
import { localizeFieldMessage } from "../../app/forms";
import { notifySuccess } from "../../app/notify";
import { allOrganisationsQuery } from "../organisations/organisations.api";
import { PartialDateField } from "../persons/partial-date-field";
import { type KnownPrecision, parseInput, precisionOf, toInputText } from "../persons/partial-dates";
import type { Precision } from "../persons/persons.api";
import { usePersonStrings } from "../persons/persons.i18n";
import { useCountries } from "../persons/reference.api";
import { type FieldSpec, orderedPairs, recordFields } from "./record-fields";
import { useRecordFormat } from "./record-format";
import { type RecordInput, type RecordItem, recordsApi, useCodeLists } from "./records.api";
import { useRecordStrings } from "./records.i18n";

type Values = Record<string, string>;
const precisionKey = (name: string) => `${name}__precision`;

function initialValues(kind: string, record: RecordItem | undefined, language: string): Values {
  const values: Values = {};
  for (const spec of recordFields[kind] ?? []) {
    const raw = record?.data[spec.name];
    if (spec.type === "partialDate") {
      const iso = typeof raw === "string" ? raw : null;
      values[precisionKey(spec.name)] = iso ? precisionOf(iso) : "full";
      values[spec.name] = toInputText(iso, language);
    } else if (spec.type === "fullDate")
      values[spec.name] = toInputText(typeof raw === "string" ? raw : null, language);
    else if (spec.type === "boolean") values[spec.name] = raw === true ? "yes" : raw === false ? "no" : "";
    else values[spec.name] = raw === undefined || raw === null ? "" : String(raw);
  }
  return values;
}

/** The form's values as record data; only the filled-in fields. */
function toData(kind: string, values: Values): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const spec of recordFields[kind] ?? []) {
    const v = (values[spec.name] ?? "").trim();
    if (spec.type === "partialDate") {
      const precision = values[precisionKey(spec.name)] as Precision;
      if (precision !== "unknown" && v) data[spec.name] = parseInput(v, precision);
    } else if (spec.type === "fullDate") {
      if (v) data[spec.name] = parseInput(v, "full");
    } else if (spec.type === "boolean") {
      if (v) data[spec.name] = v === "yes";
    } else if (spec.type === "int") {
      if (v) data[spec.name] = Number(v);
    } else if (v) data[spec.name] = v;
  }
  return data;
}

export function RecordFormModal({
  personId,
  kind,
  record,
  onClose,
}: {
  personId: string;
  kind: string;
  record?: RecordItem;
  onClose: () => void;
}) {
  const t = useRecordStrings();
  const tp = usePersonStrings();
  const { t: tc, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "de";
  const format = useRecordFormat();
  const queryClient = useQueryClient();
  const { lists } = useCodeLists();
  const organisations = useQuery(allOrganisationsQuery);
  const countries = useCountries();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const specs = recordFields[kind] ?? [];
  const kindLabel = format.kindLabel(kind);

  const form = useForm<Values>({
    initialValues: initialValues(kind, record, language),
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const spec of specs) {
        const v = (values[spec.name] ?? "").trim();
        if ("required" in spec && spec.required && !v) {
          errors[spec.name] = spec.type === "text" ? tc("validation.required") : tc("validation.select");
          continue;
        }
        if (!v) continue;
        if (spec.type === "text" && v.length > spec.max)
          errors[spec.name] = tc("validation.maxLength", { count: spec.max });
        if (spec.type === "int") {
          const n = Number(v);
          if (!Number.isInteger(n) || n < spec.min || n > spec.max)
            errors[spec.name] = t("form.intRange", { min: spec.min, max: spec.max });
        }
        if (spec.type === "fullDate" && !parseInput(v, "full")) errors[spec.name] = t("form.dateInvalid");
        if (spec.type === "partialDate") {
          const precision = values[precisionKey(spec.name)] as Precision;
          if (precision !== "unknown" && !parseInput(v, precision as KnownPrecision))
            errors[spec.name] = tp("date.invalid", { format: tp(`date.format.${precision as KnownPrecision}`) });
        }
      }
      const data = toData(kind, values);
      for (const [a, b] of orderedPairs[kind] ?? []) {
        const from = data[a];
        const until = data[b];
        if (typeof from === "string" && typeof until === "string" && !errors[b] && latest(until) < earliest(from))
          errors[b] = t("form.orderError", { other: t(`field.${a}` as never) });
      }
      return errors;
    },
  });

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    const data = toData(kind, values);
    try {
      if (record) await recordsApi.update(record.id, { data, version: record.version });
      // The form is built from the kind's field list (record-fields.ts); the server checks the data per kind.
      else await recordsApi.create(personId, { kind, data } as RecordInput);
      await queryClient.invalidateQueries({ queryKey: ["persons", "one", personId] });
      await queryClient.invalidateQueries({ queryKey: ["timeline", personId] });
      notifySuccess(record ? t("form.saved") : t("form.created", { kind: kindLabel }));
      onClose();
    } catch (e) {
      setBusy(false);
      const fields: Record<string, string> = {};
      let unmapped = false;
      if (e instanceof ApiError) {
        for (const fe of e.problem.errors ?? []) {
          const name = fe.path.replace(/^body\./, "").replace(/^data\./, "");
          if (specs.some((s) => s.name === name)) fields[name] ??= localizeFieldMessage(fe.message, tc);
          else unmapped = true;
        }
      }
      if (Object.keys(fields).length > 0) {
        form.setErrors(fields);
        focusFirstInvalidInDialog();
        if (unmapped) setError(e);
      } else setError(e);
    }
  };

  const conflict = error instanceof ApiError && error.code === "version-conflict";
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: ["persons", "one", personId] });
    onClose();
  };

  const field = (spec: FieldSpec) => {
    const label = t(`field.${spec.name}` as never);
    const required = "required" in spec && spec.required === true;
    const common = { label, withAsterisk: required, "aria-required": required || undefined };
    switch (spec.type) {
      case "code": {
        let entries = lists.get(spec.list) ?? [];
        const dep = spec.dependsOn;
        const parent = dep ? form.values[dep.field] : undefined;
        if (dep) entries = entries.filter((e) => e.attributes[dep.attribute] === parent);
        const current = form.values[spec.name];
        const missing = current && !entries.some((e) => e.code === current);
        return (
          <NativeSelect
            {...common}
            disabled={dep ? !parent : false}
            data={[
              { value: "", label: dep && !parent ? t("chooseTypeFirst") : required ? t("choose") : t("notStated") },
              ...(missing && current ? [{ value: current, label: format.codeLabel(spec.list, current) }] : []),
              ...entries.map((e) => ({ value: e.code, label: e.label[language === "en" ? "en" : "de"] })),
            ]}
            {...form.getInputProps(spec.name)}
            onChange={(e) => {
              form.setFieldValue(spec.name, e.currentTarget.value);
              // A paragraph belongs to one status type: changing the type drops a paragraph of another.
              for (const other of specs)
                if (other.type === "code" && other.dependsOn?.field === spec.name) form.setFieldValue(other.name, "");
            }}
          />
        );
      }
      case "enum":
        return (
          <NativeSelect
            {...common}
            data={[
              { value: "", label: required ? t("choose") : t("notStated") },
              ...spec.options.map((o) => ({
                value: o,
                label: t(`value.${kind}.${spec.name}.${o}` as never, { defaultValue: o }),
              })),
            ]}
            {...form.getInputProps(spec.name)}
          />
        );
      case "boolean":
        return (
          <NativeSelect
            {...common}
            data={[
              { value: "", label: t("notStated") },
              { value: "yes", label: t("yes") },
              { value: "no", label: t("no") },
            ]}
            {...form.getInputProps(spec.name)}
          />
        );
      case "organisation":
        return (
          <NativeSelect
            {...common}
            data={[
              { value: "", label: t("form.noOrganisation") },
              ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
            ]}
            {...form.getInputProps(spec.name)}
          />
        );
      case "country":
        return (
          <Select
            {...common}
            searchable
            placeholder={t("form.searchCountry")}
            nothingFoundMessage={tc("list.noMatch")}
            data={countries.items.map((c) => ({ value: c.code, label: c.name }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps(spec.name)}
            onChange={(v) => form.setFieldValue(spec.name, v ?? "")}
          />
        );
      case "int":
        return (
          <TextInput {...common} inputMode="numeric" w={{ base: "100%", xs: 160 }} {...form.getInputProps(spec.name)} />
        );
      case "fullDate":
        return (
          <TextInput
            {...common}
            description={t("form.dateFormat")}
            placeholder={tp("date.format.full")}
            inputMode="numeric"
            autoComplete="off"
            {...form.getInputProps(spec.name)}
          />
        );
      case "partialDate":
        return (
          <PartialDateField
            legend={label}
            precisionProps={form.getInputProps(precisionKey(spec.name))}
            textProps={form.getInputProps(spec.name)}
          />
        );
      case "text":
        return spec.multiline ? (
          <Textarea {...common} autosize minRows={5} maxRows={16} {...form.getInputProps(spec.name)} />
        ) : (
          <TextInput {...common} maxLength={spec.max} {...form.getInputProps(spec.name)} />
        );
    }
  };

  return (
    <FormDialog
      title={
        record
          ? t("form.editTitle", { kind: format.kindInText(kind) })
          : t("form.createTitle", { kind: format.kindInText(kind) })
      }
      onClose={onClose}
      onSubmit={form.onSubmit(submit)}
      submitLabel={tc("actions.save")}
      pending={busy}
      error={error}
      errorAction={
        conflict ? (
          <Button variant="default" onClick={reload}>
            {tc("actions.reload")}
          </Button>
        ) : undefined
      }
      testId="record-form"
    >
      {rows(specs).map((row) =>
        row.length === 1 ? (
          <Fragment key={row[0]?.name}>{row[0] ? field(row[0]) : null}</Fragment>
        ) : (
          <SimpleGrid key={row.map((r) => r.name).join("+")} cols={{ base: 1, xs: 2 }} spacing="md">
            {row.map((spec) => (
              <Fragment key={spec.name}>{field(spec)}</Fragment>
            ))}
          </SimpleGrid>
        ),
      )}
    </FormDialog>
  );
}

/** Consecutive short fields (dates, yes/no) side by side, two to a row. */
function rows(specs: FieldSpec[]): FieldSpec[][] {
  const out: FieldSpec[][] = [];
  for (const spec of specs) {
    const last = out[out.length - 1];
    const short = spec.type === "fullDate" || spec.type === "boolean";
    if (short && last && last.length === 1 && last[0]?.type === spec.type) last.push(spec);
    else out.push([spec]);
  }
  return out;
}

const earliest = (iso: string) => (iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso);
const latest = (iso: string) => (iso.length === 4 ? `${iso}-12-31` : iso.length === 7 ? `${iso}-31` : iso);
