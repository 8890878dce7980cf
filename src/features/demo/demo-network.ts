// The cooperation network of Musterstadt for the demo: agreements between the integration centre
// and its partners, consents to case management, referrals in every state over the last months
// (some answered late, some overdue), integration plans with goals and measures, and the
// notifications that go with them. Deterministic for the demo.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { Category } from "../../platform/domain-categories.js";
import { organisations, users } from "../../platform/identity/identity.tables.js";
import { addWorkingDays } from "../../platform/reference/working-days.js";
import { agreements } from "../agreements/agreements.tables.js";
import { consents } from "../consents/consents.tables.js";
import { notifications } from "../notifications/notifications.tables.js";
import { persons } from "../persons/persons.tables.js";
import { planGoals, planMeasures } from "../plans/plans.tables.js";
import { referrals } from "../referrals/referrals.tables.js";
import { rng } from "./person-generator.js";

type Partner = {
  type: string;
  services: string[];
  ack: number;
  appt: number;
  shares: Category[];
  goal: Category;
  title: string;
};

const partners: Partner[] = [
  {
    type: "jobcenter",
    services: ["job_placement", "basic_income_support"],
    ack: 3,
    appt: 10,
    shares: ["work", "benefits"],
    goal: "work",
    title: "Arbeitsaufnahme oder Ausbildung",
  },
  {
    type: "employment_agency",
    services: ["job_placement", "recognition_advice"],
    ack: 5,
    appt: 15,
    shares: ["work", "education"],
    goal: "work",
    title: "Anerkennung des Berufsabschlusses",
  },
  {
    type: "language_school",
    services: ["integration_course", "professional_language_course"],
    ack: 3,
    appt: 15,
    shares: ["education"],
    goal: "education",
    title: "Deutsch auf B1-Niveau",
  },
  {
    type: "migration_counselling",
    services: ["migration_counselling", "social_counselling"],
    ack: 2,
    appt: 5,
    shares: ["residence", "family"],
    goal: "residence",
    title: "Aufenthalt verfestigen",
  },
  {
    type: "kita",
    services: ["childcare_place"],
    ack: 5,
    appt: 20,
    shares: ["childcare"],
    goal: "childcare",
    title: "Kita-Platz für das jüngste Kind",
  },
];

const outcomes = [
  "service_provided",
  "service_provided",
  "service_provided",
  "partially_provided",
  "not_taken_up",
] as const;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** The instant of a wall-clock time in Germany on a day. */
function berlinTime(day: string, time: string): Date {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const guess = new Date(`${day}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`);
  const offsetHours =
    Number(
      new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", hourCycle: "h23" }).format(guess),
    ) - guess.getUTCHours();
  return new Date(guess.getTime() - offsetHours * 3_600_000);
}
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

