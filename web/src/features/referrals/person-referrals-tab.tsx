// The case file's referrals section: the person's referrals (as far as the organisation takes
// part) and the Refer button.
import { Anchor, Button, Group, Text, Title } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";

import { DataTable } from "../../app/data-table";
import { ProblemAlert } from "../../app/page";
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
      <DataTable
        caption={t("person.caption")}
        testId="person-referrals"
        loading={query.isPending}
        rows={items}
        rowKey={(r) => r.id}
        empty={t("person.empty")}
        columns={[
          {
            key: "service",
            header: t("inbox.service"),
            rowHeader: true,
            cell: (r) => (
              <Anchor
                fw={600}
                renderRoot={(props) => <Link {...props} to="/referrals/$referralId" params={{ referralId: r.id }} />}
              >
                {services.label(r.service)}
              </Anchor>
            ),
          },
          { key: "from", header: t("inbox.from"), cell: (r) => r.fromOrganisation.name },
          { key: "to", header: t("inbox.to"), cell: (r) => r.toOrganisation.name },
          { key: "sent", header: t("inbox.sent"), nowrap: true, cell: (r) => fmt.date(r.sentAt) },
          {
            key: "status",
            header: t("inbox.status"),
            cell: (r) => (
              <Group gap={6}>
                <ReferralStatusBadge status={r.status} />
                <OverdueBadge referral={r} />
                {r.outcome ? <Text size="sm">{t(`outcome.${r.outcome as Outcome}`)}</Text> : null}
              </Group>
            ),
          },
          { key: "deadlines", header: t("inbox.deadlines"), cell: (r) => <Deadlines referral={r} /> },
        ]}
      />
      <ReferDialog personId={personId} opened={referring} onClose={() => setReferring(false)} />
    </section>
  );
}
