// One life domain of the case file: why it is closed (if it is), the visible records with their data
// in words, "add" for the domain's kinds, edit and delete for the organisation's own records.
import { Button, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { IconEdit, IconLock, IconPlus, IconShieldLock, IconTrash } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { ProblemAlert } from "../../app/page";
import { StatusBadge } from "../../app/status-badge";
import { useMe } from "../auth/auth.api";
import { useOrganisationNames } from "../organisations/organisations.api";
import { focusAfterClose } from "../persons/focus";
import { Notice } from "../persons/notice";
import type { LifeDomain, Person } from "../persons/persons.api";
import { RecordFormModal } from "./record-form";
import { useRecordFormat } from "./record-format";
import { type RecordItem, recordKindsQuery, recordsApi } from "./records.api";
import { useRecordStrings } from "./records.i18n";

export function DomainTab({ person, category }: { person: Person; category: LifeDomain }) {
  const t = useRecordStrings();
  const me = useMe();
  const kinds = useQuery(recordKindsQuery);
  const format = useRecordFormat();
  const [editing, setEditing] = useState<{ kind: string; record?: RecordItem } | null>(null);
  const [deleting, setDeleting] = useState<RecordItem | null>(null);

  const records = (person.records ?? [])
    .filter((r) => r.category === category)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const categoryKinds = (kinds.data ?? []).filter((k) => k.category === category);
  const canAdd = person.abilities.addRecordCategories.includes(category);
  const closed = person.access.closedCategories.filter((c) => c.category === category);
  const headingId = `domain-${category}-heading`;

  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="md" gap="md">
        <div>
          <Title order={2} id={headingId} tabIndex={-1} className="page-heading">
            {t(`category.${category}`)}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t(`categoryIntro.${category}`)}
          </Text>
        </div>
        {canAdd ? (
          <Group gap="sm">
            {categoryKinds.map((k) => (
              <Button
                key={k.kind}
                leftSection={<IconPlus size={18} aria-hidden="true" />}
                onClick={() => setEditing({ kind: k.kind })}
              >
                {t("list.add", { kind: format.kindInText(k.kind) })}
              </Button>
            ))}
          </Group>
        ) : null}
      </Group>
      <Stack gap="md">
        {closed.map((c) =>
          c.reason === "no-consent" ? (
            <Notice
              key={c.reason}
              tone="lock"
              icon={<IconLock size={20} />}
              title={t("closed.noConsent", {
                organisation: me.organisation.name,
                category: t(`category.${category}`),
              })}
              testId="closed-notice"
            >
              {t("closed.noConsentText")} {records.length > 0 ? t("closed.ownShown") : null}
            </Notice>
          ) : c.reason === "confidential" ? (
            <Notice
              key={c.reason}
              tone="lock"
              icon={<IconShieldLock size={20} />}
              title={t("closed.confidential", { category: t(`category.${category}`) })}
              testId="confidential-notice"
            >
              {t("closed.confidentialText")} {records.length > 0 ? t("closed.ownShown") : null}
            </Notice>
          ) : (
            <Notice
              key={c.reason}
              tone="lock"
              icon={<IconShieldLock size={20} />}
              title={t("closed.protected")}
              testId="protected-notice"
            >
              {t("closed.protectedText")}
            </Notice>
          ),
        )}
        {records.length === 0 ? (
          <Paper withBorder p="lg" radius="md">
            <Text c="dimmed">{t("list.empty")}</Text>
            {!canAdd ? (
              <Text c="dimmed" size="sm" mt={4}>
                {t("list.cannotAdd")}
              </Text>
            ) : null}
          </Paper>
        ) : (
          <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: "var(--mantine-spacing-md)" }}>
            {records.map((r) => (
              <li key={r.id}>
                <RecordCard
                  record={r}
                  own={r.ownerOrganisationId === me.user.organisationId}
                  onEdit={() => setEditing({ kind: r.kind, record: r })}
                  onDelete={() => setDeleting(r)}
                />
              </li>
            ))}
          </ul>
        )}
      </Stack>
      {editing ? (
        <RecordFormModal
          personId={person.id}
          kind={editing.kind}
          record={editing.record}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {deleting ? (
        <DeleteRecordDialog
          record={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => focusAfterClose(headingId)}
        />
      ) : null}
    </section>
  );
}

export function RecordCard({
  record,
  own,
  onEdit,
  onDelete,
}: {
  record: RecordItem;
  own: boolean;
  onEdit?: () => void;
  onDelete?: () => void;
}) {
  const t = useRecordStrings();
  const fmt = useFormat();
  const format = useRecordFormat();
  const organisations = useOrganisationNames();
  const kind = format.kindLabel(record.kind);
  const created = fmt.date(record.createdAt);
  const entries = format.entries(record);
  const text = entries.find((e) => e.name === "text");
  const rest = entries.filter((e) => e.name !== "text");
  return (
    <Paper withBorder p="lg" radius="md" data-testid="record-card">
      <div className="record-card-head">
        <div>
          <Group gap="sm" align="center">
            <Title order={3}>{kind}</Title>
            {record.protected ? (
              <span title={t("list.protectedHint")}>
                <StatusBadge tone="neutral" icon={<IconShieldLock size={14} aria-hidden="true" />}>
                  {t("list.protected")}
                </StatusBadge>
              </span>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed" mt={2}>
            {own
              ? t("list.ownerOwn")
              : t("list.owner", { organisation: organisations.get(record.ownerOrganisationId) ?? "…" })}{" "}
            {t("list.createdAt", { date: created })}
          </Text>
        </div>
        {own && (onEdit || onDelete) ? (
          <Group gap="xs">
            {onEdit ? (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconEdit size={16} aria-hidden="true" />}
                onClick={onEdit}
                aria-label={t("list.editLabel", { kind: format.kindInText(record.kind), date: created })}
              >
                {t("list.edit")}
              </Button>
            ) : null}
            {onDelete ? (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                onClick={onDelete}
                aria-label={t("list.deleteLabel", { kind: format.kindInText(record.kind), date: created })}
              >
                {t("list.delete")}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </div>
      {rest.length > 0 ? (
        <dl className="facts" style={{ marginTop: "0.9rem" }}>
          {rest.map((e) => (
            <div key={e.name} style={{ display: "contents" }}>
              <dt>{e.label}</dt>
              <dd>{e.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {text ? (
        <Text mt="sm" style={{ whiteSpace: "pre-wrap" }}>
          {text.value}
        </Text>
      ) : null}
    </Paper>
  );
}

function DeleteRecordDialog({
  record,
  onClose,
  onDeleted,
}: {
  record: RecordItem;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const t = useRecordStrings();
  const { t: tc } = useTranslation();
  const fmt = useFormat();
  const format = useRecordFormat();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await recordsApi.remove(record.id);
      await queryClient.invalidateQueries({ queryKey: ["persons", "one", record.personId] });
      await queryClient.invalidateQueries({ queryKey: ["timeline", record.personId] });
      notifySuccess(t("form.deleted"));
      onClose();
      onDeleted();
    } catch (e) {
      setBusy(false);
      setError(e);
    }
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("form.deleteTitle")}
      closeButtonProps={{ "aria-label": tc("actions.close") }}
      centered
    >
      <ProblemAlert error={error} />
      <Text mb="lg">
        {t("form.deleteConfirm", { kind: format.kindLabel(record.kind), date: fmt.date(record.createdAt) })}
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {tc("actions.cancel")}
        </Button>
        <Button color="red.9" onClick={remove} loading={busy} data-autofocus>
          {t("list.delete")}
        </Button>
      </Group>
    </Modal>
  );
}
