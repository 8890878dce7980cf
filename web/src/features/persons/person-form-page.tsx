// Register a person, or correct the personal details of one: partly known dates with a precision,
// nationalities and languages (with interpreter need) chosen from the ISO lists, an optional
// household; inline validation and the server's field errors on the fields.
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { emailPattern, focusFirstInvalid, localizeFieldMessage } from "../../app/forms";
import { notifySuccess } from "../../app/notify";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import { type HouseholdAddress, householdQuery, householdsApi } from "../households/households.api";
import "./case-file.css";
import { DuplicateWarning, useDuplicateGate } from "../duplicates/duplicate-warning";
import { PartialDateField } from "./partial-date-field";
import { earliestDay, isoToday, type KnownPrecision, parseInput, precisionOf, toInputText } from "./partial-dates";
import {
  fullName,
  type HouseholdRelation,
  householdRelations,
  type Person,
  type PersonInput,
  type Precision,
  personQuery,
  personsApi,
  type Sex,
  sexes,
} from "./persons.api";
import { usePersonStrings } from "./persons.i18n";
import { useCountries, useLanguages } from "./reference.api";

const newRoute = getRouteApi("/_app/persons/new");
const editRoute = getRouteApi("/_app/persons/$personId/edit");

export function NewPersonPage() {
  const { householdId } = newRoute.useSearch();
  const household = useQuery({ ...householdQuery(householdId ?? ""), enabled: Boolean(householdId) });
  if (householdId && household.isPending) return <PageLoader />;
  const h = household.data;
  return <PersonForm household={h ? { id: h.id, name: h.name, address: h.address } : undefined} />;
}

export function EditPersonPage() {
  const { personId } = editRoute.useParams();
  const query = useQuery(personQuery(personId));
  if (query.isPending) return <PageLoader />;
  if (query.error) return <ProblemAlert error={query.error} />;
  return <PersonForm key={`${query.data.id}:${query.data.version}`} person={query.data} />;
}

type HouseholdMode = "none" | "new" | "existing";

type Values = {
  givenNames: string;
  familyName: string;
  alternativeNames: string;
  birthPrecision: Precision;
  birthText: string;
  birthPlace: string;
  sex: Sex;
  nationalities: string[];
  languages: string[];
  interpreter: string[];
  phone: string;
  email: string;
  street: string;
  addition: string;
  postalCode: string;
  city: string;
  arrivedDePrecision: Precision;
  arrivedDeText: string;
  arrivedMunPrecision: Precision;
  arrivedMunText: string;
  householdMode: HouseholdMode;
  /** A member registered into a household lives there unless the user says otherwise. */
  takeHouseholdAddress: boolean;
  householdName: string;
  relation: HouseholdRelation | "";
};

/** Where the server's error paths land in the form. */
const serverPaths: [RegExp, keyof Values][] = [
  [/^givenNames/, "givenNames"],
  [/^familyName/, "familyName"],
  [/^alternativeNames/, "alternativeNames"],
  [/^birthDate/, "birthText"],
  [/^birthPlace/, "birthPlace"],
  [/^sex/, "sex"],
  [/^nationalities/, "nationalities"],
  [/^languages/, "languages"],
  [/^contact\.phone/, "phone"],
  [/^contact\.email/, "email"],
  [/^address\.street/, "street"],
  [/^address\.addition/, "addition"],
  [/^address\.postalCode/, "postalCode"],
  [/^address\.city/, "city"],
  [/^arrivedInGermanyOn/, "arrivedDeText"],
  [/^arrivedInMunicipalityOn/, "arrivedMunText"],
  [/^household/, "relation"],
];

export function mapServerErrors(error: unknown, t: TFunction): { fields: Record<string, string>; unmapped: boolean } {
  const fields: Record<string, string> = {};
  let unmapped = false;
  if (!(error instanceof ApiError)) return { fields, unmapped: true };
  for (const e of error.problem.errors ?? []) {
    const path = e.path.replace(/^body\./, "");
    const field = serverPaths.find(([re]) => re.test(path))?.[1];
    const message = /ISO 3166|ISO 639/.test(e.message) ? t("validation.select") : localizeFieldMessage(e.message, t);
    if (field) fields[field] ??= message;
    else unmapped = true;
  }
  return { fields, unmapped };
}

