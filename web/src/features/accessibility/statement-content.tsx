// The accessibility statement (BITV 2.0 / WCAG 2.1 AA, EN 301 549), after the model statement of
// Implementing Decision (EU) 2018/1523. Long legal text reads better as markup than as i18n keys.
import { Anchor, List, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { deployment } from "../../app/deployment";
import { useFormat } from "../../app/format";
import { useTexts } from "../../app/strings";
import { accessibilityStrings } from "./accessibility.i18n";

function Contact() {
  const texts = useTexts(accessibilityStrings);
  const lines = deployment.accessibilityContact ?? texts.statement.contactPlaceholder;
  const email = deployment.accessibilityEmail;
  return (
    <address data-testid="accessibility-contact">
      {lines.map((line) => (
        <span key={line}>
          {line}
          <br />
        </span>
      ))}
      E-Mail: <Anchor href={`mailto:${email}`}>{email}</Anchor>
    </address>
  );
}

function Schlichtungsstelle({ lang }: { lang: "de" | "en" }) {
  return (
    <address lang="de">
      Schlichtungsstelle nach dem Behindertengleichstellungsgesetz
      <br />
      bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen
      <br />
      Mauerstraße 53
      <br />
      10117 Berlin
      <br />
      {lang === "de" ? "Telefon" : "Phone"}: 030 18 527-2805
      <br />
      E-Mail: <Anchor href="mailto:info@schlichtungsstelle-bgg.de">info@schlichtungsstelle-bgg.de</Anchor>
      <br />
      Internet: <Anchor href="https://www.schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de</Anchor>
    </address>
  );
}

export function StatementDe() {
  const fmt = useFormat();
  const date = fmt.date(deployment.statementDate);
  const origin = window.location.origin;
  return (
    <div className="statement">
      <Text>
        {deployment.operator ?? "Die Kommune, die diese Installation von Strang betreibt,"} ist bemüht, die Webanwendung
        Strang im Einklang mit den nationalen Rechtsvorschriften zur Umsetzung der Richtlinie (EU) 2016/2102 des
        Europäischen Parlaments und des Rates barrierefrei zugänglich zu machen. Maßgeblich sind das
        Behindertengleichstellungsgesetz (BGG) und die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) sowie die
        entsprechenden Vorschriften des Landes.
      </Text>
      <Text mt="sm">
        Diese Erklärung zur Barrierefreiheit gilt für die Webanwendung Strang unter{" "}
        <span className="mono">{origin}</span>.
      </Text>

      <Title order={2}>Stand der Vereinbarkeit mit den Anforderungen</Title>
      <Text>
        Die Anforderungen der Barrierefreiheit ergeben sich aus §§ 3 Absätze 1 bis 4 und 4 der BITV 2.0, die auf der
        Grundlage von § 12d BGG erlassen wurde. Maßstab sind die Web Content Accessibility Guidelines (WCAG) 2.1 in der
        Konformitätsstufe AA und die harmonisierte Europäische Norm EN 301 549.
      </Text>
      <Text mt="sm">
        Diese Webanwendung ist <strong>teilweise</strong> mit den Anforderungen vereinbar. Die unten aufgeführten
        Inhalte sind nicht oder noch nicht vollständig barrierefrei.
      </Text>

      <Title order={2}>Nicht barrierefreie Inhalte</Title>
      <List spacing="sm" mt="sm">
        <List.Item>
          <strong>Hochgeladene Dokumente:</strong> Dokumente, die in Fallakten hochgeladen werden (etwa eingescannte
          Einwilligungserklärungen oder Bescheide), sind meist Bilddateien oder PDF-Dateien ohne Struktur und für
          Screenreader nicht zugänglich. Es handelt sich um Inhalte Dritter, deren Barrierefreiheit die Anwendung nicht
          beeinflussen kann. Die wesentlichen Angaben daraus werden als Text in der Fallakte erfasst.
        </List.Item>
        <List.Item>
          <strong>QR-Code bei der Zwei-Faktor-Anmeldung:</strong> Der QR-Code ist eine Grafik. Als gleichwertige
          Alternative wird der Schlüssel als Text angezeigt; er kann kopiert und von Hand eingegeben werden.
        </List.Item>
        <List.Item>
          <strong>Gebärdensprache und Leichte Sprache:</strong> Erläuterungen zu den wesentlichen Inhalten in Deutscher
          Gebärdensprache und in Leichter Sprache (§ 4 BITV 2.0) stehen noch nicht zur Verfügung. Sie werden erstellt.
        </List.Item>
        <List.Item>
          <strong>Umfang der Prüfung:</strong> Die Anwendung wird bei jeder Änderung automatisiert nach WCAG 2.1 AA
          geprüft und von Hand auf Bedienbarkeit mit der Tastatur getestet. Ein vollständiger Test durch eine
          unabhängige Prüfstelle und Tests mit Screenreadern stehen noch aus; einzelne Barrieren können deshalb noch
          unentdeckt sein. Neue Funktionen werden vor der Freigabe auf dieselbe Weise geprüft.
        </List.Item>
      </List>

      <Title order={2}>Erstellung dieser Erklärung</Title>
      <Text>
        Diese Erklärung wurde am {date} erstellt und zuletzt am {date} überprüft. Sie beruht auf einer Selbstbewertung:
        automatisierten Prüfungen aller Seiten mit dem Prüfwerkzeug axe-core (Regeln der WCAG 2.0 und 2.1, Stufen A und
        AA) bei jeder Änderung der Software sowie manuellen Prüfungen der Tastaturbedienung, der Fokusreihenfolge, der
        Überschriftenstruktur und der Sprachauszeichnung.
      </Text>

      <Title order={2}>Feedback und Kontaktangaben</Title>
      <Text>
        Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten von Strang aufgefallen? Oder benötigen Sie
        Informationen, die in der Anwendung nicht barrierefrei zugänglich sind, in einer barrierefreien Form? Dann
        wenden Sie sich bitte an:
      </Text>
      <Contact />
      <Text>
        Wie Sie uns eine Barriere am besten beschreiben, erfahren Sie auf der Seite{" "}
        <Anchor component={Link} to="/feedback">
          Feedback zur Barrierefreiheit
        </Anchor>
        . Wir bestätigen den Eingang Ihrer Nachricht und antworten so bald wie möglich, spätestens innerhalb eines
        Monats.
      </Text>

      <Title order={2}>Durchsetzungsverfahren: Schlichtung nach § 16 BGG</Title>
      <Text>
        Wenn auch nach Ihrem Feedback an den oben genannten Kontakt keine zufriedenstellende Lösung gefunden wurde,
        können Sie sich an die Schlichtungsstelle nach § 16 BGG wenden. Die Schlichtungsstelle BGG hat die Aufgabe, bei
        Konflikten zum Thema Barrierefreiheit zwischen Menschen mit Behinderungen und öffentlichen Stellen eine
        außergerichtliche Streitbeilegung zu unterstützen. Das Schlichtungsverfahren ist kostenlos. Es muss kein
        Rechtsbeistand eingeschaltet werden.
      </Text>
      <Text mt="sm">
        Weitere Informationen zum Schlichtungsverfahren und zu den Möglichkeiten der Antragstellung erhalten Sie unter{" "}
        <Anchor href="https://www.schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de</Anchor>. Direkt kontaktieren
        können Sie die Schlichtungsstelle BGG unter:
      </Text>
      <Schlichtungsstelle lang="de" />
    </div>
  );
}

