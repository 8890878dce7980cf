// The tenant's settings: federal state (working-day calendar) and default referral deadlines.
import { queryOptions } from "@tanstack/react-query";
import { type BodyOf, client, type Schemas, unwrap } from "../../app/api-client";

export type TenantSettings = Schemas["TenantSettings"];
export type FederalState = TenantSettings["federalState"];
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
] as const satisfies FederalState[];
export type ContactDetails = TenantSettings["controller"];
export type Holidays = Schemas["PublicHolidays"];
export type SettingsUpdate = BodyOf<"/api/v1/settings", "patch">;

export const settingsQuery = queryOptions({
  queryKey: ["settings"],
  queryFn: () => unwrap(client.GET("/api/v1/settings")),
});

export const holidaysQuery = (year: number, locale: "de" | "en") =>
  queryOptions({
    queryKey: ["settings", "holidays", year, locale],
    queryFn: () => unwrap(client.GET("/api/v1/settings/holidays", { params: { query: { year, locale } } })),
  });

export const settingsApi = {
  update: (body: SettingsUpdate) => unwrap(client.PATCH("/api/v1/settings", { body })),
};
