// The case file's referrals section: the person's referrals (as far as the organisation takes
// part) and the Refer button.
import { Anchor, Button, Group, Paper, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";

import { TableRegion } from "../../app/list-parts";
import { PageLoader, ProblemAlert } from "../../app/page";
import { useServices } from "../directory/services.api";
import { ReferDialog } from "./refer-dialog";
import { Deadlines, OverdueBadge, ReferralStatusBadge, useShortDate } from "./referral-parts";
import { type Outcome, personReferralsQuery } from "./referrals.api";
import { useReferralStrings } from "./referrals.i18n";

export function PersonReferralsTab({ personId, canRefer }: { personId: string; canRefer: boolean }) {
  const t = useReferralStrings();
  const fmt = { date: useShortDate() };
  const services = useServices();
  const query = useQuery(personReferralsQuery(personId));
  const [referring, setReferring] = useState(false);
  const items = query.data?.items ?? [];
  return (
    <section aria-labelledby="referrals-title">
      <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
        <div>
          <Title order={2} size="h3" id="referrals-title">
            {t("person.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("person.intro")}
          </Text>
        </div>
        {canRefer ? (
          <Button
            leftSection={<IconSend size={18} aria-hidden="true" />}
            onClick={() => setReferring(true)}
            data-testid="refer-button"
          >
            {t("refer.button")}
          </Button>
        ) : null}
      </Group>
      <ProblemAlert error={query.error} />
      {query.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Text c="dimmed">{t("person.empty")}</Text>
        </Paper>
      ) : (
        <TableRegion label={t("person.caption")}>
          <Table className="data-table" data-testid="person-referrals">
            <Table.Caption style={{ captionSide: "top" }}>
              <VisuallyHidden>{t("person.caption")}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("inbox.service")}</Table.Th>
                <Table.Th scope="col">{t("inbox.from")}</Table.Th>
                <Table.Th scope="col">{t("inbox.to")}</Table.Th>
                <Table.Th scope="col">{t("inbox.sent")}</Table.Th>
                <Table.Th scope="col">{t("inbox.status")}</Table.Th>
                <Table.Th scope="col">{t("inbox.deadlines")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" style={{ verticalAlign: "top" }}>
                    <Anchor
                      fw={600}
                      renderRoot={(props) => (
                        <Link {...props} to="/referrals/$referralId" params={{ referralId: r.id }} />
                      )}
                    >
                      {services.label(r.service)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td style={{ verticalAlign: "top" }}>{r.fromOrganisation.name}</Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>{r.toOrganisation.name}</Table.Td>
                  <Table.Td style={{ verticalAlign: "top", whiteSpace: "nowrap" }}>{fmt.date(r.sentAt)}</Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <Group gap={6}>
                      <ReferralStatusBadge status={r.status} />
                      <OverdueBadge referral={r} />
                      {r.outcome ? <Text size="sm">{t(`outcome.${r.outcome as Outcome}`)}</Text> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <Deadlines referral={r} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
      )}
      <ReferDialog personId={personId} opened={referring} onClose={() => setReferring(false)} />
    </section>
  );
}
