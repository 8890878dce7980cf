// Legal bases: the list for the tenant admin and the data-protection officer; the tenant admin
// adds one (organisation, categories, citation, validity) and revokes it.
import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../app/data-table";
import { useFormat } from "../../app/format";
import { focusFirstInvalid, serverFieldErrors } from "../../app/forms";
import { notifySuccess } from "../../app/notify";
import { PageHeader, ProblemAlert } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { useMe } from "../auth/auth.api";
import { CategoryBadges, isoDate, todayIso } from "../consents/consent-parts";
import { type Category, categories, specialCategories } from "../consents/consents.api";
import { useConsentStrings } from "../consents/consents.i18n";
import { allOrganisationsQuery, type Organisation } from "../organisations/organisations.api";
import { type LegalBasis, legalBasesApi, legalBasesQuery } from "./legal-bases.api";
import { useLegalBasisStrings } from "./legal-bases.i18n";

type State = "active" | "pending" | "expired" | "revoked";
const stateOf = (b: LegalBasis): State =>
  b.revokedAt ? "revoked" : b.active ? "active" : b.validFrom > todayIso() ? "pending" : "expired";
const tone = { active: "success", pending: "warning", expired: "neutral", revoked: "danger" } as const;

export function LegalBasesPage() {
  const t = useLegalBasisStrings();
  const tcat = useConsentStrings();
  const { t: tc } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const canManage = me.abilities.manageLegalBases;
  const list = useQuery(legalBasesQuery);
  const organisations = useQuery(allOrganisationsQuery);
  const names = new Map((organisations.data ?? []).map((o) => [o.id, o.name]));
  const organisationOf = (b: LegalBasis) => names.get(b.organisationId) ?? tc("status.none");
  const [formOpen, setFormOpen] = useState(false);
  const [revoking, setRevoking] = useState<LegalBasis | null>(null);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={canManage ? t("intro") : t("introReadOnly")}
        actions={
          canManage && !formOpen ? (
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setFormOpen(true)}>
              {t("create")}
            </Button>
          ) : null
        }
      />
      {formOpen ? <LegalBasisForm organisations={organisations.data ?? []} onClose={() => setFormOpen(false)} /> : null}
      <ProblemAlert error={list.error} />
      <DataTable
        caption={t("caption")}
        testId="legal-bases-table"
        loading={list.isPending}
        rows={items}
        rowKey={(b) => b.id}
        rowProps={(b) => ({ "data-state": stateOf(b) })}
        empty={t("empty")}
        columns={[
          {
            key: "citation",
            header: t("citation"),
            rowHeader: true,
            cell: (b) => (
              <>
                <Text fw={650} size="sm">
                  {b.citation}
                </Text>
                {b.description ? (
                  <Text size="xs" c="dimmed" fw={400} maw="24rem">
                    {b.description}
                  </Text>
                ) : null}
              </>
            ),
          },
          { key: "organisation", header: t("organisation"), cell: organisationOf },
          { key: "categories", header: t("categories"), cell: (b) => <CategoryBadges list={b.categories} /> },
          {
            key: "validity",
            header: t("validity"),
            nowrap: true,
            cell: (b) =>
              b.validUntil
                ? t("fromUntil", { from: fmt.date(b.validFrom), until: fmt.date(b.validUntil) })
                : t("from", { from: fmt.date(b.validFrom) }),
          },
          {
            key: "status",
            header: t("status"),
            cell: (b) => (
              <>
                <StatusBadge tone={tone[stateOf(b)]}>{t(`state.${stateOf(b)}`)}</StatusBadge>
                {b.revokedAt ? (
                  <Text size="xs" c="dimmed" mt={4}>
                    {t("revokedOn", { date: fmt.date(b.revokedAt) })}
                  </Text>
                ) : null}
              </>
            ),
          },
          canManage && {
            key: "actions",
            header: t("actions"),
            hideHeader: true,
            cell: (b) =>
              stateOf(b) !== "revoked" ? (
                <Button
                  size="xs"
                  variant="outline"
                  color="#b42318"
                  onClick={() => setRevoking(b)}
                  aria-label={t("revokeLabel", { citation: b.citation, organisation: organisationOf(b) })}
                >
                  {t("revoke")}
                </Button>
              ) : null,
          },
        ]}
      />
      <RevokeDialog
        basis={revoking}
        organisation={revoking ? (names.get(revoking.organisationId) ?? "") : ""}
        categoryList={revoking ? revoking.categories.map((c) => tcat(`category.${c}`)).join(", ") : ""}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}

type Values = {
  organisationId: string;
  categories: Category[];
  citation: string;
  description: string;
  validFrom: string;
  validUntil: string;
};
const fields = ["organisationId", "categories", "citation", "description", "validFrom", "validUntil"] as const;

