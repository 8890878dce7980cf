// The tenant's settings: its federal state (for the working-day calendar) and the referral
// deadlines that apply where no cooperation agreement sets them.
import Holidays from "date-holidays";
import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { tenants } from "../../platform/identity/identity.tables.js";
import { type FederalState, isFederalState } from "../../platform/reference/working-days.js";

export type TenantSettings = {
  federalState: FederalState;
  defaultAcknowledgeWithinDays: number;
  defaultFirstAppointmentWithinDays: number;
};

export const settingDefaults = {
  federalState: "NW",
  defaultAcknowledgeWithinDays: 5,
  defaultFirstAppointmentWithinDays: 15,
} as const satisfies TenantSettings;

const wholeDays = (v: unknown, fallback: number) =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : fallback;

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
  };
}

/** Stores the changed settings (federal state in its column, deadlines in the settings document). */
export async function updateTenantSettings(
  db: Db,
  tenantId: string,
  changes: Partial<TenantSettings>,
): Promise<TenantSettings> {
  const [row] = await db.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
  const { federalState, ...deadlines } = changes;
  const settings = { ...(row?.settings ?? {}), ...stripUndefined(deadlines) };
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
