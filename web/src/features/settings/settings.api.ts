// The tenant's settings: federal state (working-day calendar) and default referral deadlines.
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../app/api-client";

export const federalStates = [
  "BW",
  "BY",
  "BE",
  "BB",
  "HB",
  "HH",
  "HE",
  "MV",
  "NI",
  "NW",
  "RP",
  "SL",
  "SN",
  "ST",
  "SH",
  "TH",
] as const;
export type FederalState = (typeof federalStates)[number];

export type ContactDetails = { name: string; address: string; email: string; phone: string };

export type TenantSettings = {
  federalState: FederalState;
  defaultAcknowledgeWithinDays: number;
  defaultFirstAppointmentWithinDays: number;
  controller: ContactDetails;
  dataProtectionOfficer: ContactDetails;
};

export type Holidays = { federalState: FederalState; year: number; items: { date: string; name: string }[] };

export const settingsQuery = queryOptions({
  queryKey: ["settings"],
  queryFn: () => api.get<TenantSettings>("/settings"),
});

export const holidaysQuery = (year: number, locale: "de" | "en") =>
  queryOptions({
    queryKey: ["settings", "holidays", year, locale],
    queryFn: () => api.get<Holidays>("/settings/holidays", { year, locale }),
  });

export const settingsApi = {
  update: (body: Partial<TenantSettings>) => api.patch<TenantSettings>("/settings", body),
};
