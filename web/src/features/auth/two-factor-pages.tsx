// The two ways to TOTP enrolment: forced after sign-in (STRANG_REQUIRE_2FA), or chosen from the user menu.
import { Button, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { notifySuccess } from "../../app/notify";
import { PageHeader } from "../../app/page";
import { PublicFrame } from "../../app/public-frame";
import { useMe, useSession, useSignOut } from "./auth.api";
import { useAuthStrings } from "./auth.i18n";
import { TotpDoneAlert, TotpSetup } from "./totp-setup";

export function EnrolmentPage() {
  const t = useAuthStrings();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const me = useSession();
  if (!me) return null;
  return (
    <PublicFrame
      width="reading"
      headerEnd={
        <Button
          variant="default"
          onClick={async () => {
            await signOut();
            await navigate({ to: "/login", search: { signedOut: true } });
          }}
        >
          {t("totp.logoutInstead")}
        </Button>
      }
    >
      <PageHeader title={t("totp.enrolTitle")} description={t("totp.enrolIntro")}>
        <Text size="sm" mt="xs">
          {me.user.name} · {me.user.email}
        </Text>
      </PageHeader>
      <TotpSetup
        onDone={() => {
          notifySuccess(t("totp.success"));
          void navigate({ to: "/" });
        }}
      />
    </PublicFrame>
  );
}

export function TwoFactorPage() {
  const t = useAuthStrings();
  const navigate = useNavigate();
  const me = useMe();
  return (
    <>
      <PageHeader title={t("totp.setupTitle")} description={t("totp.setupIntro")} />
      {me.totpEnabled ? (
        <TotpDoneAlert />
      ) : (
        <TotpSetup
          onDone={() => {
            notifySuccess(t("totp.success"));
            void navigate({ to: "/" });
          }}
        />
      )}
    </>
  );
}
