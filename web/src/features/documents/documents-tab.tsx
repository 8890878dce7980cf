// Documents of a person: upload (category, title, file), list, preview (image or PDF), download,
// delete for the uploading organisation.
import { Anchor, Button, Group, Input, Modal, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconDownload, IconExternalLink, IconEye, IconTrash, IconUpload } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { DataTable } from "../../app/data-table";
import { useFormat } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { ProblemAlert } from "../../app/page";
import { useMe } from "../auth/auth.api";
import { useOrganisationNames } from "../organisations/organisations.api";
import { focusAfterClose } from "../persons/focus";
import type { Category, Person } from "../persons/persons.api";
import { useRecordStrings } from "../records/records.i18n";
import { contentUrl, type DocumentItem, documentsApi, documentsQuery, maxUploadBytes } from "./documents.api";
import { useDocumentStrings } from "./documents.i18n";

export function DocumentsTab({ person }: { person: Person }) {
  const t = useDocumentStrings();
  const tr = useRecordStrings();
  const { t: tc } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const organisations = useOrganisationNames();
  const query = useQuery(documentsQuery(person.id));
  const [previewing, setPreviewing] = useState<DocumentItem | null>(null);
  const [deleting, setDeleting] = useState<DocumentItem | null>(null);
  const items = query.data?.items ?? [];
  const canUpload = person.abilities.addRecordCategories.length > 0;

  return (
    <section aria-labelledby="documents-heading">
      <Title order={2} id="documents-heading" tabIndex={-1} className="page-heading">
        {t("title")}
      </Title>
      <Text c="dimmed" size="sm" mt={4} mb="md">
        {t("intro")}
      </Text>
      <Stack gap="lg">
        {canUpload ? <UploadForm person={person} /> : <Text c="dimmed">{t("upload.notAllowed")}</Text>}
        <ProblemAlert error={query.error} />
        <DataTable
          caption={t("list.caption")}
          testId="documents-table"
          loading={query.isPending}
          rows={items}
          rowKey={(d) => d.id}
          empty={t("list.empty")}
          columns={[
            {
              key: "title",
              header: t("list.documentTitle"),
              rowHeader: true,
              cell: (d) => (
                <>
                  {d.title}
                  {d.title !== d.fileName ? (
                    <Text size="xs" c="dimmed" fw={400}>
                      {d.fileName}
                    </Text>
                  ) : null}
                </>
              ),
            },
            { key: "category", header: t("list.category"), cell: (d) => tr(`category.${d.category}`) },
            {
              key: "file",
              header: t("list.file"),
              nowrap: true,
              cell: (d) => `${typeName(d.mediaType)}, ${fileSize(d.sizeBytes, fmt.number)}`,
            },
            {
              key: "uploaded",
              header: t("list.uploaded"),
              cell: (d) => (
                <>
                  <Text size="sm">{fmt.dateTime(d.createdAt)}</Text>
                  <Text size="xs" c="dimmed">
                    {t("list.by", { organisation: organisations.get(d.ownerOrganisationId) ?? "…" })}
                  </Text>
                </>
              ),
            },
            {
              key: "actions",
              header: t("list.actions"),
              hideHeader: true,
              cell: (d) => (
                <Group gap="xs" justify="flex-end">
                  <Button
                    variant="default"
                    size="xs"
                    leftSection={<IconEye size={16} aria-hidden="true" />}
                    onClick={() => setPreviewing(d)}
                    aria-label={t("list.previewLabel", { title: d.title })}
                  >
                    {t("list.preview")}
                  </Button>
                  <Button
                    component="a"
                    href={contentUrl(d.id, "attachment")}
                    download={d.fileName}
                    variant="default"
                    size="xs"
                    leftSection={<IconDownload size={16} aria-hidden="true" />}
                    aria-label={t("list.downloadLabel", { title: d.title })}
                  >
                    {t("list.download")}
                  </Button>
                  {d.ownerOrganisationId === me.user.organisationId ? (
                    <Button
                      variant="default"
                      size="xs"
                      leftSection={<IconTrash size={16} aria-hidden="true" />}
                      onClick={() => setDeleting(d)}
                      aria-label={t("list.deleteLabel", { title: d.title })}
                    >
                      {t("list.delete")}
                    </Button>
                  ) : null}
                </Group>
              ),
            },
          ]}
        />
      </Stack>
      {previewing ? <PreviewDialog document={previewing} onClose={() => setPreviewing(null)} /> : null}
      {deleting ? (
        <DeleteDialog document={deleting} onClose={() => setDeleting(null)} closeLabel={tc("actions.close")} />
      ) : null}
    </section>
  );
}

