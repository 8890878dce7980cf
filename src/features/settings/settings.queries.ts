// The tenant's settings: its federal state (for the working-day calendar) and the referral
// deadlines that apply where no cooperation agreement sets them.
import Holidays from "date-holidays";
import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { tenants } from "../../platform/identity/identity.tables.js";
import { type FederalState, isFederalState } from "../../platform/reference/working-days.js";

export type ContactDetails = { name: string; address: string; email: string; phone: string };

export type TenantSettings = {
  federalState: FederalState;
  defaultAcknowledgeWithinDays: number;
  defaultFirstAppointmentWithinDays: number;
  controller: ContactDetails;
  dataProtectionOfficer: ContactDetails;
};

const noContact: ContactDetails = { name: "", address: "", email: "", phone: "" };

export const settingDefaults = {
  federalState: "NW",
  defaultAcknowledgeWithinDays: 5,
  defaultFirstAppointmentWithinDays: 15,
  controller: noContact,
  dataProtectionOfficer: noContact,
} as const satisfies TenantSettings;

const wholeDays = (v: unknown, fallback: number) =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : fallback;

const contactDetails = (v: unknown): ContactDetails => {
  const o = v && typeof v === "object" ? (v as Record<string, unknown>) : {};
  const text = (k: keyof ContactDetails) => (typeof o[k] === "string" ? (o[k] as string) : "");
  return { name: text("name"), address: text("address"), email: text("email"), phone: text("phone") };
};

export async function getTenantSettings(db: Db, tenantId: string): Promise<TenantSettings> {
  const [row] = await db
    .select({ federalState: tenants.federalState, settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  const s = row?.settings ?? {};
  return {
    federalState: row && isFederalState(row.federalState) ? row.federalState : settingDefaults.federalState,
    defaultAcknowledgeWithinDays: wholeDays(
      s.defaultAcknowledgeWithinDays,
      settingDefaults.defaultAcknowledgeWithinDays,
    ),
    defaultFirstAppointmentWithinDays: wholeDays(
      s.defaultFirstAppointmentWithinDays,
      settingDefaults.defaultFirstAppointmentWithinDays,
    ),
    controller: contactDetails(s.controller),
    dataProtectionOfficer: contactDetails(s.dataProtectionOfficer),
  };
}

/** Stores the changed settings (federal state in its column, deadlines in the settings document). */
export async function updateTenantSettings(
  db: Db,
  tenantId: string,
  changes: Partial<Omit<TenantSettings, "controller" | "dataProtectionOfficer">> & {
    controller?: Partial<ContactDetails> | undefined;
    dataProtectionOfficer?: Partial<ContactDetails> | undefined;
  },
): Promise<TenantSettings> {
  const [row] = await db.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
  const { federalState, controller, dataProtectionOfficer, ...deadlines } = changes;
  const stored = row?.settings ?? {};
  // A contact changes field by field: the form may send only what it edits.
  const contact = (key: "controller" | "dataProtectionOfficer", change: Partial<ContactDetails> | undefined) =>
    change ? { [key]: { ...contactDetails(stored[key]), ...stripUndefined(change) } } : {};
  const settings = {
    ...stored,
    ...stripUndefined(deadlines),
    ...contact("controller", controller),
    ...contact("dataProtectionOfficer", dataProtectionOfficer),
  };
  await db
    .update(tenants)
    .set({ settings, ...(federalState ? { federalState } : {}) })
    .where(eq(tenants.id, tenantId));
  return getTenantSettings(db, tenantId);
}

const stripUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The statutory public holidays of a federal state in a year, with their names, in date order. */
export function holidaysWithNames(state: FederalState, year: number, language: "de" | "en") {
  const calendar = new Holidays("DE", state, { languages: [language] });
  return calendar
    .getHolidays(year, language)
    .filter((h) => h.type === "public")
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}
