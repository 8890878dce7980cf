// Confirm dialog for withdrawing a consent, with the reason (logged with the revocation).
import { Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormDialog } from "../../app/form-dialog";
import { notifySuccess } from "../../app/notify";
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
    <FormDialog
      opened={consent !== null}
      onClose={close}
      title={t("revokeDialog.title")}
      onSubmit={() => {
        if (consent) revoke.mutate(consent);
      }}
      submitLabel={t("revokeDialog.confirm")}
      pending={revoke.isPending}
      error={revoke.error}
      danger
    >
      <Text>{t("revokeDialog.text", { recipients: recipients.join(", "), categories: categoryList })}</Text>
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
    </FormDialog>
  );
}
