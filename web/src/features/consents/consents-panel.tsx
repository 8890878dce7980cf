// The consents tab of a case file: the person's consents with recipients, information, validity
// and proof; recording (with the signed scan), withdrawing, and printing the form.
import { Anchor, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconFileCertificate, IconPlus, IconPrinter } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useFormat } from "../../app/format";
import { PageLoader, ProblemAlert } from "../../app/page";
import { allOrganisationsQuery } from "../organisations/organisations.api";
import { personQuery } from "../persons/persons.api";
import { CategoryBadges, ConsentStatusBadge, useRecipientNames } from "./consent-parts";
import { preferredFormLanguage, RecordConsentForm } from "./consent-record-form";
import { RevokeConsentDialog } from "./consent-revoke-dialog";
import { type Consent, consentsQuery, isFormLanguage } from "./consents.api";
import { useConsentStrings } from "./consents.i18n";

export function ConsentsPanel({ personId }: { personId: string }) {
  const t = useConsentStrings();
  // The case file has read the person already: same query, no second request.
  const person = useQuery(personQuery(personId));
  const consents = useQuery(consentsQuery(personId));
  const organisations = useQuery(allOrganisationsQuery);
  const recipientNames = useRecipientNames();
  const [formOpen, setFormOpen] = useState(false);
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const names = new Map((organisations.data ?? []).map((o) => [o.id, o.name]));
  const canManage = person.data?.abilities.manageConsents ?? false;
  const items = consents.data?.items ?? [];

  return (
    <Box component="section" aria-labelledby="consents-title" data-testid="consents-panel">
      <Group justify="space-between" align="flex-start" gap="md" mb="lg" wrap="wrap">
        <Box style={{ flex: "1 1 24rem", minWidth: 0 }}>
          <Title order={2} id="consents-title">
            {t("title")}
          </Title>
          <Text c="dimmed" size="sm" mt={4} maw="48rem">
            {canManage ? t("intro") : t("introReadOnly")}
          </Text>
        </Box>
        {canManage ? (
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconPrinter size={18} aria-hidden="true" />}
              renderRoot={(props) => (
                <Link
                  {...props}
                  to="/persons/$personId/consents/print"
                  params={{ personId }}
                  search={{ language: preferredFormLanguage(person.data) }}
                  target="_blank"
                />
              )}
            >
              {t("print")}
            </Button>
            {!formOpen ? (
              <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setFormOpen(true)}>
                {t("record")}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>

      {formOpen && person.data ? (
        <RecordConsentForm
          person={person.data}
          organisations={organisations.data ?? []}
          onClose={() => setFormOpen(false)}
        />
      ) : null}

      <ProblemAlert error={consents.error ?? person.error} />
      {consents.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed">{canManage ? t("empty") : t("emptyReadOnly")}</Text>
        </Paper>
      ) : (
        <Stack
          gap="md"
          component="ul"
          style={{ listStyle: "none", padding: 0, margin: 0 }}
          aria-label={t("list.caption")}
        >
          {items.map((c) => (
            <li key={c.id}>
              <ConsentCard
                consent={c}
                recipients={recipientNames(c, names)}
                canManage={canManage}
                onRevoke={() => setRevoking(c)}
              />
            </li>
          ))}
        </Stack>
      )}

      <RevokeConsentDialog
        consent={revoking}
        recipients={revoking ? recipientNames(revoking, names) : []}
        onClose={() => setRevoking(null)}
      />
    </Box>
  );
}

function ConsentCard({
  consent: c,
  recipients,
  canManage,
  onRevoke,
}: {
  consent: Consent;
  recipients: string[];
  canManage: boolean;
  onRevoke: () => void;
}) {
  const t = useConsentStrings();
  const fmt = useFormat();
  const titleId = `consent-${c.id}`;
  const validity = c.validUntil
    ? t("list.fromUntil", { from: fmt.date(c.validFrom), until: fmt.date(c.validUntil) })
    : `${t("list.from", { from: fmt.date(c.validFrom) })}, ${t("list.open")}`;
  const dimmed = c.status === "revoked" || c.status === "expired";

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="article"
      aria-labelledby={titleId}
      data-testid="consent"
      data-status={c.status}
      style={{ borderLeft: `4px solid ${dimmed ? "#adb5bd" : c.status === "pending" ? "#c77700" : "#2e7d32"}` }}
    >
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Box style={{ flex: "1 1 20rem", minWidth: 0 }}>
          <Group gap="sm" align="center" wrap="wrap">
            <ConsentStatusBadge status={c.status} />
            <Title order={3} size="h4" id={titleId}>
              {c.purpose}
            </Title>
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {t("list.validity")}: {validity}
          </Text>
        </Box>
        <Group gap="xs">
          <Button
            variant="subtle"
            size="sm"
            leftSection={<IconPrinter size={16} aria-hidden="true" />}
            aria-label={t("printThisLabel", { purpose: c.purpose })}
            renderRoot={(props) => (
              <Link
                {...props}
                to="/persons/$personId/consents/print"
                params={{ personId: c.personId }}
                search={{ consentId: c.id, language: c.language }}
                target="_blank"
              />
            )}
          >
            {t("printThis")}
          </Button>
          {canManage && c.status !== "revoked" ? (
            <Button
              variant="outline"
              color="#b42318"
              size="sm"
              onClick={onRevoke}
              aria-label={t("revokeLabel", { purpose: c.purpose })}
            >
              {t("revoke")}
            </Button>
          ) : null}
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="md">
        <Fact label={t("list.recipients")}>
          <Stack gap={2} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {recipients.map((r) => (
              <Text component="li" size="sm" key={r}>
                {r}
              </Text>
            ))}
          </Stack>
        </Fact>
        <Fact label={t("list.categories")}>
          <CategoryBadges list={c.categories} />
        </Fact>
      </SimpleGrid>

      <Group gap="lg" mt="md" wrap="wrap">
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t("list.method")}:
          </Text>{" "}
          {t(`method.${c.method}`)}
        </Text>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t("list.language")}:
          </Text>{" "}
          {isFormLanguage(c.language) ? t(`formLanguage.${c.language}`) : c.language}
          {c.formVersion ? ` · ${t("list.formVersion", { version: c.formVersion })}` : ""}
        </Text>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t("list.proof")}:
          </Text>{" "}
          {c.proofDocumentId ? (
            <Anchor href={`/api/v1/documents/${c.proofDocumentId}/content`} target="_blank" rel="noopener" size="sm">
              <IconFileCertificate size={14} aria-hidden="true" style={{ verticalAlign: "-2px", marginInlineEnd: 4 }} />
              {t("list.proofDocument")}
            </Anchor>
          ) : (
            t("list.noProof")
          )}
        </Text>
      </Group>

      {c.revokedAt ? (
        <Text size="sm" mt="sm" c="#8c1d18" fw={600}>
          {t("list.revokedOn", { date: fmt.dateTime(c.revokedAt) })}
          {c.revocationReason ? ` – ${t("list.revocationReason", { reason: c.revocationReason })}` : ""}
        </Text>
      ) : null}
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={650} tt="uppercase" c="dimmed" mb={6} style={{ letterSpacing: "0.04em" }}>
        {label}
      </Text>
      {children}
    </div>
  );
}