export async function systemSeedNetwork(db: Db, tenantId: string): Promise<{ referrals: number; goals: number }> {
  const r = rng(7);
  const orgs = await db.select().from(organisations).where(eq(organisations.tenantId, tenantId));
  const ki = orgs.find((o) => o.type === "integration_office");
  if (!ki) return { referrals: 0, goals: 0 };
  const staff = await db.select().from(users).where(eq(users.tenantId, tenantId));
  const cm = staff.find((u) => u.organisationId === ki.id && u.role === "case_manager");
  const admin = staff.find((u) => u.role === "tenant_admin");
  if (!cm || !admin) return { referrals: 0, goals: 0 };
  const led = await db
    .select({ id: persons.id, opened: persons.caseOpenedOn, birthDate: persons.birthDate })
    .from(persons)
    .where(
      and(
        eq(persons.tenantId, tenantId),
        eq(persons.leadOrganisationId, ki.id),
        isNotNull(persons.caseOpenedOn),
        sql`${persons.caseStatus} in ('active', 'paused')`,
      ),
    )
    .orderBy(persons.familyName, persons.id);
  return db.transaction(async (tx) => {
    const partnerOrgs = partners
      .map((p) => ({ ...p, org: orgs.find((o) => o.type === p.type) }))
      .filter((p): p is Partner & { org: (typeof orgs)[number] } => p.org !== undefined);
    const agreementRows = await tx
      .insert(agreements)
      .values(
        partnerOrgs.map((p) => ({
          tenantId,
          leadOrganisationId: ki.id,
          partnerOrganisationId: p.org.id,
          services: p.services,
          acknowledgeWithinDays: p.ack,
          firstAppointmentWithinDays: p.appt,
          validFrom: "2024-01-01",
          createdBy: admin.id,
        })),
      )
      .returning();
    // Most persons in active case management consented to it, for the categories partners need.
    const consenting = led.filter(() => r.chance(0.8));
    if (consenting.length > 0) {
      await tx.insert(consents).values(
        consenting.map((p) => ({
          tenantId,
          personId: p.id,
          caseManagement: true,
          categories: [
            "identity",
            "residence",
            "benefits",
            "childcare",
            "school",
            "education",
            "work",
            "housing",
            "family",
            "notes",
          ] as Category[],
          purpose: "Integrationsfallmanagement und Vermittlung im Netzwerk",
          validFrom: p.opened ?? "2024-01-01",
          method: "signed_form" as const,
          language: "de",
          formVersion: "2026-11-1",
          recordedByOrganisationId: ki.id,
          recordedBy: cm.id,
        })),
      );
    }
    let referralCount = 0;
    let goalCount = 0;
    // Adults go to the Jobcenter, the agency, language courses and counselling; small children to the Kita.
    const year = new Date().getFullYear();
    const ageOf = (birthDate: string | null) => (birthDate ? year - Number(birthDate.slice(0, 4)) : 30);
    const adults = consenting.filter((c) => ageOf(c.birthDate) >= 18);
    const toddlers = consenting.filter((c) => ageOf(c.birthDate) <= 5);
    const plan = [
      ...adults.slice(0, 48).map((person, i) => ({ person, p: partnerOrgs.filter((x) => x.type !== "kita")[i % 4] })),
      ...toddlers.slice(0, 12).map((person) => ({ person, p: partnerOrgs.find((x) => x.type === "kita") })),
    ];
    for (const [i, { person, p }] of plan.entries()) {
      if (!p) continue;
      const agreement = agreementRows.find((a) => a.partnerOrganisationId === p.org.id);
      const [goal] = await tx
        .insert(planGoals)
        .values({
          tenantId,
          personId: person.id,
          domain: p.goal,
          title: p.title,
          targetDate: isoDay(daysAgo(-r.int(60, 300))),
          status: "in_progress",
          ownerOrganisationId: ki.id,
          createdBy: cm.id,
        })
        .returning();
      goalCount++;
      // Sent 1 to 120 days ago; the older ones are settled, the recent ones still running.
      const age = r.int(1, 120);
      const sent = daysAgo(age);
      const sentOn = isoDay(sent);
      const acknowledgeBy = addWorkingDays(sentOn, p.ack, "NW");
      const firstAppointmentBy = addWorkingDays(sentOn, p.appt, "NW");
      const late = r.chance(0.2);
      const responded = new Date(
        `${late ? addWorkingDays(acknowledgeBy, r.int(1, 4), "NW") : addWorkingDays(sentOn, r.int(0, p.ack), "NW")}T10:00:00Z`,
      );
      const answered = responded.getTime() < Date.now() && (age > 6 || r.chance(0.5));
      const status = !answered ? "sent" : r.chance(0.1) ? "declined" : age > 40 ? "completed" : "accepted";
      const service = p.services[i % p.services.length] as string;
      // The consent to case management covers the centre's own work only: each referral rests on a
      // release naming its receiver (Schweigepflichtentbindung) for what the referral shares.
      await tx.insert(consents).values({
        tenantId,
        personId: person.id,
        recipientOrganisationIds: [p.org.id],
        categories: ["identity", ...p.shares],
        purpose: `Vermittlung an ${p.org.name}`,
        validFrom: sentOn,
        method: "signed_form" as const,
        language: "de",
        formVersion: "2026-11-1",
        recordedByOrganisationId: ki.id,
        recordedBy: cm.id,
      });
      const appointmentOn =
        status === "accepted" || status === "completed" ? addWorkingDays(isoDay(responded), r.int(2, 8), "NW") : null;
      const [ref] = await tx
        .insert(referrals)
        .values({
          tenantId,
          personId: person.id,
          fromOrganisationId: ki.id,
          fromUserId: cm.id,
          toOrganisationId: p.org.id,
          service,
          message: "Bitte um Kontaktaufnahme und Beratung; Dolmetschbedarf siehe Fallakte.",
          sharedCategories: p.shares,
          status,
          agreementId: agreement?.id ?? null,
          acknowledgeBy,
          firstAppointmentBy,
          sentAt: sent,
          respondedAt: answered ? responded : null,
          declineReason: status === "declined" ? "no_capacity" : null,
          firstAppointmentOn: appointmentOn,
          // In office hours, from the index rather than the generator: the rest of the demo stays as it was.
          firstAppointmentAt: appointmentOn
            ? berlinTime(appointmentOn, `${8 + (i % 8)}:${i % 2 === 0 ? "00" : "30"}`)
            : null,
          completedAt: status === "completed" ? daysAgo(r.int(1, Math.max(1, age - 30))) : null,
          outcome: status === "completed" ? r.pick(outcomes) : null,
          goalId: goal?.id ?? null,
        })
        .returning();
      referralCount++;
      if (goal && ref) {
        await tx.insert(planMeasures).values({
          tenantId,
          personId: person.id,
          goalId: goal.id,
          title: service === "integration_course" ? "Anmeldung Integrationskurs" : `Verweisung: ${p.org.name}`,
          responsibleOrganisationId: p.org.id,
          dueDate: firstAppointmentBy,
          status:
            status === "completed"
              ? "done"
              : status === "accepted"
                ? "in_progress"
                : status === "declined"
                  ? "cancelled"
                  : "planned",
          referralId: ref.id,
          ownerOrganisationId: ki.id,
          createdBy: cm.id,
        });
        if (status === "sent") {
          const receivers = staff.filter(
            (u) => u.organisationId === p.org.id && ["case_manager", "caseworker", "org_admin"].includes(u.role),
          );
          if (receivers.length > 0) {
            await tx.insert(notifications).values(
              receivers.map((u) => ({
                tenantId,
                userId: u.id,
                kind: "referral.received" as const,
                subjectType: "referral",
                subjectId: ref.id,
                params: { service, fromOrganisation: ki.id, acknowledgeBy },
                createdAt: sent,
              })),
            );
          }
        }
      }
    }
    return { referrals: referralCount, goals: goalCount };
  });
}
