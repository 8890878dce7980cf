// The household of a person: its members with links to their case files, adding a registered
// person found by search, registering a new member, removing members, creating and renaming.
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconSearch, IconTrash, IconUserPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { PageLoader, ProblemAlert } from "../../app/page";
import { focusAfterClose } from "../persons/focus";
import { usePartialDate } from "../persons/partial-dates";
import {
  fullName,
  type HouseholdRelation,
  householdRelations,
  type Person,
  type PersonSummary,
} from "../persons/persons.api";
import { usePersonStrings } from "../persons/persons.i18n";
import { searchPersons } from "../search/search.api";
import { type Household, type HouseholdMember, householdQuery, householdsApi } from "./households.api";
import { useHouseholdStrings } from "./households.i18n";

export function HouseholdTab({ person }: { person: Person }) {
  const t = useHouseholdStrings();
  return (
    <section aria-labelledby="household-heading">
      <Title order={2} id="household-heading" tabIndex={-1} className="page-heading">
        {t("title")}
      </Title>
      <Text c="dimmed" size="sm" mt={4} mb="md">
        {t("intro")}
      </Text>
      {person.household ? (
        <HouseholdView person={person} householdId={person.household.id} />
      ) : (
        <CreateHousehold person={person} />
      )}
    </section>
  );
}

function useRelationOptions() {
  const tp = usePersonStrings();
  return householdRelations.map((r) => ({ value: r, label: tp(`relation.${r}`) }));
}

