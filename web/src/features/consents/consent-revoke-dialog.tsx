// Confirm dialog for withdrawing a consent, with the reason (logged with the revocation).
import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifySuccess } from "../../app/notify";
import { ProblemAlert } from "../../app/page";
import { type Consent, consentsApi } from "./consents.api";
import { useConsentStrings } from "./consents.i18n";

export function RevokeConsentDialog({
  consent,
  recipients,
  onClose,
}: {
  consent: Consent | null;
  recipients: string[];
  onClose: () => void;
}) {
  const t = useConsentStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const revoke = useMutation({
    mutationFn: (c: Consent) => consentsApi.revoke(c.id, reason.trim() || undefined),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["consents"] }),
        queryClient.invalidateQueries({ queryKey: ["persons"] }),
      ]);
      notifySuccess(t("revokeDialog.done"));
      close();
    },
  });
  const close = () => {
    setReason("");
    revoke.reset();
    onClose();
  };
  const categoryList = consent ? consent.categories.map((c) => t(`category.${c}`)).join(", ") : "";

  return (
    <Modal
      opened={consent !== null}
      onClose={close}
      title={t("revokeDialog.title")}
      size="lg"
      closeButtonProps={{ "aria-label": tc("actions.close") }}
      styles={{ title: { fontWeight: 650, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (consent) revoke.mutate(consent);
        }}
      >
        <Stack gap="md">
          <Text>{t("revokeDialog.text", { recipients: recipients.join(", "), categories: categoryList })}</Text>
          <ProblemAlert error={revoke.error} />
          <Textarea
            label={t("revokeDialog.reason")}
            description={t("revokeDialog.reasonDescription")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {tc("actions.cancel")}
            </Button>
            <Button type="submit" color="#b42318" loading={revoke.isPending}>
              {t("revokeDialog.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
