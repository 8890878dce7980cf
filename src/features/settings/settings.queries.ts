// The tenant's settings: its federal state (for the working-day calendar) and the referral
// deadlines that apply where no cooperation agreement sets them.
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