function CreateHousehold({ person }: { person: Person }) {
  const t = useHouseholdStrings();
  const tp = usePersonStrings();
  const queryClient = useQueryClient();
  const relations = useRelationOptions();
  const name = fullName(person);
  const [householdName, setHouseholdName] = useState(
    tp("form.householdNameDefault", { name: person.familyName || person.givenNames }),
  );
  const [relation, setRelation] = useState<HouseholdRelation>("head");
  const [error, setError] = useState<unknown>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t: tc } = useTranslation();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!householdName.trim()) {
      setNameError(tc("validation.required"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const h = await householdsApi.create({
        name: householdName.trim(),
        members: [{ personId: person.id, relation }],
      });
      await queryClient.invalidateQueries({ queryKey: ["persons", "one", person.id] });
      notifySuccess(t("create.done", { name: h.name }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <Text mb="md">{t("none", { name })}</Text>
      <form onSubmit={submit} noValidate aria-labelledby="household-create-heading">
        <Title order={3} id="household-create-heading" mb="sm">
          {t("create.title")}
        </Title>
        <ProblemAlert error={error} />
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            label={t("create.name")}
            value={householdName}
            onChange={(e) => {
              setHouseholdName(e.currentTarget.value);
              setNameError(null);
            }}
            error={nameError}
            withAsterisk
            aria-required="true"
            maxLength={200}
            w={{ base: "100%", sm: 320 }}
          />
          <NativeSelect
            label={t("create.relation", { name })}
            value={relation}
            onChange={(e) => setRelation(e.currentTarget.value as HouseholdRelation)}
            data={relations}
            w={{ base: "100%", sm: 260 }}
          />
        </Group>
        <Button type="submit" mt="md" loading={busy} leftSection={<IconPlus size={18} aria-hidden="true" />}>
          {t("create.submit")}
        </Button>
      </form>
    </Paper>
  );
}

function HouseholdView({ person, householdId }: { person: Person; householdId: string }) {
  const t = useHouseholdStrings();
  const tp = usePersonStrings();
  const dates = usePartialDate();
  const query = useQuery(householdQuery(householdId));
  const [removing, setRemoving] = useState<HouseholdMember | null>(null);

  if (query.isPending) return <PageLoader />;
  if (query.error) return <ProblemAlert error={query.error} />;
  const h = query.data;
  const memberIds = new Set(h.members.map((m) => m.personId));

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" component="section" aria-labelledby="household-name-heading">
        <Group justify="space-between" align="center" gap="sm" p="lg" pb="xs">
          <Title order={3} id="household-name-heading" tabIndex={-1} className="page-heading">
            {h.name}
          </Title>
          <Button
            renderRoot={(props) => <Link {...props} to="/persons/new" search={{ householdId: h.id }} />}
            variant="default"
            size="sm"
            leftSection={<IconUserPlus size={18} aria-hidden="true" />}
          >
            {t("add.registerNew")}
          </Button>
        </Group>
        <div style={{ overflowX: "auto" }}>
          <Table className="data-table" data-testid="household-members" horizontalSpacing="md">
            <Table.Caption style={{ captionSide: "top" }}>
              <VisuallyHidden>{t("members.caption", { name: h.name })}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("members.name")}</Table.Th>
                <Table.Th scope="col">{t("members.relation")}</Table.Th>
                <Table.Th scope="col">{t("members.birthDate")}</Table.Th>
                <Table.Th scope="col" style={{ width: "1%" }}>
                  <VisuallyHidden>{t("members.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {h.members.map((m) => {
                const name = fullName(m);
                return (
                  <Table.Tr key={m.personId}>
                    <Table.Th scope="row" fw={600}>
                      {m.personId === person.id ? (
                        <>
                          {name}{" "}
                          <Text span size="sm" c="dimmed" fw={400}>
                            ({t("members.current")})
                          </Text>
                        </>
                      ) : (
                        <Anchor
                          renderRoot={(props) => (
                            <Link {...props} to="/persons/$personId" params={{ personId: m.personId }} />
                          )}
                        >
                          {name}
                        </Anchor>
                      )}
                    </Table.Th>
                    <Table.Td>{tp(`relation.${m.relation}`)}</Table.Td>
                    <Table.Td>{dates.format(m.birthDate, tp("date.unknown"))}</Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="default"
                        size="lg"
                        onClick={() => setRemoving(m)}
                        aria-label={t("members.removeLabel", { name })}
                        title={t("members.removeLabel", { name })}
                      >
                        <IconTrash size={18} aria-hidden="true" />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
        <Text size="sm" c="dimmed" px="lg" py="sm">
          {t("members.hidden")}
        </Text>
      </Paper>
      <AddMember household={h} memberIds={memberIds} personId={person.id} />
      <RenameHousehold household={h} personId={person.id} />
      {removing ? (
        <RemoveMemberDialog household={h} member={removing} personId={person.id} onClose={() => setRemoving(null)} />
      ) : null}
    </Stack>
  );
}

function AddMember({
  household,
  memberIds,
  personId,
}: {
  household: Household;
  memberIds: Set<string>;
  personId: string;
}) {
  const t = useHouseholdStrings();
  const tp = usePersonStrings();
  const dates = usePartialDate();
  const queryClient = useQueryClient();
  const relations = useRelationOptions();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [relation, setRelation] = useState<HouseholdRelation>("child");
  const [error, setError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const results = useQuery({
    queryKey: ["persons", "list", { q: debounced, limit: 8 }],
    queryFn: () => searchPersons(debounced),
    enabled: debounced.length >= 2,
  });

  const add = async (p: PersonSummary) => {
    setBusyId(p.id);
    setError(null);
    try {
      await householdsApi.addMember(household.id, { personId: p.id, relation });
      await queryClient.invalidateQueries({ queryKey: householdQuery(household.id).queryKey });
      await queryClient.invalidateQueries({ queryKey: ["persons", "one", p.id] });
      await queryClient.invalidateQueries({ queryKey: ["persons", "one", personId] });
      notifySuccess(t("add.done", { name: fullName(p) }));
      setQ("");
    } catch (e) {
      setError(e);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="household-add-heading">
      <Title order={3} id="household-add-heading">
        {t("add.title")}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="md">
        {t("add.intro")}
      </Text>
      <ProblemAlert error={error} />
      <Group align="flex-start" gap="md" wrap="wrap">
        <TextInput
          label={t("add.search")}
          description={t("add.searchDescription")}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          w={{ base: "100%", sm: 320 }}
        />
        <NativeSelect
          label={t("add.relation")}
          value={relation}
          onChange={(e) => setRelation(e.currentTarget.value as HouseholdRelation)}
          data={relations}
          w={{ base: "100%", sm: 240 }}
        />
      </Group>
      <div role="status" aria-live="polite">
        {debounced.length >= 2 && results.data ? (
          results.data.items.length === 0 ? (
            <Text mt="md" c="dimmed">
              {t("add.noResults")}
            </Text>
          ) : (
            <VisuallyHidden>{t("add.results")}</VisuallyHidden>
          )
        ) : null}
      </div>
      {debounced.length >= 2 && results.data && results.data.items.length > 0 ? (
        <ul aria-label={t("add.results")} style={{ listStyle: "none", padding: 0, margin: "1rem 0 0" }}>
          {results.data.items.map((p) => {
            const name = fullName(p);
            const member = memberIds.has(p.id);
            return (
              <li key={p.id} style={{ borderTop: "1px solid var(--strang-border)", padding: "0.5rem 0" }}>
                <Group justify="space-between" gap="sm">
                  <div>
                    <Text fw={600}>{name}</Text>
                    <Text size="sm" c="dimmed">
                      {dates.format(p.birthDate, tp("date.unknown"))}
                    </Text>
                  </div>
                  {member ? (
                    <Text size="sm" c="dimmed">
                      {t("add.member")}
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      loading={busyId === p.id}
                      onClick={() => void add(p)}
                      leftSection={<IconPlus size={16} aria-hidden="true" />}
                      aria-label={t("add.addLabel", { name })}
                    >
                      {t("add.add")}
                    </Button>
                  )}
                </Group>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Paper>
  );
}

function RenameHousehold({ household, personId }: { household: Household; personId: string }) {
  const t = useHouseholdStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(household.name);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const conflict = error instanceof ApiError && error.code === "version-conflict";

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || name.trim() === household.name) return;
    setBusy(true);
    setError(null);
    try {
      const h = await householdsApi.rename(household.id, { name: name.trim(), version: household.version });
      await queryClient.invalidateQueries({ queryKey: householdQuery(household.id).queryKey });
      await queryClient.invalidateQueries({ queryKey: ["persons", "one", personId] });
      notifySuccess(t("rename.done", { name: h.name }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
      <ProblemAlert
        error={error}
        action={
          conflict ? (
            <Button
              variant="default"
              onClick={async () => {
                setError(null);
                await queryClient.invalidateQueries({ queryKey: householdQuery(household.id).queryKey });
              }}
            >
              {tc("actions.reload")}
            </Button>
          ) : undefined
        }
      />
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t("rename.label")}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
        />
        <Button type="submit" variant="default" loading={busy}>
          {t("rename.submit")}
        </Button>
      </Group>
    </Paper>
  );
}

function RemoveMemberDialog({
  household,
  member,
  personId,
  onClose,
}: {
  household: Household;
  member: HouseholdMember;
  personId: string;
  onClose: () => void;
}) {
  const t = useHouseholdStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const name = fullName(member);
  const remove = async () => {
    setBusy(true);
    try {
      await householdsApi.removeMember(household.id, member.personId);
      await queryClient.invalidateQueries({ queryKey: householdQuery(household.id).queryKey });
      await queryClient.invalidateQueries({ queryKey: ["persons", "one", member.personId] });
      await queryClient.invalidateQueries({ queryKey: ["persons", "one", personId] });
      notifySuccess(t("members.removed", { name }));
      onClose();
      focusAfterClose(member.personId === personId ? "household-heading" : "household-name-heading");
    } catch (e) {
      setBusy(false);
      setError(e);
    }
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("members.removeTitle")}
      closeButtonProps={{ "aria-label": tc("actions.close") }}
      centered
    >
      <ProblemAlert error={error} />
      <Text mb="lg">{t("members.removeConfirm", { name, household: household.name })}</Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {tc("actions.cancel")}
        </Button>
        <Button color="red.9" onClick={remove} loading={busy} data-autofocus>
          {t("members.remove")}
        </Button>
      </Group>
    </Modal>
  );
}
