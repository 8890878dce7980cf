// "Record consent": recipients, categories, purpose, validity, how and in which language it was
// given, and the signed scan (uploaded as a document of the person first, then linked as proof).
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  FileInput,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle, IconPaperclip, IconPrinter } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { focusFirstInvalid, serverFieldErrors } from "../../app/forms";
import { notifySuccess } from "../../app/notify";
import { ProblemAlert } from "../../app/page";
import type { Organisation } from "../organisations/organisations.api";
import { isoDate, todayIso } from "./consent-parts";
import {
  type Category,
  type ConsentMethod,
  categories,
  consentMethods,
  consentsApi,
  type FormLanguage,
  formLanguages,
  isFormLanguage,
  type PersonHead,
  specialCategories,
} from "./consents.api";
import { useConsentStrings } from "./consents.i18n";

type Values = {
  recipientOrganisationIds: string[];
  allPartners: boolean;
  caseManagement: boolean;
  categories: Category[];
  purpose: string;
  validFrom: string;
  validUntil: string;
  method: ConsentMethod;
  language: FormLanguage;
  proof: File | null;
};

const fields = [
  "recipientOrganisationIds",
  "allPartners",
  "caseManagement",
  "categories",
  "purpose",
  "validFrom",
  "validUntil",
  "method",
  "language",
  "proof",
] as const;

/** The person's first language that the form exists in; German otherwise. */
export const preferredFormLanguage = (person: PersonHead | undefined): FormLanguage =>
  person?.languages.map((l) => l.code).find(isFormLanguage) ?? "de";

/** Server paths like `recipientOrganisationIds.2` or `proofDocumentId` onto the form's fields. */
function fieldPaths(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.problem.errors) return error;
  const errors = error.problem.errors.map((e) => {
    const base = e.path.replace(/^body\./, "").split(".")[0] ?? e.path;
    return { ...e, path: base === "proofDocumentId" ? "proof" : base };
  });
  return new ApiError(error.status, { ...error.problem, errors });
}

