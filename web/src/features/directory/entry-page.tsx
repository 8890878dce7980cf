// One organisation's directory entry, and its edit form (tenant admin: every entry; an
// organisation's admin: its own); for the tenant admin also the way to the organisation's
// administration (name, type, active).
import {
  ActionIcon,
  Anchor,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import {
  IconArrowLeft,
  IconClock,
  IconLanguage,
  IconMail,
  IconMapPin,
  IconPencil,
  IconPhone,
  IconPlus,
  IconSettings,
  IconTrash,
  IconWorld,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { emailPattern, focusFirstInvalid, serverFieldErrors } from "../../app/forms";
import { notifySuccess } from "../../app/notify";
import { PageHeader, PageLoader, ProblemAlert } from "../../app/page";
import { useMe } from "../auth/auth.api";
import { useLanguages } from "../persons/reference.api";
import { type DirectoryEntry, directoryApi, entryQuery } from "./directory.api";
import { useDirectoryStrings } from "./directory.i18n";
import { Fact, ServiceBadges } from "./directory-page";
import { useServices } from "./services.api";

const route = getRouteApi("/_app/directory/$organisationId");

export function EntryPage() {
  const { organisationId } = route.useParams();
  const query = useQuery(entryQuery(organisationId));
  if (query.isPending) return <PageLoader />;
  if (query.error) return <ProblemAlert error={query.error} />;
  return <Entry entry={query.data} />;
}

function Entry({ entry: o }: { entry: DirectoryEntry }) {
  const t = useDirectoryStrings();
  const { t: tv } = useTranslation("vocabulary");
  const fmt = useFormat();
  const me = useMe();
  const services = useServices();
  const languages = useLanguages();
  const [editing, setEditing] = useState(false);
  const editable = me.abilities.editDirectoryEntriesOf;
  const canEdit = editable === "all" || editable.includes(o.id);
  const canManage = me.abilities.manageOrganisations;

  return (
    <>
      <Anchor renderRoot={(props) => <Link {...props} to="/directory" />} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden="true" />
          {t("back")}
        </Group>
      </Anchor>
      <PageHeader
        title={o.name}
        description={o.active ? tv(`orgType.${o.type}`) : `${tv(`orgType.${o.type}`)} · ${t("inactive")}`}
        actions={
          (canEdit && !editing) || canManage ? (
            <Group gap="sm">
              {canEdit && !editing ? (
                <Button leftSection={<IconPencil size={18} aria-hidden="true" />} onClick={() => setEditing(true)}>
                  {t("edit")}
                </Button>
              ) : null}
              {canManage ? (
                <Button
                  variant="default"
                  leftSection={<IconSettings size={18} aria-hidden="true" />}
                  renderRoot={(props) => (
                    <Link {...props} to="/organisations/$organisationId" params={{ organisationId: o.id }} />
                  )}
                >
                  {t("manage")}
                </Button>
              ) : null}
            </Group>
          ) : null
        }
      />
      {editing ? <EntryForm entry={o} onClose={() => setEditing(false)} /> : null}
      <Paper withBorder radius="md" p="xl">
        <Stack gap="lg">
          {o.description ? (
            <Text style={{ whiteSpace: "pre-line" }} maw="48rem">
              {o.description}
            </Text>
          ) : null}
          <div>
            <Title order={2} size="h4" mb="xs">
              {t("services")}
            </Title>
            {o.services.length > 0 ? (
              <ServiceBadges codes={o.services} label={services.label} />
            ) : (
              <Text size="sm" c="dimmed">
                {t("noServices")}
              </Text>
            )}
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Fact icon={<IconLanguage size={16} />} label={t("languages")}>
              {o.languages.length > 0 ? o.languages.map(languages.name).join(", ") : t("notGiven")}
            </Fact>
            <Fact icon={<IconClock size={16} />} label={t("openingHours")}>
              {o.openingHours || t("notGiven")}
            </Fact>
            <Fact icon={<IconMapPin size={16} />} label={t("address")}>
              {o.address || t("notGiven")}
            </Fact>
            <Fact icon={<IconWorld size={16} />} label={t("website")}>
              {o.website ? (
                <Anchor href={o.website} target="_blank" rel="noopener noreferrer">
                  {o.website}
                </Anchor>
              ) : (
                t("notGiven")
              )}
            </Fact>
            <Fact icon={<IconMail size={16} />} label={t("form.email")}>
              {o.email ? <Anchor href={`mailto:${o.email}`}>{o.email}</Anchor> : t("notGiven")}
            </Fact>
            <Fact icon={<IconPhone size={16} />} label={t("form.phone")}>
              {o.phone || t("notGiven")}
            </Fact>
          </SimpleGrid>
          <div>
            <Title order={2} size="h4" mb="xs">
              {t("contacts")}
            </Title>
            {o.contacts.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("notGiven")}
              </Text>
            ) : (
              <SimpleGrid
                cols={{ base: 1, sm: 2, lg: 3 }}
                spacing="sm"
                component="ul"
                style={{ listStyle: "none", padding: 0, margin: 0 }}
              >
                {o.contacts.map((c) => (
                  <Paper
                    withBorder
                    radius="sm"
                    p="sm"
                    component="li"
                    key={`${c.name}-${c.role ?? ""}-${c.email ?? ""}`}
                  >
                    <Text fw={600}>{c.name}</Text>
                    {c.role ? <Text size="sm">{c.role}</Text> : null}
                    {c.email ? (
                      <Anchor size="sm" href={`mailto:${c.email}`}>
                        {c.email}
                      </Anchor>
                    ) : null}
                    {c.phone ? <Text size="sm">{c.phone}</Text> : null}
                  </Paper>
                ))}
              </SimpleGrid>
            )}
          </div>
          <Text size="xs" c="dimmed">
            {t("updated", { date: fmt.dateTime(o.updatedAt) })}
          </Text>
        </Stack>
      </Paper>
    </>
  );
}

