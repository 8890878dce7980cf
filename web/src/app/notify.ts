// Success messages as toasts, with a labelled close button (Mantine's has no accessible name).
import { notifications } from "@mantine/notifications";
import { i18n } from "./i18n";

export function notifySuccess(message: string) {
  notifications.show({
    color: "green",
    message,
    autoClose: 6000,
    closeButtonProps: { "aria-label": i18n.t("actions.close") },
  });
}
