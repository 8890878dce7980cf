// The one dialog with a form: title, the fields (children), the form-level error above them,
// Cancel and the submit button (busy while the request runs). Focus: the field marked
// `data-autofocus`, else the first field, when it opens; back to what opened it when it closes
// (Mantine's focus trap and returnFocus); Escape closes. After a refused submit, the first field
// marked invalid takes the focus, whether the check was the form's own or the server's (field
// errors come from `serverFieldErrors`, forms.ts, set by the caller on its fields).
import { Button, Group, Modal, Stack } from "@mantine/core";
import { type FormEvent, type ReactNode, useCallback, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "./page";

const fieldSelector = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";

export function FormDialog({
  title,
  opened = true,
  onClose,
  onSubmit,
  submitLabel,
  pending,
  error,
  errorAction,
  danger = false,
  submitDisabled = false,
  size = "lg",
  testId,
  children,
}: {
  title: string;
  opened?: boolean;
  onClose: () => void;
  /** Called with the submit event (already prevented); a Mantine `form.onSubmit(…)` fits. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  pending: boolean;
  /** The error of the request, shown above the fields (null when it is all on fields). */
  error?: unknown;
  /** What the reader can do about the error (reload after a version conflict). */
  errorAction?: ReactNode;
  /** A red submit button, for what cannot simply be undone (decline, withdraw, revoke, remove). */
  danger?: boolean;
  submitDisabled?: boolean;
  size?: "md" | "lg" | "xl";
  testId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  // The form is in the DOM before Mantine's focus trap looks for `data-autofocus` (a frame later).
  const markFirstField = useCallback((node: HTMLFormElement | null) => {
    if (node && !node.querySelector("[data-autofocus]"))
      node.querySelector<HTMLElement>(fieldSelector)?.setAttribute("data-autofocus", "true");
  }, []);
  useEffect(() => {
    if (error) focusFirstInvalidInDialog();
  }, [error]);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ "aria-label": t("actions.close") }}
      styles={{ title: { fontWeight: 650, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      <form
        ref={markFirstField}
        noValidate
        data-testid={testId}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(event);
          focusFirstInvalidInDialog();
        }}
      >
        <Stack gap="md">
          <ProblemAlert error={error} action={errorAction} />
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" color={danger ? "#b42318" : undefined} loading={pending} disabled={submitDisabled}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** After the errors have rendered, the first invalid field of the open dialog takes the focus (a
 * caller that marks server errors on fields without a form-level error calls it itself). */
export function focusFirstInvalidInDialog() {
  setTimeout(() => document.querySelector<HTMLElement>('[role="dialog"] form [aria-invalid="true"]')?.focus());
}