function LegalBasisForm({ organisations, onClose }: { organisations: Organisation[]; onClose: () => void }) {
  const t = useLegalBasisStrings();
  const tcat = useConsentStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const form = useForm<Values>({
    initialValues: {
      organisationId: "",
      categories: [],
      citation: "",
      description: "",
      validFrom: todayIso(),
      validUntil: "",
    },
    validate: {
      organisationId: (v) => (v ? null : tc("validation.select")),
      categories: (v) => (v.length === 0 ? t("form.categoryRequired") : null),
      citation: (v) =>
        v.trim().length < 3
          ? tc("validation.minLength", { count: 3 })
          : v.length > 300
            ? tc("validation.maxLength", { count: 300 })
            : null,
      description: (v) => (v.length > 2000 ? tc("validation.maxLength", { count: 2000 }) : null),
      validFrom: (v) => (isoDate.test(v) ? null : tc("validation.required")),
      validUntil: (v, all) =>
        !v ? null : !isoDate.test(v) ? tc("validation.invalid") : v < all.validFrom ? t("form.untilBeforeFrom") : null,
    },
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      legalBasesApi.create({
        organisationId: v.organisationId,
        categories: categories.filter((c) => v.categories.includes(c)),
        citation: v.citation.trim(),
        description: v.description.trim() || null,
        validFrom: v.validFrom,
        validUntil: v.validUntil || null,
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: legalBasesQuery.queryKey });
      notifySuccess(t("form.saved", { citation: saved.citation }));
      onClose();
    },
    onError: (e) => {
      const mapped = serverFieldErrors(e, fields, tc, [[/before validfrom/i, t("form.untilBeforeFrom")]]);
      if (Object.keys(mapped.fields).length > 0) {
        form.setErrors(mapped.fields);
        focusFirstInvalid();
        setError(mapped.rest.length > 0 ? e : null);
      } else setError(e);
    },
  });

  return (
    <Paper withBorder p="xl" radius="md" mb="xl" component="section" aria-labelledby="legal-basis-form-title">
      <Title order={2} size="h3" id="legal-basis-form-title" ref={heading} tabIndex={-1}>
        {t("form.title")}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="lg" maw="48rem">
        {t("form.intro")}
      </Text>
      <ProblemAlert error={error} />
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setError(null);
          create.mutate(v);
        }, focusFirstInvalid)}
      >
        <Stack gap="lg">
          <NativeSelect
            label={t("form.organisation")}
            withAsterisk
            aria-required="true"
            data={[
              { value: "", label: t("form.choose"), disabled: true },
              ...organisations.filter((o) => o.active).map((o) => ({ value: o.id, label: o.name })),
            ]}
            w={{ base: "100%", sm: 420 }}
            {...form.getInputProps("organisationId")}
          />
          <Checkbox.Group label={t("form.categories")} withAsterisk {...form.getInputProps("categories")}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" mt="xs">
              {categories.map((c) => (
                <Checkbox
                  key={c}
                  value={c}
                  label={tcat(`category.${c}`)}
                  description={specialCategories.includes(c) ? tcat("specialCategory") : undefined}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <TextInput
            label={t("form.citation")}
            description={t("form.citationDescription")}
            withAsterisk
            aria-required="true"
            maxLength={300}
            w={{ base: "100%", sm: 420 }}
            {...form.getInputProps("citation")}
          />
          <Textarea
            label={t("form.description")}
            description={t("form.descriptionDescription")}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            maw="48rem"
            {...form.getInputProps("description")}
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
              w={{ base: "100%", sm: 240 }}
              {...form.getInputProps("validUntil")}
            />
          </Group>
          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t("form.save")}
            </Button>
            <Button variant="default" onClick={onClose}>
              {tc("actions.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RevokeDialog({
  basis,
  organisation,
  categoryList,
  onClose,
}: {
  basis: LegalBasis | null;
  organisation: string;
  categoryList: string;
  onClose: () => void;
}) {
  const t = useLegalBasisStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (b: LegalBasis) => legalBasesApi.revoke(b.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: legalBasesQuery.queryKey });
      notifySuccess(t("revokeDialog.done"));
      close();
    },
  });
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal
      opened={basis !== null}
      onClose={close}
      title={t("revokeDialog.title")}
      size="lg"
      closeButtonProps={{ "aria-label": tc("actions.close") }}
      styles={{ title: { fontWeight: 650, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      <Stack gap="md">
        <Text>
          {t("revokeDialog.text", { organisation, categories: categoryList, citation: basis?.citation ?? "" })}
        </Text>
        <ProblemAlert error={revoke.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            {tc("actions.cancel")}
          </Button>
          <Button color="#b42318" loading={revoke.isPending} onClick={() => basis && revoke.mutate(basis)}>
            {t("revokeDialog.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
