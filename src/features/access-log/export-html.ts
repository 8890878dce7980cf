// The printable Art. 15 document (HTML with print styles; the browser prints it or saves a PDF).
// Everything it prints is escaped: names and free text come from many hands.
import type { ContactBlock, ExportDocument, Line } from "./export-document.js";

const esc = (v: unknown): string =>
  String(v ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");

/** Escaped, with line breaks kept (addresses). */
const lines = (v: string) => esc(v).replaceAll("\n", "<br>");

const table = (head: string[], rows: string[][], cls = "") =>
  `<table${cls ? ` class="${cls}"` : ""}><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;

const facts = (rows: Line[]) =>
  `<table class="facts"><tbody>${rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th><td>${lines(r.value)}</td></tr>`).join("")}</tbody></table>`;

const section = (id: string, title: string, body: string) =>
  `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${body}</section>`;

export function renderExportHtml(d: ExportDocument): string {
  const l = d.texts;
  const s = l.sections;
  const none = `<p class="none">${esc(l.none)}</p>`;
  const missing = `<span class="missing">${esc(l.notConfigured)}</span>`;

  // The controller needs a postal address; the officer some way to be reached.
  const contact = (title: string, c: ContactBlock, needs: "address" | "contact") => {
    const any = c.name || c.address.length || c.email || c.phone;
    const lacking = needs === "address" ? c.address.length === 0 : !(c.address.length || c.email || c.phone);
    const body = any
      ? `<p>${c.name ? `<strong>${esc(c.name)}</strong>` : ""}${c.name && (c.address.length || lacking) ? "<br>" : ""}${
          c.address.length ? c.address.map(esc).join("<br>") : lacking ? missing : ""
        }</p>${c.email || c.phone ? `<p>${c.email ? `${esc(l.email)}: ${esc(c.email)}<br>` : ""}${c.phone ? `${esc(l.phone)}: ${esc(c.phone)}` : ""}</p>` : ""}`
      : `<p>${missing}</p>`;
    return `<div class="contact"><h3>${esc(title)}</h3>${body}</div>`;
  };

  const records = d.recordsByCategory.length
    ? d.recordsByCategory
        .map(
          (g) =>
            `<h3>${esc(g.category)}</h3>${g.records
              .map(
                (r) =>
                  `<div class="record"><h4>${esc(r.labels.kind)}</h4>${facts(r.labels.fields)}<p class="source">${esc(l.recordedBy)} ${esc(r.labels.recordedBy)} ${esc(l.recordedOn)} ${esc(r.labels.recordedOn)}${r.labels.validity ? ` · ${esc(l.validity)} ${esc(r.labels.validity)}` : ""}</p></div>`,
              )
              .join("")}`,
        )
        .join("")
    : none;

  const documents = d.documents.length
    ? table(
        [l.title_, l.categories, l.kind, l.recordedByHeader, l.date],
        d.documents.map((x) => [
          esc(x.labels.title),
          esc(x.labels.category),
          esc(x.labels.type),
          esc(x.labels.recordedBy),
          esc(x.labels.recordedOn),
        ]),
      )
    : none;

  const consents = d.consents.length
    ? table(
        [l.recipientsOf, l.categories, l.purpose, l.consentValid, l.status],
        d.consents.map((c) => [
          esc(c.labels.recipients.join(", ")),
          esc(c.labels.categories.join(", ")),
          esc(c.labels.purpose),
          esc(c.labels.validity),
          esc(c.labels.status),
        ]),
      )
    : none;

  const events = d.caseEvents.length
    ? `<ul>${d.caseEvents.map((e) => `<li>${esc(e.at)}: ${esc(e.action)}${e.reason ? ` (${esc(e.reason)})` : ""}</li>`).join("")}</ul>`
    : none;

  const r = l.referral;
  const dash = (v: string | null | undefined) => esc(v || "–");
  const referrals = d.referrals.length
    ? table(
        [r.service, r.from, r.to, l.status, r.sent, r.message],
        d.referrals.map((x) => [
          `${esc(x.labels.service)}<br><span class="source">${esc(l.categories)}: ${esc(x.labels.sharedCategories.join(", "))}</span>`,
          esc(x.labels.from),
          esc(x.labels.to),
          `${esc(x.labels.status)}${x.labels.declineReason ? ` (${esc(x.labels.declineReason)})` : ""}${
            x.labels.respondedOn ? `<br>${esc(r.response)}: ${esc(x.labels.respondedOn)}` : ""
          }${x.labels.firstAppointment ? `<br>${esc(r.appointment)}: ${esc(x.labels.firstAppointment)}` : ""}${
            x.labels.outcome ? `<br>${esc(r.outcome)}: ${esc(x.labels.outcome)}` : ""
          }`,
          `<span class="nowrap">${esc(x.labels.sentOn)}</span>`,
          x.labels.notes.map(lines).join("<br>") || "–",
        ]),
      )
    : none;

  const p = l.plan;
  const planGoals = d.planGoals.length
    ? table(
        [p.goal, p.domain, p.targetDate, l.status, l.recordedByHeader],
        d.planGoals.map((g) => [
          esc(g.labels.title),
          esc(g.labels.domain),
          dash(g.labels.targetDate),
          esc(g.labels.status),
          dash(g.labels.recordedBy),
        ]),
      )
    : none;
  const planMeasures = d.planMeasures.length
    ? table(
        [p.measure, p.goal, p.responsible, p.dueDate, l.status],
        d.planMeasures.map((m) => [
          esc(m.labels.title),
          esc(m.labels.goal),
          esc(m.labels.responsible),
          dash(m.labels.dueDate),
          esc(m.labels.status),
        ]),
      )
    : none;
  const caseConferences = d.caseConferences.length
    ? d.caseConferences
        .map(
          (c) =>
            `<div class="record"><h3>${esc(c.labels.heldOn)}</h3>${facts([
              { label: p.participants, value: c.labels.participants.join("\n") || "–" },
              { label: p.notes, value: c.labels.notes || "–" },
              { label: p.decisions, value: c.labels.decisions.join("\n") || "–" },
            ])}<p class="source">${esc(l.recordedBy)} ${dash(c.labels.recordedBy)}</p></div>`,
        )
        .join("")
    : none;

  const a = d.art15;
  const purposes = `<p>${esc(l.purposesIntro)}</p><ul>${a.purposes.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>${
    a.consentedPurposes.length
      ? `<p>${esc(l.purposesConsents)}</p><ul>${a.consentedPurposes.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>`
      : ""
  }`;

  const recipients = `<p>${esc(l.recipientsIntro)}</p><h3>${esc(l.recipientOrganisations)}</h3>${
    a.recipients.organisations.length
      ? table(
          [l.organisation, l.type],
          a.recipients.organisations.map((o) => [esc(o.name), esc(o.type)]),
        )
      : none
  }<h3>${esc(l.recipientCategories)}</h3>${
    a.recipients.categories.length ? `<p>${esc(a.recipients.categories.join(", "))}</p>` : none
  }`;

  const access = `<p>${esc(l.accessIntro)}</p>${
    d.access.length
      ? table(
          [l.date, l.organisation, l.what, l.categories, l.by, l.ground],
          d.access.map((g) => [
            `<span class="nowrap">${esc(g.date)}</span>`,
            `<strong>${esc(g.organisation)}</strong>`,
            `${esc(g.action)}, <span class="nowrap">${esc(l.times(g.count))}</span>`,
            esc(g.categories.join(", ") || "–"),
            esc(g.users.join(", ") || "–"),
            esc(g.grounds.join(", ") || "–"),
          ]),
          "access",
        )
      : none
  }`;

  const sources = `<p>${esc(l.sourcesIntro)}</p><ul>${a.sources
    .map((x) => `<li><strong>${esc(x.organisation)}</strong>: ${esc(x.data.join(", "))}</li>`)
    .join("")}</ul>`;

  const rights = `<dl class="rights">${a.rights.map((r) => `<dt>${esc(r.title)}</dt><dd>${esc(r.text)}</dd>`).join("")}</dl>`;

  const authority = a.supervisoryAuthority;
  const complaint = `<p>${esc(a.complaint)}</p><p>${esc(l.competent(authority.state))}</p><div class="contact competent"><p><strong>${esc(
    authority.name,
  )}</strong><br>${authority.address.map(esc).join("<br>")}<br>${esc(authority.website)}</p></div><h3>${esc(
    l.allAuthorities,
  )}</h3>${table(
    [l.state, l.authority, l.address],
    d.authorities.map((x) => [
      esc(x.state),
      esc(x.name),
      `${x.address.map(esc).join("<br>")}<br><span class="url">${esc(x.website.replace(/^https:\/\//, ""))}</span>`,
    ]),
    "authorities",
  )}`;

  const household = d.household ? `<p>${esc(d.household.name)} (${esc(d.household.relation)})</p>` : none;

  return `<!doctype html>
<html lang="${d.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(l.title)} – ${esc(d.subject.name)}</title>
<style>
@page{size:A4;margin:16mm 15mm 18mm}
*{box-sizing:border-box}
body{font:10.5pt/1.45 system-ui,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#111;max-width:58rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid #333}
h3{font-size:1.02rem;margin:1.2rem 0 .4rem}h4{font-size:.95rem;margin:0 0 .3rem}
p{margin:.4rem 0}ul{margin:.3rem 0;padding-inline-start:1.3rem}
.meta{color:#333;margin:.2rem 0 1rem}.draft{border:2px solid #8a5a00;background:#fff6e0;padding:.5rem .75rem;margin:1rem 0;font-weight:600}
table{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem}th,td{border:1px solid #bbb;padding:.3rem .45rem;text-align:start;vertical-align:top}
thead th{background:#eee}.facts th{width:34%;font-weight:600;background:#f6f6f6}
.record{border:1px solid #ccc;border-radius:4px;padding:.55rem .7rem .3rem;margin:.5rem 0}.record .facts{margin:.2rem 0 .3rem}
.source{color:#444;font-size:.92em}.none{color:#444;font-style:italic}.missing{color:#8a1c1c;font-style:italic}
.contacts{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.contact{border:1px solid #ccc;border-radius:4px;padding:.5rem .75rem}
.contact h3{margin-top:0}.competent{border-width:2px;border-color:#333;max-width:32rem}
.rights dt{font-weight:600;margin-top:.5rem}.rights dd{margin:0 0 .2rem}
.nowrap{white-space:nowrap}.url{overflow-wrap:anywhere}.authorities{font-size:.9em}.authorities td:first-child{width:22%}
@media (max-width:40rem){.contacts{grid-template-columns:1fr}}
@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}h2,h3,h4{break-after:avoid}tr,.record,.contact,.rights dd{break-inside:avoid}
thead{display:table-header-group}.draft{background:none}}
</style></head><body><main>
<h1>${esc(l.title)}</h1>
<p class="meta">${esc(l.about)} <strong>${esc(d.subject.name)}</strong>${d.subject.birthDate ? ` (${esc(l.field.birthDate)}: ${esc(d.subject.birthDate)})` : ""} · ${esc(l.generated)} ${esc(d.generatedAt)}</p>
<p class="draft" role="note">${esc(a.draft)}</p>
<p>${esc(l.intro)}</p>
${section("controller", s.controller, `<div class="contacts">${contact(l.controller, a.controller, "address")}${contact(l.dpo, a.dataProtectionOfficer, "contact")}</div>`)}
${section("identity", s.identity, facts(d.identity))}
${section("household", s.household, household)}
${section("records", s.records, records)}
${section("documents", s.documents, documents)}
${section("consents", s.consents, consents)}
${section("case-events", s.caseEvents, events)}
${section("referrals", s.referrals, referrals)}
${section("plan-goals", s.planGoals, planGoals)}
${section("plan-measures", s.planMeasures, planMeasures)}
${section("case-conferences", s.caseConferences, caseConferences)}
${section("purposes", s.purposes, purposes)}
${section("recipients", s.recipients, recipients)}
${section("access", s.access, access)}
${section("storage", s.storage, `<ul>${a.storagePeriod.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>`)}
${section("sources", s.sources, sources)}
${section("rights", s.rights, rights)}
${section("complaint", s.complaint, complaint)}
${section("automated", s.automated, `<p>${esc(a.automatedDecisionMaking)}</p>`)}
</main></body></html>`;
}
