// Texts of the notifications page: one sentence per kind, from neutral parameters (service, organisation, dates).
import { defineStrings, useStrings } from "../../app/strings";

const de = {
  title: "Benachrichtigungen",
  intro:
    "Neuigkeiten zu Verweisungen Ihrer Organisation. Personenbezogene Daten sehen Sie erst auf der verlinkten Seite.",
  tabsLabel: "Benachrichtigungen filtern",
  unread: "Ungelesen",
  all: "Alle",
  markRead: "Als gelesen markieren",
  markAllRead: "Alle als gelesen markieren",
  allRead: "Alle Benachrichtigungen sind als gelesen markiert.",
  empty: "Keine Benachrichtigungen.",
  emptyUnread: "Keine ungelesenen Benachrichtigungen.",
  new: "Neu",
  open: "Öffnen",
  from: " von {{organisation}}",
  kind: {
    received: "Neue Verweisung: {{service}}{{from}}. Eingang bestätigen bis {{date}}.",
    accepted: "Ihre Verweisung „{{service}}“ wurde angenommen.",
    declined: "Ihre Verweisung „{{service}}“ wurde abgelehnt.",
    completed: "Ihre Verweisung „{{service}}“ wurde abgeschlossen – das Ergebnis liegt vor.",
    withdrawn: "Die Verweisung „{{service}}“ wurde zurückgezogen.",
    overdue: "Die Verweisung „{{service}}“ ist überfällig: {{deadline}} war bis {{date}} fällig.",
  },
  deadline: { acknowledge: "die Eingangsbestätigung", first_appointment: "das Erstgespräch" },
};

const en: typeof de = {
  title: "Notifications",
  intro: "News about your organisation's referrals. Personal data is shown only on the linked page.",
  tabsLabel: "Filter notifications",
  unread: "Unread",
  all: "All",
  markRead: "Mark as read",
  markAllRead: "Mark all as read",
  allRead: "All notifications are marked as read.",
  empty: "No notifications.",
  emptyUnread: "No unread notifications.",
  new: "New",
  open: "Open",
  from: " from {{organisation}}",
  kind: {
    received: "New referral: {{service}}{{from}}. Acknowledge by {{date}}.",
    accepted: "Your referral “{{service}}” was accepted.",
    declined: "Your referral “{{service}}” was declined.",
    completed: "Your referral “{{service}}” was completed – the outcome is recorded.",
    withdrawn: "The referral “{{service}}” was withdrawn.",
    overdue: "The referral “{{service}}” is overdue: {{deadline}} was due by {{date}}.",
  },
  deadline: { acknowledge: "the acknowledgement", first_appointment: "the first appointment" },
};

const ns = defineStrings("notifications", de, en);
export const useNotificationStrings = () => useStrings(ns);
