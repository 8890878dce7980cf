// The Refer dialog of the case file: service, receiving organisation from the directory (filtered
// by the service), message, the categories a consent lets the organisation share, an optional goal
// of the integration plan; after sending, the deadlines the agreement (or the defaults) gave.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../app/format";
import { serverFieldErrors } from "../../app/forms";
import { ProblemAlert } from "../../app/page";
import { agreementsQuery } from "../agreements/agreements.api";
import { useMe } from "../auth/auth.api";
import { directoryApi } from "../directory/directory.api";
import { useServices } from "../directory/services.api";
import { allOrganisationsQuery } from "../organisations/organisations.api";
import type { Category } from "../persons/persons.api";
import { planQuery } from "../plans/plans.api";
import { useRecordStrings } from "../records/records.i18n";
import { type Referral, referralOptionsQuery, referralsApi } from "./referrals.api";
import { useReferralStrings } from "./referrals.i18n";

const formFields = ["service", "organisation", "message", "sharedCategories", "goal"] as const;
type FormField = (typeof formFields)[number];
/** API paths of the send request → the dialog's fields. */
const pathAliases = { toOrganisationId: "organisation", goalId: "goal" };

export function ReferDialog({
  personId,
  opened,
  onClose,
  goalId: presetGoal,
}: {
  personId: string;
  opened: boolean;
  onClose: () => void;
  goalId?: string;
}) {
  const t = useReferralStrings();
  const { t: tc } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("refer.title")}
      size="xl"
      closeButtonProps={{ "aria-label": tc("actions.close") }}
      styles={{ title: { fontWeight: 650, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      {opened ? <ReferForm personId={personId} onClose={onClose} presetGoal={presetGoal} /> : null}
    </Modal>
  );
}

function ReferForm({ personId, onClose, presetGoal }: { personId: string; onClose: () => void; presetGoal?: string }) {
  const t = useReferralStrings();
  const tr = useRecordStrings();
  const { t: tc } = useTranslation();
  const fmt = useFormat();
  const services = useServices();
  const queryClient = useQueryClient();
  const [service, setService] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState("");
  const [message, setMessage] = useState("");
  const [shared, setShared] = useState<Category[]>([]);
  const [goalId, setGoalId] = useState(presetGoal ?? "");
  // Organisations whose directory entry lists the service; on request every organisation.
  const [anyOrganisation, setAnyOrganisation] = useState(false);
  const me = useMe();
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [sent, setSent] = useState<Referral | null>(null);
  // After the server marked fields: focus the first once they are rendered, so keyboard users land on it.
  const [focusInvalid, setFocusInvalid] = useState(0);
  useEffect(() => {
    if (focusInvalid > 0) document.querySelector<HTMLElement>('.mantine-Modal-body [aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const providers = useQuery({
    queryKey: ["organisations", "directory", "providers", anyOrganisation ? null : service],
    queryFn: () => directoryApi.providers(anyOrganisation ? undefined : (service ?? undefined)),
    enabled: Boolean(service),
  });
  // Partners whose cooperation agreement with the actor's organisation covers the service count as
  // offering it, even where their directory entry does not list it yet.
  const agreements = useQuery({ ...agreementsQuery, enabled: Boolean(service) && !anyOrganisation });
  const all = useQuery({ ...allOrganisationsQuery, enabled: Boolean(service) && !anyOrganisation });
  const partnerIds = new Set(
    (agreements.data?.items ?? [])
      .filter((a) => a.active && (a.services.length === 0 || (service !== null && a.services.includes(service))))
      .flatMap((a) => [a.partnerOrganisationId, a.leadOrganisationId])
      .filter((id) => id !== me.organisation.id),
  );
  const byAgreement = (all.data ?? []).filter((o) => o.active && partnerIds.has(o.id));
  const receivers = [
    ...new Map(
      [...(providers.data?.items ?? []), ...(anyOrganisation ? [] : byAgreement)]
        .filter((o) => o.id !== me.organisation.id)
        .map((o) => [o.id, { id: o.id, name: o.name, receivesReferrals: o.receivesReferrals }]),
    ).values(),
  ].sort((a, b) => a.name.localeCompare(b.name, "de"));
  const options = useQuery({
    ...referralOptionsQuery(personId, organisationId || null),
    enabled: Boolean(organisationId),
  });
  const plan = useQuery({ ...planQuery(personId), retry: false });
  const shareable: Category[] = options.data?.shareableCategories.filter((c) => c !== "identity") ?? [];
  const identityCovered = options.data?.shareableCategories.includes("identity") ?? false;
  const unshareable = options.data?.unshareable.filter((u) => u.category !== "identity") ?? [];
  const goals = plan.data?.goals.filter((g) => g.status === "open" || g.status === "in_progress") ?? [];

  const unable = receivers.some((o) => !o.receivesReferrals);
  const send = useMutation({
    mutationFn: () =>
      referralsApi.create({
        personId,
        toOrganisationId: organisationId,
        service: service ?? "",
        message: message.trim(),
        sharedCategories: ((chosen) => (chosen.length === 0 && identityCovered ? ["identity" as const] : chosen))(
          shared.filter((c) => shareable.includes(c)),
        ),
        ...(goalId ? { goalId } : {}),
      }),
    onError: (e) => {
      // The server's checks mark the field they are about, in the interface language.
      setErrors(serverFieldErrors(e, formFields, tc, [], pathAliases).fields);
      setFocusInvalid((n) => n + 1);
    },
    onSuccess: async (r) => {
      setSent(r);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["referrals"] }),
        queryClient.invalidateQueries({ queryKey: ["plan", personId] }),
      ]);
      setTimeout(() => document.getElementById("refer-sent-title")?.focus());
    },
  });

  if (sent) {
    return (
      <Stack gap="md">
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck aria-hidden="true" />}
          styles={{ message: { color: "#173d1b" } }}
        >
          <Text fw={650} id="refer-sent-title" tabIndex={-1} data-testid="refer-sent">
            {t("refer.sentTitle")}
          </Text>
          <Text>{t("refer.sentText", { organisation: sent.toOrganisation.name })}</Text>
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text size="sm" fw={600} c="#4a5560">
              {t("refer.acknowledgeBy")}
            </Text>
            <Text size="lg" fw={650} data-testid="refer-acknowledge-by">
              {fmt.date(sent.acknowledgeBy)}
            </Text>
          </div>
          <div>
            <Text size="sm" fw={600} c="#4a5560">
              {t("refer.firstAppointmentBy")}
            </Text>
            <Text size="lg" fw={650}>
              {fmt.date(sent.firstAppointmentBy)}
            </Text>
          </div>
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t("refer.basis", { basis: sent.agreementId ? t("detail.agreementYes") : t("detail.agreementNo") })}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t("refer.close")}
          </Button>
          <Button
            renderRoot={(props) => <Link {...props} to="/referrals/$referralId" params={{ referralId: sent.id }} />}
          >
            {t("refer.toReferral")}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const next = {
          service: service ? undefined : t("refer.required"),
          organisation: organisationId ? undefined : t("refer.required"),
        };
        setErrors(next);
        if (next.service || next.organisation) {
          setTimeout(() => document.querySelector<HTMLElement>('.mantine-Modal-body [aria-invalid="true"]')?.focus());
          return;
        }
        send.mutate();
      }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("refer.intro")}
        </Text>
        <ProblemAlert error={send.error} />
        <Select
          label={t("refer.service")}
          withAsterisk
          aria-required="true"
          data={services.items}
          value={service}
          onChange={(v) => {
            setService(v);
            setOrganisationId("");
            setShared([]);
          }}
          searchable
          nothingFoundMessage={tc("list.noMatch")}
          comboboxProps={{ withinPortal: true }}
          error={errors.service}
          openOnFocus={false}
          data-autofocus
          data-testid="refer-service"
        />
        <NativeSelect
          label={t("refer.organisation")}
          description={
            !service
              ? t("refer.chooseServiceFirst")
              : providers.data && receivers.length === 0
                ? t("refer.organisationNone")
                : `${anyOrganisation ? t("refer.organisationAll") : t("refer.organisationDescription")}${
                    unable ? ` ${t("refer.cannotReceiveNote")}` : ""
                  }`
          }
          withAsterisk
          aria-required="true"
          disabled={!service || !providers.data || receivers.length === 0}
          value={organisationId}
          onChange={(e) => {
            setOrganisationId(e.currentTarget.value);
            setShared([]);
            setErrors((x) => ({ ...x, organisation: undefined, sharedCategories: undefined }));
          }}
          error={errors.organisation}
          data={[
            { value: "", label: t("action.choose"), disabled: true },
            ...receivers.map((o) =>
              o.receivesReferrals
                ? { value: o.id, label: o.name }
                : { value: o.id, label: t("refer.cannotReceive", { name: o.name }), disabled: true },
            ),
          ]}
          data-testid="refer-organisation"
        />
        {service ? (
          <Checkbox
            label={t("refer.anyOrganisation")}
            checked={anyOrganisation}
            onChange={(e) => {
              setAnyOrganisation(e.currentTarget.checked);
              setOrganisationId("");
              setShared([]);
            }}
          />
        ) : null}
        <Textarea
          label={t("refer.message")}
          description={t("refer.messageDescription")}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={errors.message}
          autosize
          minRows={3}
          maxLength={4000}
        />
        {organisationId ? (
          options.isPending ? null : shareable.length === 0 ? (
            <Alert
              color="gray"
              variant="light"
              styles={{ message: { color: "#1a1d21" } }}
              data-testid="refer-shared-none"
            >
              {identityCovered ? t("refer.sharedNone") : t("refer.sharedNothing")}
            </Alert>
          ) : (
            <Checkbox.Group
              label={t("refer.shared")}
              description={t("refer.sharedDescription")}
              value={shared}
              onChange={(v) => setShared(v as Category[])}
              error={errors.sharedCategories}
            >
              <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xs" spacing="xs">
                {shareable.map((c) => (
                  <Checkbox key={c} value={c} label={tr(`category.${c}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )
        ) : null}
        {organisationId && unshareable.length > 0 ? (
          <Text size="sm" c="dimmed" data-testid="refer-unshareable">
            {(["confidential", "no-consent-reaches-receiver"] as const)
              .map((reason) => ({ reason, cs: unshareable.filter((u) => u.reason === reason) }))
              .filter((g) => g.cs.length > 0)
              .map((g) =>
                t(g.reason === "confidential" ? "refer.unshareableConfidential" : "refer.unshareableNoConsent", {
                  categories: g.cs.map((u) => tr(`category.${u.category}`)).join(", "),
                }),
              )
              .join(" ")}
          </Text>
        ) : null}
        {goals.length > 0 ? (
          <NativeSelect
            label={t("refer.goal")}
            value={goalId}
            onChange={(e) => setGoalId(e.currentTarget.value)}
            error={errors.goal}
            data={[{ value: "", label: t("refer.noGoal") }, ...goals.map((g) => ({ value: g.id, label: g.title }))]}
          />
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {tc("actions.cancel")}
          </Button>
          <Button type="submit" loading={send.isPending} data-testid="refer-send">
            {t("refer.send")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