type ContactValues = { name: string; role: string; email: string; phone: string };
type Values = {
  services: string[];
  languages: string[];
  openingHours: string;
  website: string;
  description: string;
  email: string;
  phone: string;
  address: string;
  contacts: ContactValues[];
};
const fields = ["services", "languages", "openingHours", "website", "description", "email", "phone", "address"];
const nullIfEmpty = (s: string) => (s.trim() === "" ? null : s.trim());

function EntryForm({ entry, onClose }: { entry: DirectoryEntry; onClose: () => void }) {
  const t = useDirectoryStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const services = useServices();
  const languages = useLanguages();
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const form = useForm<Values>({
    initialValues: {
      services: entry.services,
      languages: entry.languages,
      openingHours: entry.openingHours ?? "",
      website: entry.website ?? "",
      description: entry.description ?? "",
      email: entry.email ?? "",
      phone: entry.phone ?? "",
      address: entry.address ?? "",
      contacts: entry.contacts.map((c) => ({
        name: c.name,
        role: c.role ?? "",
        email: c.email ?? "",
        phone: c.phone ?? "",
      })),
    },
    validate: {
      website: (v) => (!v.trim() || /^https?:\/\/\S+\.\S+/.test(v.trim()) ? null : t("form.websiteInvalid")),
      email: (v) => (!v.trim() || emailPattern.test(v.trim()) ? null : tc("validation.email")),
      contacts: {
        name: (v) => (v.trim() ? null : tc("validation.required")),
        email: (v) => (!v.trim() || emailPattern.test(v.trim()) ? null : tc("validation.email")),
      },
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      directoryApi.update(entry.id, {
        services: v.services,
        languages: v.languages,
        openingHours: nullIfEmpty(v.openingHours),
        website: nullIfEmpty(v.website),
        description: nullIfEmpty(v.description),
        email: nullIfEmpty(v.email),
        phone: nullIfEmpty(v.phone),
        address: nullIfEmpty(v.address),
        contacts: v.contacts.map((c) => ({
          name: c.name.trim(),
          role: nullIfEmpty(c.role),
          email: nullIfEmpty(c.email),
          phone: nullIfEmpty(c.phone),
        })),
        version: entry.version,
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["organisations"] });
      notifySuccess(t("form.saved", { name: saved.name }));
      onClose();
    },
    onError: (e) => {
      const mapped = serverFieldErrors(e, fields, tc);
      if (Object.keys(mapped.fields).length > 0) {
        form.setErrors(mapped.fields);
        focusFirstInvalid();
      }
      setError(e);
    },
  });

  return (
    <Paper withBorder p="xl" radius="md" mb="xl" component="section" aria-labelledby="entry-form-title">
      <Title order={2} size="h3" id="entry-form-title" ref={heading} tabIndex={-1}>
        {t("form.title")}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="lg">
        {t("form.intro")}
      </Text>
      <ProblemAlert error={error} />
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setError(null);
          save.mutate(v);
        }, focusFirstInvalid)}
      >
        <Stack gap="lg">
          <MultiSelect
            label={t("form.services")}
            placeholder={form.values.services.length === 0 ? t("form.servicesPlaceholder") : undefined}
            data={services.items}
            searchable
            clearable
            clearButtonProps={{ "aria-label": t("clear") }}
            hidePickedOptions
            nothingFoundMessage={tc("list.noMatch")}
            maxValues={40}
            comboboxProps={{ withinPortal: true }}
            maw="48rem"
            {...form.getInputProps("services")}
          />
          <MultiSelect
            label={t("form.languages")}
            placeholder={form.values.languages.length === 0 ? t("form.languagesPlaceholder") : undefined}
            data={languages.items.map((l) => ({ value: l.code, label: l.name }))}
            searchable
            clearable
            clearButtonProps={{ "aria-label": t("clear") }}
            hidePickedOptions
            nothingFoundMessage={tc("list.noMatch")}
            maxValues={40}
            comboboxProps={{ withinPortal: true }}
            maw="48rem"
            {...form.getInputProps("languages")}
          />
          <Textarea
            label={t("form.openingHours")}
            description={t("form.openingHoursDescription")}
            autosize
            minRows={2}
            maxLength={1000}
            maw="48rem"
            {...form.getInputProps("openingHours")}
          />
          <Textarea
            label={t("form.description")}
            autosize
            minRows={3}
            maxLength={2000}
            maw="48rem"
            {...form.getInputProps("description")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} maw="48rem">
            <TextInput
              label={t("form.website")}
              description={t("form.websiteDescription")}
              type="url"
              maxLength={500}
              {...form.getInputProps("website")}
            />
            <TextInput label={t("form.email")} type="email" maxLength={200} {...form.getInputProps("email")} />
            <TextInput label={t("form.phone")} type="tel" maxLength={50} {...form.getInputProps("phone")} />
            <TextInput label={t("form.address")} maxLength={500} {...form.getInputProps("address")} />
          </SimpleGrid>
          <Fieldset legend={t("form.contacts")} maw="48rem" variant="unstyled">
            <Stack gap="sm">
              {form.values.contacts.map((_, i) => (
                <Fieldset
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                  key={i}
                  legend={t("form.contactLegend", { n: i + 1 })}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput
                      label={t("form.contactName")}
                      withAsterisk
                      aria-required="true"
                      maxLength={200}
                      {...form.getInputProps(`contacts.${i}.name`)}
                    />
                    <TextInput
                      label={t("form.contactRole")}
                      maxLength={200}
                      {...form.getInputProps(`contacts.${i}.role`)}
                    />
                    <TextInput
                      label={t("form.contactEmail")}
                      type="email"
                      maxLength={200}
                      {...form.getInputProps(`contacts.${i}.email`)}
                    />
                    <TextInput
                      label={t("form.contactPhone")}
                      type="tel"
                      maxLength={50}
                      {...form.getInputProps(`contacts.${i}.phone`)}
                    />
                  </SimpleGrid>
                  <Group justify="flex-end" mt="xs">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("form.removeContact", { n: i + 1 })}
                      title={t("form.removeContact", { n: i + 1 })}
                      onClick={() => form.removeListItem("contacts", i)}
                    >
                      <IconTrash size={18} aria-hidden="true" />
                    </ActionIcon>
                  </Group>
                </Fieldset>
              ))}
              {form.values.contacts.length < 20 ? (
                <Group>
                  <Button
                    variant="default"
                    leftSection={<IconPlus size={16} aria-hidden="true" />}
                    onClick={() => form.insertListItem("contacts", { name: "", role: "", email: "", phone: "" })}
                  >
                    {t("form.addContact")}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Fieldset>
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
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
