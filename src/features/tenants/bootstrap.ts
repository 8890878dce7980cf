// What start-up does to an empty database: the first tenant admin from the environment and,
// in demo mode, Musterstadt.
import type { Config } from "../../platform/config.js";
import type { Db } from "../../platform/db/client.js";
import { demoAccounts, demoPassword, systemSeedDemo } from "../demo/demo-seed.js";
import { countTenants, createTenantWithAdmin } from "./tenants.commands.js";

export type BootstrapReport = { createdAdmin?: string; seededDemo: boolean };

export async function bootstrap(db: Db, config: Config): Promise<BootstrapReport> {
  const report: BootstrapReport = { seededDemo: false };
  const empty = (await countTenants(db)) === 0;
  if (!empty) return report;
  if (config.demo) {
    await systemSeedDemo(db);
    report.seededDemo = true;
  }
  if (config.adminEmail && config.adminPassword) {
    await createTenantWithAdmin(db, {
      tenantName: config.tenantName,
      organisation: { name: `${config.tenantName} – Integration`, type: "integration_office" },
      admin: { email: config.adminEmail, name: "Administrator", password: config.adminPassword },
    });
    report.createdAdmin = config.adminEmail;
  }
  return report;
}

export function demoAccountsText(): string {
  const width = Math.max(...demoAccounts.map((a) => a.email.length));
  return [
    `Demo accounts (password for all: ${demoPassword}):`,
    ...demoAccounts.map((a) => `  ${a.email.padEnd(width)}  ${a.role.padEnd(21)} ${a.name}`),
  ].join("\n");
}