type TargetHousehold = { id: string; name: string; address: HouseholdAddress | null };

function PersonForm({ person, household }: { person?: Person; household?: TargetHousehold }) {
  const t = usePersonStrings();
  const { t: tc, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? "de";
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const countries = useCountries();
  const languages = useLanguages();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editing = Boolean(person);
  const duplicates = useDuplicateGate();

  const dateError = (precision: Precision, text: string, required = false) => {
    if (precision === "unknown") return null;
    if (!text.trim()) return required ? tc("validation.required") : null;
    const iso = parseInput(text, precision as KnownPrecision);
    if (!iso) return t("date.invalid", { format: t(`date.format.${precision as KnownPrecision}`) });
    if (earliestDay(iso) > isoToday()) return t("date.future");
    return null;
  };

  const form = useForm<Values>({
    initialValues: {
      givenNames: person?.givenNames ?? "",
      familyName: person?.familyName ?? "",
      alternativeNames: (person?.alternativeNames ?? []).join("\n"),
      birthPrecision: person ? person.birthDatePrecision : "full",
      birthText: toInputText(person?.birthDate, language),
      birthPlace: person?.birthPlace ?? "",
      sex: person?.sex ?? "unknown",
      nationalities: person?.nationalities ?? [],
      languages: (person?.languages ?? []).map((l) => l.code),
      interpreter: (person?.languages ?? []).filter((l) => l.interpreterNeeded).map((l) => l.code),
      phone: person?.contact.phone ?? "",
      email: person?.contact.email ?? "",
      street: person?.address.street ?? household?.address?.street ?? "",
      addition: person?.address.addition ?? household?.address?.addition ?? "",
      postalCode: person?.address.postalCode ?? household?.address?.postalCode ?? "",
      city: person?.address.city ?? household?.address?.city ?? "",
      arrivedDePrecision: person?.arrivedInGermanyOn ? precisionOf(person.arrivedInGermanyOn) : "full",
      arrivedDeText: toInputText(person?.arrivedInGermanyOn, language),
      arrivedMunPrecision: person?.arrivedInMunicipalityOn ? precisionOf(person.arrivedInMunicipalityOn) : "full",
      arrivedMunText: toInputText(person?.arrivedInMunicipalityOn, language),
      householdMode: household ? "existing" : "none",
      takeHouseholdAddress: Boolean(household?.address),
      householdName: "",
      relation: household ? "" : "head",
    },
    validate: {
      givenNames: (v) =>
        !v.trim() ? tc("validation.required") : v.length > 200 ? tc("validation.maxLength", { count: 200 }) : null,
      familyName: (v) => (v.length > 200 ? tc("validation.maxLength", { count: 200 }) : null),
      alternativeNames: (v) =>
        v.split("\n").some((n) => n.trim().length > 200) ? tc("validation.maxLength", { count: 200 }) : null,
      birthText: (v, values) => dateError(values.birthPrecision, v),
      birthPlace: (v) => (v.length > 200 ? tc("validation.maxLength", { count: 200 }) : null),
      nationalities: (v) => (v.length > 5 ? tc("validation.invalid") : null),
      languages: (v) => (v.length > 10 ? tc("validation.invalid") : null),
      phone: (v) => (/^[+\d ()/-]*$/.test(v.trim()) ? null : t("form.phoneInvalid")),
      email: (v) => (v.trim() && !emailPattern.test(v.trim()) ? tc("validation.email") : null),
      postalCode: (v) => (v.trim().length > 10 ? tc("validation.maxLength", { count: 10 }) : null),
      arrivedDeText: (v, values) => dateError(values.arrivedDePrecision, v),
      arrivedMunText: (v, values) => dateError(values.arrivedMunPrecision, v),
      householdName: (v, values) => (values.householdMode === "new" && !v.trim() ? tc("validation.required") : null),
      relation: (v, values) => (values.householdMode !== "none" && !v ? tc("validation.select") : null),
    },
  });

  const iso = (precision: Precision, text: string) =>
    precision === "unknown" || !text.trim() ? null : (parseInput(text, precision as KnownPrecision) ?? null);
  const orNull = (s: string) => s.trim() || null;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    const body: PersonInput = {
      givenNames: values.givenNames.trim(),
      familyName: values.familyName.trim(),
      alternativeNames: values.alternativeNames
        .split("\n")
        .map((n) => n.trim())
        .filter(Boolean),
      birthDate: iso(values.birthPrecision, values.birthText),
      birthPlace: orNull(values.birthPlace),
      sex: values.sex,
      nationalities: values.nationalities,
      languages: values.languages.map((code) => ({ code, interpreterNeeded: values.interpreter.includes(code) })),
      contact: { phone: orNull(values.phone), email: orNull(values.email) },
      address: {
        street: orNull(values.street),
        postalCode: orNull(values.postalCode),
        city: orNull(values.city),
        addition: orNull(values.addition),
      },
      arrivedInGermanyOn: iso(values.arrivedDePrecision, values.arrivedDeText),
      arrivedInMunicipalityOn: iso(values.arrivedMunPrecision, values.arrivedMunText),
    };
    try {
      if (person) {
        const saved = await personsApi.update(person.id, { ...body, version: person.version });
        queryClient.setQueryData(personQuery(person.id).queryKey, (old) => (old ? { ...old, ...saved } : saved));
        await queryClient.invalidateQueries({ queryKey: ["persons"] });
        notifySuccess(t("form.saved", { name: fullName(saved) }));
        await navigate({ to: "/persons/$personId", params: { personId: person.id } });
        return;
      }
      // Before a second file is created: visible persons that may be the same (see duplicates/).
      if (!(await duplicates.proceed(body))) {
        setBusy(false);
        return;
      }
      const relation = values.relation || undefined;
      const created = await personsApi.create({
        ...body,
        ...(values.householdMode === "existing" && household
          ? { householdId: household.id, householdRelation: relation }
          : {}),
      });
      let householdFailed = false;
      if (values.householdMode === "new") {
        try {
          await householdsApi.create({
            name: values.householdName.trim(),
            members: [{ personId: created.id, relation: relation ?? "head" }],
          });
        } catch {
          householdFailed = true;
        }
      }
      await queryClient.invalidateQueries({ queryKey: ["persons"] });
      if (household) await queryClient.invalidateQueries({ queryKey: householdQuery(household.id).queryKey });
      notifySuccess(
        householdFailed
          ? t("form.createdHouseholdFailed", { name: fullName(created) })
          : t("form.created", { name: fullName(created) }),
      );
      await navigate({
        to: "/persons/$personId",
        params: { personId: created.id },
        search: householdFailed ? { tab: "household" } : {},
      });
    } catch (e) {
      setBusy(false);
      const mapped = mapServerErrors(e, tc);
      if (Object.keys(mapped.fields).length > 0) {
        form.setErrors(mapped.fields);
        focusFirstInvalid();
        if (mapped.unmapped) setError(e);
      } else setError(e);
    }
  };

  const conflict = error instanceof ApiError && error.code === "version-conflict";
  const reload = async () => {
    if (!person) return;
    setError(null);
    await queryClient.invalidateQueries({ queryKey: personQuery(person.id).queryKey });
  };
  const cancel = () =>
    person
      ? navigate({ to: "/persons/$personId", params: { personId: person.id } })
      : navigate({ to: "/persons", search: {} });

  const languageName = (code: string) => languages.name(code);
  const householdAddress = !editing && form.values.householdMode === "existing" ? household?.address : null;
  const addressTaken = Boolean(householdAddress) && form.values.takeHouseholdAddress;
  const takeAddress = (take: boolean) => {
    form.setFieldValue("takeHouseholdAddress", take);
    // Switched on, the household's address comes back; switched off, it stays as a start to edit.
    if (take && householdAddress)
      form.setValues({
        street: householdAddress.street ?? "",
        addition: householdAddress.addition ?? "",
        postalCode: householdAddress.postalCode ?? "",
        city: householdAddress.city ?? "",
      });
  };
  const addressProps = (field: "street" | "addition" | "postalCode" | "city") => ({
    ...form.getInputProps(field),
    readOnly: addressTaken,
    variant: addressTaken ? "filled" : "default",
  });
  const selectedLanguages = form.values.languages;

  return (
    <>
      <PageHeader
        title={editing ? t("form.editTitle") : t("form.createTitle")}
        description={person ? fullName(person) : t("form.createIntro")}
      />
      <ProblemAlert
        error={error}
        action={
          conflict ? (
            <Button variant="default" onClick={reload}>
              {tc("actions.reload")}
            </Button>
          ) : undefined
        }
      />
      <form onSubmit={form.onSubmit(submit, focusFirstInvalid)} noValidate data-testid="person-form">
        <Stack gap="lg" maw="60rem">
          <Section legend={t("form.nameLegend")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t("form.givenNames")}
                withAsterisk
                aria-required="true"
                autoComplete="off"
                maxLength={200}
                {...form.getInputProps("givenNames")}
              />
              <TextInput
                label={t("form.familyName")}
                description={t("form.familyNameDescription")}
                autoComplete="off"
                maxLength={200}
                {...form.getInputProps("familyName")}
              />
            </SimpleGrid>
            <Textarea
              label={t("form.alternativeNames")}
              description={t("form.alternativeNamesDescription")}
              autosize
              minRows={2}
              maxRows={6}
              {...form.getInputProps("alternativeNames")}
            />
          </Section>

          <Section legend={t("form.birthLegend")}>
            <PartialDateField
              legend={t("form.birthDate")}
              precisionProps={form.getInputProps("birthPrecision")}
              textProps={form.getInputProps("birthText")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t("form.birthPlace")}
                autoComplete="off"
                maxLength={200}
                {...form.getInputProps("birthPlace")}
              />
              <NativeSelect
                label={t("form.sex")}
                data={sexes.map((s) => ({ value: s, label: t(`sex.${s}`) }))}
                {...form.getInputProps("sex")}
              />
            </SimpleGrid>
            <MultiSelect
              label={t("form.nationalities")}
              description={t("form.nationalitiesDescription")}
              placeholder={form.values.nationalities.length === 0 ? t("form.nationalitiesPlaceholder") : undefined}
              data={countries.items.map((c) => ({ value: c.code, label: c.name }))}
              searchable
              clearable
              maxValues={5}
              nothingFoundMessage={tc("list.noMatch")}
              hidePickedOptions
              {...form.getInputProps("nationalities")}
            />
          </Section>

          <Section legend={t("form.languagesLegend")}>
            <MultiSelect
              label={t("form.languages")}
              description={t("form.languagesDescription")}
              placeholder={selectedLanguages.length === 0 ? t("form.languagesPlaceholder") : undefined}
              data={languages.items.map((l) => ({ value: l.code, label: l.name }))}
              searchable
              clearable
              maxValues={10}
              nothingFoundMessage={tc("list.noMatch")}
              hidePickedOptions
              {...form.getInputProps("languages")}
              onChange={(v) => {
                form.setFieldValue("languages", v);
                form.setFieldValue(
                  "interpreter",
                  form.values.interpreter.filter((c) => v.includes(c)),
                );
              }}
            />
            {selectedLanguages.length > 0 ? (
              <Checkbox.Group label={t("form.interpreter")} {...form.getInputProps("interpreter")}>
                <Group gap="lg" mt={6}>
                  {selectedLanguages.map((code) => (
                    <Checkbox key={code} value={code} label={languageName(code)} />
                  ))}
                </Group>
              </Checkbox.Group>
            ) : null}
          </Section>

          <Section legend={t("form.contactLegend")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t("form.phone")}
                type="tel"
                autoComplete="off"
                maxLength={50}
                {...form.getInputProps("phone")}
              />
              <TextInput
                label={t("form.email")}
                type="email"
                autoComplete="off"
                maxLength={200}
                {...form.getInputProps("email")}
              />
            </SimpleGrid>
            {householdAddress && household ? (
              <Checkbox
                label={t("form.takeHouseholdAddress")}
                description={t("form.takeHouseholdAddressDescription", { name: household.name })}
                checked={form.values.takeHouseholdAddress}
                onChange={(e) => takeAddress(e.currentTarget.checked)}
                data-testid="take-household-address"
              />
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t("form.street")} autoComplete="off" maxLength={200} {...addressProps("street")} />
              <TextInput label={t("form.addition")} autoComplete="off" maxLength={200} {...addressProps("addition")} />
              <TextInput
                label={t("form.postalCode")}
                autoComplete="off"
                maxLength={10}
                {...addressProps("postalCode")}
              />
              <TextInput label={t("form.city")} autoComplete="off" maxLength={100} {...addressProps("city")} />
            </SimpleGrid>
          </Section>

          <Section legend={t("form.arrivalLegend")}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <PartialDateField
                legend={t("form.arrivedInGermanyOn")}
                precisionProps={form.getInputProps("arrivedDePrecision")}
                textProps={form.getInputProps("arrivedDeText")}
              />
              <PartialDateField
                legend={t("form.arrivedInMunicipalityOn")}
                precisionProps={form.getInputProps("arrivedMunPrecision")}
                textProps={form.getInputProps("arrivedMunText")}
              />
            </SimpleGrid>
          </Section>

          {!editing ? (
            <Section legend={t("form.householdLegend")}>
              <Radio.Group
                {...form.getInputProps("householdMode")}
                onChange={(v) => {
                  form.setFieldValue("householdMode", v as HouseholdMode);
                  if (v === "new") {
                    if (!form.values.householdName)
                      form.setFieldValue(
                        "householdName",
                        t("form.householdNameDefault", {
                          name: form.values.familyName.trim() || form.values.givenNames.trim(),
                        }),
                      );
                    if (!form.values.relation) form.setFieldValue("relation", "head");
                  }
                }}
                aria-label={t("form.householdLegend")}
              >
                <Stack gap="xs">
                  <Radio value="none" label={t("form.householdNone")} />
                  <Radio value="new" label={t("form.householdNew")} />
                  {household ? (
                    <Radio value="existing" label={t("form.householdExisting", { name: household.name })} />
                  ) : null}
                </Stack>
              </Radio.Group>
              {form.values.householdMode !== "none" ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  {form.values.householdMode === "new" ? (
                    <TextInput
                      label={t("form.householdName")}
                      withAsterisk
                      aria-required="true"
                      maxLength={200}
                      {...form.getInputProps("householdName")}
                    />
                  ) : null}
                  <NativeSelect
                    label={t("form.relation")}
                    description={t("form.relationDescription")}
                    withAsterisk
                    aria-required="true"
                    data={[
                      { value: "", label: t("form.choose"), disabled: true },
                      ...householdRelations.map((r) => ({ value: r, label: t(`relation.${r}`) })),
                    ]}
                    {...form.getInputProps("relation")}
                  />
                </SimpleGrid>
              ) : null}
            </Section>
          ) : null}

          {editing ? null : <DuplicateWarning gate={duplicates} />}
          <Group gap="sm">
            <Button type="submit" loading={busy}>
              {editing ? tc("actions.save") : t("form.createTitle")}
            </Button>
            <Button variant="default" onClick={() => void cancel()}>
              {tc("actions.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md">
      <Fieldset
        legend={legend}
        variant="unstyled"
        styles={{ legend: { fontWeight: 650, fontSize: "var(--mantine-font-size-lg)", marginBottom: 12 } }}
      >
        <Stack gap="md">{children}</Stack>
      </Fieldset>
    </Paper>
  );
}
