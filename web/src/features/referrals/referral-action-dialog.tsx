// The dialogs of a referral's actions: accept (optional first appointment, date and time), decline
// (reason, note), complete (outcome, note), withdraw (reason). The version guards against stale changes.
import { NativeSelect, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../app/form-dialog";
import { useFormat } from "../../app/format";
import { serverFieldErrors } from "../../app/forms";
import { notifySuccess } from "../../app/notify";
import { declineReasons, outcomes, type Referral, type ReferralAction, referralsApi } from "./referrals.api";
import { useReferralStrings } from "./referrals.i18n";

export function ReferralActionDialog({
  referral,
  action,
  onClose,
}: {
  referral: Referral;
  action: ReferralAction | null;
  onClose: () => void;
}) {
  const t = useReferralStrings();
  const { t: tc } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const submit = useMutation({
    mutationFn: (a: ReferralAction) => {
      const text = note.trim() || undefined;
      const body: Record<string, unknown> =
        a === "accept"
          ? // datetime-local is the reader's wall-clock time; the API takes the instant with its offset.
            { firstAppointmentAt: date ? new Date(date).toISOString() : undefined, note: text }
          : a === "decline"
            ? { reason, note: text }
            : a === "complete"
              ? { outcome: reason, note: text }
              : { reason: note.trim() || undefined };
      return referralsApi.act(referral.id, a, { ...body, version: referral.version });
    },
    onError: (e) =>
      setServerErrors(serverFieldErrors(e, ["firstAppointmentAt", "reason", "outcome", "note"], tc).fields),
    onSuccess: async (updated, a) => {
      queryClient.setQueryData(["referrals", "one", referral.id], updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["referrals"] }),
        queryClient.invalidateQueries({ queryKey: ["plan"] }),
        queryClient.invalidateQueries({ queryKey: ["notifications"] }),
      ]);
      notifySuccess(t(`action.done.${a}`));
      close();
    },
  });
  const close = () => {
    setDate("");
    setReason("");
    setNote("");
    setFieldError(null);
    setServerErrors({});
    submit.reset();
    onClose();
  };
  const needsChoice = action === "decline" || action === "complete";

  return (
    <FormDialog
      opened={action !== null}
      onClose={close}
      title={action ? t(`action.${action}Title`) : ""}
      onSubmit={() => {
        if (!action) return;
        if (needsChoice && !reason) {
          setFieldError(t("refer.required"));
          return;
        }
        setFieldError(null);
        submit.mutate(action);
      }}
      submitLabel={action ? t(`action.${action}`) : ""}
      pending={submit.isPending}
      error={submit.error}
      danger={action === "decline" || action === "withdraw"}
    >
      {action === "accept" ? (
        <TextInput
          type="datetime-local"
          label={t("action.firstAppointmentOn")}
          description={t("action.firstAppointmentDescription", { date: fmt.date(referral.firstAppointmentBy) })}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={serverErrors.firstAppointmentAt}
          w={{ base: "100%", sm: 280 }}
          data-autofocus
        />
      ) : null}
      {action === "decline" || action === "complete" ? (
        <NativeSelect
          label={action === "decline" ? t("action.reason") : t("action.outcome")}
          withAsterisk
          aria-required="true"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError ?? serverErrors.reason ?? serverErrors.outcome}
          data={[
            { value: "", label: t("action.choose"), disabled: true },
            ...(action === "decline"
              ? declineReasons.map((r) => ({ value: r, label: t(`declineReason.${r}`) }))
              : outcomes.map((o) => ({ value: o, label: t(`outcome.${o}`) }))),
          ]}
          data-autofocus
        />
      ) : null}
      <Textarea
        label={action === "withdraw" ? t("action.withdrawReason") : t("action.note")}
        description={t("action.noteDescription")}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={serverErrors.note}
        autosize
        minRows={3}
        maxLength={2000}
        data-autofocus={action === "withdraw" ? true : undefined}
      />
    </FormDialog>
  );
}