export function RecordConsentForm({
  person,
  organisations,
  onClose,
}: {
  person: PersonHead;
  organisations: Organisation[];
  onClose: () => void;
}) {
  const t = useConsentStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<false | "uploading" | "saving">(false);
  // A scan already uploaded is reused when saving again after a validation error.
  const uploaded = useRef<{ file: File; id: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const form = useForm<Values>({
    initialValues: {
      recipientOrganisationIds: [],
      allPartners: false,
      caseManagement: false,
      categories: [],
      purpose: "",
      validFrom: todayIso(),
      validUntil: "",
      method: "signed_form",
      language: preferredFormLanguage(person),
      proof: null,
    },
    validate: {
      recipientOrganisationIds: (v, all) =>
        v.length === 0 && !all.allPartners && !all.caseManagement ? t("form.recipientRequired") : null,
      categories: (v) => (v.length === 0 ? t("form.categoryRequired") : null),
      purpose: (v) =>
        !v.trim() ? tc("validation.required") : v.length > 500 ? tc("validation.maxLength", { count: 500 }) : null,
      validFrom: (v) => (!v ? tc("validation.required") : isoDate.test(v) ? null : t("form.invalidDate")),
      validUntil: (v, all) =>
        !v ? null : !isoDate.test(v) ? t("form.invalidDate") : v < all.validFrom ? t("form.untilBeforeFrom") : null,
      proof: (v, all) => (all.method === "signed_form" && !v ? t("form.proofMissing") : null),
    },
  });
  const v = form.values;

  const orgById = new Map(organisations.map((o) => [o.id, o]));
  const namesImmigrationOffice = v.recipientOrganisationIds.some(
    (id) => orgById.get(id)?.type === "immigration_office",
  );

  const submit = async (values: Values) => {
    setError(null);
    try {
      let proofDocumentId: string | null = null;
      if (values.proof) {
        if (uploaded.current?.file === values.proof) proofDocumentId = uploaded.current.id;
        else {
          setBusy("uploading");
          const title = `${t("printView.pageTitle")} – ${values.purpose.trim()}`.slice(0, 200);
          const doc = await consentsApi.uploadDocument(person.id, values.proof, title).catch((e: unknown) => {
            throw fieldPaths(
              e instanceof ApiError && !e.problem.errors
                ? new ApiError(e.status, { ...e.problem, errors: [{ path: "proof", message: e.message }] })
                : e,
            );
          });
          uploaded.current = { file: values.proof, id: doc.id };
          proofDocumentId = doc.id;
        }
      }
      setBusy("saving");
      await consentsApi.create(person.id, {
        recipientOrganisationIds: values.recipientOrganisationIds,
        allPartners: values.allPartners,
        caseManagement: values.caseManagement,
        categories: categories.filter((c) => values.categories.includes(c)),
        purpose: values.purpose.trim(),
        validFrom: values.validFrom,
        validUntil: values.validUntil || null,
        method: values.method,
        language: values.language,
        proofDocumentId,
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["consents"] }),
        queryClient.invalidateQueries({ queryKey: ["persons"] }),
        queryClient.invalidateQueries({ queryKey: ["documents"] }),
      ]);
      notifySuccess(t("form.saved"));
      onClose();
    } catch (e) {
      setBusy(false);
      const mapped = serverFieldErrors(fieldPaths(e), fields, tc, [
        [/only pdf|not a recognised type|content is/i, t("form.proofDescription")],
        [/no such organisation/i, tc("validation.select")],
        [/before validfrom/i, t("form.untilBeforeFrom")],
      ]);
      if (Object.keys(mapped.fields).length > 0) {
        form.setErrors(mapped.fields);
        focusFirstInvalid();
        if (mapped.rest.length > 0) setError(e);
      } else setError(e);
    }
  };

  const printSearch = {
    language: v.language,
    recipients: v.recipientOrganisationIds.join(",") || undefined,
    allPartners: v.allPartners || undefined,
    caseManagement: v.caseManagement || undefined,
    categories: categories.filter((c) => v.categories.includes(c)).join(",") || undefined,
    purpose: v.purpose.trim() || undefined,
    validFrom: v.validFrom || undefined,
    validUntil: v.validUntil || undefined,
  };

  const legendStyles = { legend: { fontWeight: 650, fontSize: "var(--mantine-font-size-md)", marginBottom: 6 } };

  return (
    <Paper withBorder p="xl" radius="md" mb="lg" component="section" aria-labelledby="consent-form-title">
      <Title order={3} id="consent-form-title" ref={heading} tabIndex={-1} mb={4}>
        {t("form.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="lg" maw="48rem">
        {t("form.intro")}
      </Text>
      <ProblemAlert error={error} />
      <form onSubmit={form.onSubmit(submit, focusFirstInvalid)} noValidate>
        <Stack gap="xl">
          <Fieldset legend={t("form.recipientsLegend")} variant="unstyled" styles={legendStyles}>
            <Text size="sm" c="dimmed" mb="sm">
              {t("form.recipientsHint")}
            </Text>
            <Stack gap="md">
              <MultiSelect
                label={t("form.organisations")}
                placeholder={v.recipientOrganisationIds.length === 0 ? t("form.organisationsPlaceholder") : undefined}
                data={organisations
                  .filter((o) => o.active || v.recipientOrganisationIds.includes(o.id))
                  .map((o) => ({ value: o.id, label: o.name }))}
                searchable
                // Focus alone (also after a failed save) leaves the list closed over the form's errors.
                openOnFocus={false}
                clearable
                hidePickedOptions
                nothingFoundMessage={tc("list.noMatch")}
                maw="40rem"
                comboboxProps={{ withinPortal: true }}
                // No inner scrolling region: one that keyboards cannot reach fails WCAG 2.1.1 (axe).
                withScrollArea={false}
                {...form.getInputProps("recipientOrganisationIds")}
              />
              {namesImmigrationOffice ? (
                <Alert
                  variant="light"
                  color="yellow"
                  icon={<IconAlertTriangle aria-hidden="true" />}
                  maw="48rem"
                  styles={{ message: { color: "#3d2a00" } }}
                >
                  {t("form.immigrationOffice")}
                </Alert>
              ) : null}
              <Checkbox
                label={t("form.allPartners")}
                description={t("form.allPartnersHint")}
                {...form.getInputProps("allPartners", { type: "checkbox" })}
              />
              <Checkbox
                label={t("form.caseManagement")}
                {...form.getInputProps("caseManagement", { type: "checkbox" })}
              />
            </Stack>
          </Fieldset>

          <Checkbox.Group
            label={t("form.categoriesLegend")}
            withAsterisk
            styles={{ label: legendStyles.legend }}
            {...form.getInputProps("categories")}
          >
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="sm" mt="xs">
              {categories.map((c) => (
                <Checkbox
                  key={c}
                  value={c}
                  label={t(`category.${c}`)}
                  description={
                    specialCategories.includes(c)
                      ? `${t(`categoryHint.${c}`)} – ${t("specialCategory")}`
                      : t(`categoryHint.${c}`)
                  }
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {v.categories.some((c) => specialCategories.includes(c)) ? (
            <Alert
              variant="light"
              color="yellow"
              icon={<IconAlertTriangle aria-hidden="true" />}
              maw="48rem"
              mt={-12}
              styles={{ message: { color: "#3d2a00" } }}
            >
              {t("form.healthHint")}
            </Alert>
          ) : null}

          <Textarea
            label={t("form.purpose")}
            description={t("form.purposeDescription")}
            withAsterisk
            aria-required="true"
            autosize
            minRows={2}
            maxRows={5}
            maxLength={500}
            maw="48rem"
            {...form.getInputProps("purpose")}
          />

          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              type="date"
              label={t("form.validFrom")}
              withAsterisk
              aria-required="true"
              w={{ base: "100%", sm: 200 }}
              {...form.getInputProps("validFrom")}
            />
            <TextInput
              type="date"
              label={t("form.validUntil")}
              description={t("form.validUntilDescription")}
              w={{ base: "100%", sm: 260 }}
              {...form.getInputProps("validUntil")}
            />
          </Group>

          <Radio.Group label={t("form.method")} withAsterisk {...form.getInputProps("method")}>
            <Group gap="lg" mt="xs">
              {consentMethods.map((m) => (
                <Radio key={m} value={m} label={t(`method.${m}`)} />
              ))}
            </Group>
          </Radio.Group>

          <Group align="flex-start" gap="md" wrap="wrap">
            <NativeSelect
              label={t("form.language")}
              description={t("form.languageDescription")}
              data={formLanguages.map((l) => ({ value: l, label: t(`formLanguage.${l}`) }))}
              w={{ base: "100%", sm: 320 }}
              {...form.getInputProps("language")}
            />
            <FileInput
              label={t("form.proof")}
              description={t("form.proofDescription")}
              placeholder={t("form.proofPlaceholder")}
              withAsterisk={v.method === "signed_form"}
              accept="application/pdf,image/jpeg,image/png"
              clearable
              leftSection={<IconPaperclip size={16} aria-hidden="true" />}
              w={{ base: "100%", sm: 360 }}
              {...form.getInputProps("proof")}
            />
          </Group>

          <Group gap="sm" justify="space-between" wrap="wrap">
            <Group gap="sm">
              <Button type="submit" loading={busy !== false}>
                {t("form.save")}
              </Button>
              <Button variant="default" onClick={onClose} disabled={busy !== false}>
                {tc("actions.cancel")}
              </Button>
            </Group>
            <Anchor
              renderRoot={(props) => (
                <Link
                  {...props}
                  to="/persons/$personId/consents/print"
                  params={{ personId: person.id }}
                  search={printSearch}
                  target="_blank"
                />
              )}
              fw={600}
            >
              <Group gap={6} component="span">
                <IconPrinter size={18} aria-hidden="true" />
                {t("form.printPreview")}
              </Group>
            </Anchor>
          </Group>
          <div role="status" aria-live="polite">
            {busy === "uploading" ? (
              <Text size="sm" c="dimmed">
                {t("form.uploading")}
              </Text>
            ) : null}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