function UploadForm({ person }: { person: Person }) {
  const t = useDocumentStrings();
  const tr = useRecordStrings();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const fileId = useId();
  const categories = person.abilities.addRecordCategories;
  const [category, setCategory] = useState<Category>(
    categories.includes("identity") ? "identity" : (categories[0] ?? "identity"),
  );
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const fileRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!file) {
      setFileError(t("upload.fileRequired"));
      fileRef.current?.focus();
      return;
    }
    if (file.size > maxUploadBytes) {
      setFileError(t("upload.tooLarge", { size: fileSize(file.size, fmt.number) }));
      fileRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await documentsApi.upload(person.id, { category, title, file });
      await queryClient.invalidateQueries({ queryKey: documentsQuery(person.id).queryKey });
      await queryClient.invalidateQueries({ queryKey: ["timeline", person.id] });
      notifySuccess(t("upload.done", { title: created.title }));
      setTitle("");
      setFile(null);
      setInputKey((k) => k + 1);
    } catch (err) {
      if (err instanceof ApiError && err.status === 413) setFileError(t("upload.serverTooLarge"));
      else if (err instanceof ApiError && err.status === 415) setFileError(t("upload.serverWrongType"));
      else setError(err);
      if (err instanceof ApiError && (err.status === 413 || err.status === 415)) fileRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="upload-heading" data-testid="upload-form">
        <Title order={3} id="upload-heading" mb="md">
          {t("upload.title")}
        </Title>
        <ProblemAlert error={error} />
        <Group align="flex-start" gap="md" wrap="wrap">
          <NativeSelect
            label={t("upload.category")}
            description={t("upload.categoryDescription")}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value as Category)}
            data={categories.map((c) => ({ value: c, label: tr(`category.${c}`) }))}
            w={{ base: "100%", sm: 240 }}
          />
          <TextInput
            label={t("upload.documentTitle")}
            description={t("upload.documentTitleDescription")}
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.currentTarget.value)}
            w={{ base: "100%", sm: 280 }}
          />
          <Input.Wrapper
            label={t("upload.file")}
            description={t("upload.fileDescription")}
            error={fileError ? <span role="alert">{fileError}</span> : null}
            withAsterisk
            id={fileId}
            style={{ flex: "1 1 18rem" }}
          >
            <input
              key={inputKey}
              ref={fileRef}
              id={fileId}
              type="file"
              accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
              required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`${fileId}-description${fileError ? ` ${fileId}-error` : ""}`}
              className="mantine-Input-input"
              style={{
                display: "block",
                width: "100%",
                padding: "6px 8px",
                border: `1px solid ${fileError ? "var(--mantine-color-error)" : "#adb5bd"}`,
                borderRadius: 4,
                background: "#fff",
                marginTop: 4,
              }}
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setFileError(null);
              }}
            />
          </Input.Wrapper>
        </Group>
        <Group mt="md">
          <Button type="submit" loading={busy} leftSection={<IconUpload size={18} aria-hidden="true" />}>
            {t("upload.submit")}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function PreviewDialog({ document: d, onClose }: { document: DocumentItem; onClose: () => void }) {
  const t = useDocumentStrings();
  const { t: tc } = useTranslation();
  const src = contentUrl(d.id, "inline");
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("preview.title", { title: d.title })}
      closeButtonProps={{ "aria-label": tc("actions.close") }}
      size="70rem"
      styles={{ title: { fontWeight: 650 } }}
    >
      {d.mediaType === "application/pdf" ? (
        <iframe className="document-preview" src={src} title={t("preview.frameTitle", { title: d.title })} />
      ) : (
        <img className="document-preview-image" src={src} alt={d.title} />
      )}
      <Group justify="space-between" mt="md" gap="sm">
        <Text size="sm" c="dimmed">
          {t("preview.hint")}
        </Text>
        <Group gap="md">
          <Anchor href={src} target="_blank" rel="noopener">
            <Group gap={4} component="span">
              {t("preview.openInTab")}
              <IconExternalLink size={16} aria-hidden="true" />
            </Group>
          </Anchor>
          <Button
            component="a"
            href={contentUrl(d.id, "attachment")}
            download={d.fileName}
            leftSection={<IconDownload size={18} aria-hidden="true" />}
          >
            {t("list.download")}
          </Button>
        </Group>
      </Group>
    </Modal>
  );
}

function DeleteDialog({
  document: d,
  onClose,
  closeLabel,
}: {
  document: DocumentItem;
  onClose: () => void;
  closeLabel: string;
}) {
  const t = useDocumentStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await documentsApi.remove(d.id);
      await queryClient.invalidateQueries({ queryKey: documentsQuery(d.personId).queryKey });
      await queryClient.invalidateQueries({ queryKey: ["timeline", d.personId] });
      notifySuccess(t("remove.done"));
      onClose();
      focusAfterClose("documents-heading");
    } catch (e) {
      setBusy(false);
      setError(e);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t("remove.title")} closeButtonProps={{ "aria-label": closeLabel }} centered>
      <ProblemAlert error={error} />
      <Text mb="lg">{t("remove.confirm", { title: d.title })}</Text>
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

const typeName = (mediaType: string) =>
  mediaType === "application/pdf"
    ? "PDF"
    : mediaType === "image/jpeg"
      ? "JPEG"
      : mediaType === "image/png"
        ? "PNG"
        : mediaType;

function fileSize(bytes: number, number: (n: number) => string): string {
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(Math.round(bytes / 102.4) / 10)} KB`;
  return `${number(Math.round(bytes / 104857.6) / 10)} MB`;
}
