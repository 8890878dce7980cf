// The head of a case file: name, birth date, nationality, languages, case status and lead
// organisation, and the case actions the state allows (for the lead organisation's case managers).
import { Button, Group, Text, Textarea } from "@mantine/core";
import { IconFolderCheck, IconFolderOpen, IconPlayerPause, IconPlayerPlay, IconRotate } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api-client";
import { FormDialog } from "../../app/form-dialog";
import { notifySuccess } from "../../app/notify";
import { PageHeader } from "../../app/page";
import { useOrganisationNames } from "../organisations/organisations.api";
import { CaseStatusBadge } from "./case-status-badge";
import { usePartialDate } from "./partial-dates";
import { type CaseAction, caseActionsFor, fullName, type Person, personQuery, personsApi } from "./persons.api";
import { usePersonStrings } from "./persons.i18n";
import { useCountries, useLanguages } from "./reference.api";

const actionIcons: Record<CaseAction, ReactNode> = {
  open: <IconFolderOpen size={18} aria-hidden="true" />,
  pause: <IconPlayerPause size={18} aria-hidden="true" />,
  resume: <IconPlayerPlay size={18} aria-hidden="true" />,
  close: <IconFolderCheck size={18} aria-hidden="true" />,
  reopen: <IconRotate size={18} aria-hidden="true" />,
};

export function CaseHeader({ person }: { person: Person }) {
  const t = usePersonStrings();
  const dates = usePartialDate();
  const countries = useCountries();
  const languages = useLanguages();
  const organisations = useOrganisationNames();
  const [action, setAction] = useState<CaseAction | null>(null);
  const name = fullName(person);
  const actions = person.abilities.manageCase ? caseActionsFor[person.case.status] : [];

  return (
    <div className="case-header" data-testid="case-header">
      <PageHeader
        title={name}
        actions={
          actions.length > 0 ? (
            <Group gap="sm" role="group" aria-label={t("caseFile.actions.label")}>
              {actions.map((a) => (
                <Button
                  key={a}
                  variant={a === "open" || a === "resume" || a === "reopen" ? "filled" : "default"}
                  leftSection={actionIcons[a]}
                  onClick={() => setAction(a)}
                >
                  {t(`caseFile.actions.${a}`)}
                </Button>
              ))}
            </Group>
          ) : null
        }
      >
        <dl className="case-header-facts">
          <div>
            <dt>{t("caseFile.born")}</dt>
            <dd>{dates.format(person.birthDate, t("date.unknown"))}</dd>
          </div>
          <div>
            <dt>{t("caseFile.nationality")}</dt>
            <dd>{person.nationalities.map((c) => countries.name(c)).join(", ") || "–"}</dd>
          </div>
          <div>
            <dt>{t("caseFile.languages")}</dt>
            <dd>
              {person.languages.length === 0
                ? "–"
                : person.languages
                    .map(
                      (l) => `${languages.name(l.code)}${l.interpreterNeeded ? ` (${t("caseFile.interpreter")})` : ""}`,
                    )
                    .join(", ")}
            </dd>
          </div>
          <div>
            <dt>{t("caseFile.caseStatus")}</dt>
            <dd>
              <Group gap={8} wrap="wrap">
                <CaseStatusBadge status={person.case.status} />
                {person.case.status === "closed" && person.case.closedOn ? (
                  <Text span size="sm" fw={400}>
                    {t("caseFile.closedOn", { date: dates.format(person.case.closedOn) })}
                  </Text>
                ) : person.case.openedOn ? (
                  <Text span size="sm" fw={400}>
                    {t("caseFile.openedOn", { date: dates.format(person.case.openedOn) })}
                  </Text>
                ) : null}
              </Group>
            </dd>
          </div>
          <div>
            <dt>{t("caseFile.lead")}</dt>
            <dd>
              {person.case.leadOrganisationId
                ? (organisations.get(person.case.leadOrganisationId) ?? "…")
                : t("caseFile.noLead")}
            </dd>
          </div>
          {person.case.status === "closed" && person.case.closingReason ? (
            <div>
              <dt>{t("caseFile.closingReason")}</dt>
              <dd style={{ fontWeight: 400 }}>{person.case.closingReason}</dd>
            </div>
          ) : null}
        </dl>
      </PageHeader>
      {action ? <CaseActionDialog person={person} action={action} onClose={() => setAction(null)} /> : null}
    </div>
  );
}

function CaseActionDialog({ person, action, onClose }: { person: Person; action: CaseAction; onClose: () => void }) {
  const t = usePersonStrings();
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const required = action === "close";

  const submit = async () => {
    if (required && !reason.trim()) {
      setReasonError(tc("validation.required"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await personsApi.caseAction(person.id, action, {
        reason: reason.trim() || undefined,
        version: person.version,
      });
      queryClient.setQueryData(personQuery(person.id).queryKey, (old) => (old ? { ...old, ...updated } : updated));
      await queryClient.invalidateQueries({ queryKey: ["persons"] });
      await queryClient.invalidateQueries({ queryKey: ["timeline", person.id] });
      notifySuccess(t(`caseFile.done.${action}`));
      onClose();
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && (err.code === "conflict" || err.code === "version-conflict")) {
        await queryClient.invalidateQueries({ queryKey: personQuery(person.id).queryKey });
      }
      setError(err);
    }
  };
  const stale = error instanceof ApiError && (error.code === "conflict" || error.code === "version-conflict");

  return (
    <FormDialog
      title={t(`caseFile.actions.${action}`)}
      size="md"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t(`caseFile.actions.${action}`)}
      pending={busy}
      error={stale ? null : error}
      submitDisabled={stale}
    >
      {stale ? (
        <Text role="alert" c="#7a1a12" fw={600}>
          {t("caseFile.illegalTransition")}
        </Text>
      ) : null}
      <Text>{t(`caseFile.confirm.${action}`, { name: fullName(person) })}</Text>
      <Textarea
        id="case-action-reason"
        label={required ? t("caseFile.reason") : t("caseFile.reasonOptional")}
        withAsterisk={required}
        aria-required={required || undefined}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setReasonError(null);
        }}
        error={reasonError}
        autosize
        minRows={3}
        maxLength={1000}
        data-autofocus
      />
    </FormDialog>
  );
}