export function StatementEn() {
  const fmt = useFormat();
  const date = fmt.date(deployment.statementDate);
  const origin = window.location.origin;
  return (
    <div className="statement">
      <Text>
        {deployment.operator ?? "The municipality operating this installation of Strang"} is committed to making the web
        application Strang accessible in accordance with the national legislation transposing Directive (EU) 2016/2102
        of the European Parliament and of the Council: the German Disability Equality Act
        (Behindertengleichstellungsgesetz, BGG), the Barrier-free Information Technology Ordinance (BITV 2.0) and the
        corresponding regulations of the federal state.
      </Text>
      <Text mt="sm">
        This accessibility statement applies to the web application Strang at <span className="mono">{origin}</span>.
      </Text>

      <Title order={2}>Compliance status</Title>
      <Text>
        The accessibility requirements follow from sections 3 (1) to (4) and 4 of BITV 2.0, issued on the basis of
        section 12d BGG. The standard is the Web Content Accessibility Guidelines (WCAG) 2.1 at conformance level AA and
        the harmonised European standard EN 301 549.
      </Text>
      <Text mt="sm">
        This web application is <strong>partially</strong> compliant with these requirements. The content listed below
        is not, or not yet fully, accessible.
      </Text>

      <Title order={2}>Non-accessible content</Title>
      <List spacing="sm" mt="sm">
        <List.Item>
          <strong>Uploaded documents:</strong> documents uploaded to case files (such as scanned consent forms or
          official notices) are usually image files or untagged PDF files and not accessible to screen readers. They are
          third-party content whose accessibility the application cannot influence. Their essential information is
          recorded as text in the case file.
        </List.Item>
        <List.Item>
          <strong>QR code for two-factor authentication:</strong> the QR code is an image. As an equivalent alternative,
          the key is shown as text; it can be copied and entered by hand.
        </List.Item>
        <List.Item>
          <strong>Sign language and Easy Language:</strong> explanations of the main content in German Sign Language and
          in Easy German (section 4 BITV 2.0) are not yet available. They are being prepared.
        </List.Item>
        <List.Item>
          <strong>Scope of testing:</strong> the application is tested automatically against WCAG 2.1 AA with every
          change and manually for keyboard operation. A complete test by an independent testing body and tests with
          screen readers are still outstanding, so individual barriers may not yet have been found. New features are
          tested in the same way before release.
        </List.Item>
      </List>

      <Title order={2}>Preparation of this statement</Title>
      <Text>
        This statement was prepared on {date} and last reviewed on {date}. It is based on a self-assessment: automated
        tests of all pages with the testing tool axe-core (WCAG 2.0 and 2.1 rules, levels A and AA) with every change to
        the software, and manual checks of keyboard operation, focus order, heading structure and language markup.
      </Text>

      <Title order={2}>Feedback and contact information</Title>
      <Text>
        Have you noticed any shortcomings in the accessibility of Strang? Or do you need information that is not
        accessible in the application in an accessible form? Please contact:
      </Text>
      <Contact />
      <Text>
        The page{" "}
        <Anchor component={Link} to="/feedback">
          Accessibility feedback
        </Anchor>{" "}
        explains how best to describe a barrier to us. We confirm receipt of your message and reply as soon as possible,
        within one month at the latest.
      </Text>

      <Title order={2}>Enforcement procedure: conciliation under section 16 BGG</Title>
      <Text>
        If no satisfactory solution has been found after your feedback to the contact above, you can turn to the
        conciliation body under section 16 BGG (Schlichtungsstelle BGG). Its task is to support out-of-court dispute
        resolution in conflicts about accessibility between people with disabilities and public bodies. The conciliation
        procedure is free of charge. You do not need legal representation.
      </Text>
      <Text mt="sm">
        More information on the conciliation procedure and how to apply is available (in German) at{" "}
        <Anchor href="https://www.schlichtungsstelle-bgg.de" lang="de">
          www.schlichtungsstelle-bgg.de
        </Anchor>
        . You can contact the Schlichtungsstelle BGG directly at:
      </Text>
      <Schlichtungsstelle lang="en" />
    </div>
  );
}
