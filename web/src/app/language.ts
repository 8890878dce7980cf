// Changing the interface language: localStorage always, the account too when signed in.
import { useQueryClient } from "@tanstack/react-query";
import { authApi, type Me, meQueryKey } from "../features/auth/auth.api";
import type { Language } from "./domain";
import { applyLanguage } from "./i18n";

// A language picked on the sign-in page before signing in; the login then stores it on the account.
let chosenWhileSignedOut: Language | undefined;
export const languageChosenBeforeSignIn = () => chosenWhileSignedOut;

export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return async (lng: Language) => {
    await applyLanguage(lng);
    const me = queryClient.getQueryData<Me | null>(meQueryKey);
    if (!me) {
      chosenWhileSignedOut = lng;
      return;
    }
    if (me.secondFactor !== "done" || me.user.locale === lng) return;
    try {
      queryClient.setQueryData(meQueryKey, await authApi.updateMe({ locale: lng }));
    } catch {
      // The account keeps its language; this device uses the new one.
    }
  };
}

/** After signing in: the account's language, unless the user just picked one on the sign-in page. */
export async function adoptAccountLanguage(account: Language, canStore: boolean): Promise<Language> {
  const picked = chosenWhileSignedOut;
  chosenWhileSignedOut = undefined;
  if (picked && picked !== account) {
    if (canStore) await authApi.updateMe({ locale: picked }).catch(() => undefined);
    await applyLanguage(picked);
    return picked;
  }
  await applyLanguage(account);
  return account;
}
