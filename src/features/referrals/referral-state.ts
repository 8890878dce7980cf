// The referral state machine (ARCHITECTURE.md "Referrals and deadlines"): who may move a referral from which state.
//   sent → accepted | declined(reason)      by the receiving organisation
//   accepted → completed(outcome)           by the receiving organisation
//   sent | accepted → withdrawn             by the sending organisation
import type { ReferralStatus } from "./referrals.tables.js";

export const referralActions = ["accept", "decline", "complete", "withdraw"] as const;
export type ReferralAction = (typeof referralActions)[number];

export const transitions: Record<
  ReferralAction,
  { from: readonly ReferralStatus[]; to: ReferralStatus; by: "receiver" | "sender" }
> = {
  accept: { from: ["sent"], to: "accepted", by: "receiver" },
  decline: { from: ["sent"], to: "declined", by: "receiver" },
  complete: { from: ["accepted"], to: "completed", by: "receiver" },
  withdraw: { from: ["sent", "accepted"], to: "withdrawn", by: "sender" },
};

export const declineReasons = [
  "no_capacity",
  "not_responsible",
  "not_eligible",
  "person_unreachable",
  "other",
] as const;
export const outcomes = ["service_provided", "partially_provided", "not_taken_up", "referred_on", "other"] as const;

export type Party = { isSender: boolean; isReceiver: boolean };

/** May this party take this action in this state? (Used for the abilities the API presents, too.) */
export function allowed(action: ReferralAction, status: ReferralStatus, party: Party): boolean {
  const t = transitions[action];
  if (!t.from.includes(status)) return false;
  return t.by === "receiver" ? party.isReceiver : party.isSender;
}

export type Overdue = "acknowledge" | "first_appointment" | null;

/**
 * Which deadline a referral has missed, if any, on a given day. The first-appointment deadline is
 * missed once it has passed without an appointment on or before it (its date in Europe/Berlin):
 * an appointment booked for a later day does not meet it.
 */
export function overdueKind(
  r: { status: ReferralStatus; acknowledgeBy: string; firstAppointmentBy: string; firstAppointmentOn: string | null },
  on: string,
): Overdue {
  if (r.status === "sent" && r.acknowledgeBy < on) return "acknowledge";
  if (
    r.status === "accepted" &&
    r.firstAppointmentBy < on &&
    (r.firstAppointmentOn === null || r.firstAppointmentOn > r.firstAppointmentBy)
  )
    return "first_appointment";
  return null;
}
