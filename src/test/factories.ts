// Test data through the same commands the product uses. Every call makes unique e-mails and names.
import { randomUUID } from "node:crypto";
import { createTenantWithAdmin } from "../features/tenants/tenants.commands.js";
import { hashPassword } from "../platform/auth/passwords.js";
import type { Db } from "../platform/db/client.js";
import type { OrganisationType, Role } from "../platform/domain.js";
import { organisations, users } from "../platform/identity/identity.tables.js";
import { type Client, client, type TestApp } from "./test-app.js";

export const testPassword = "correct horse battery staple";
let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(testPassword));

export const uniqueEmail = (prefix = "user") => `${prefix}-${randomUUID().slice(0, 8)}@test.example`;

export async function createTenant(db: Db, name = `Tenant ${randomUUID().slice(0, 6)}`) {
  return createTenantWithAdmin(db, {
    tenantName: name,
    organisation: { name: `${name} Integration`, type: "integration_office" },
    admin: { email: uniqueEmail("admin"), name: "Tenant Admin", password: testPassword },
  });
}

export async function createOrganisation(
  db: Db,
  tenantId: string,
  type: OrganisationType = "jobcenter",
  name?: string,
) {
  const [row] = await db
    .insert(organisations)
    .values({ tenantId, type, name: name ?? `${type} ${randomUUID().slice(0, 6)}` })
    .returning();
  if (!row) throw new Error("organisation insert failed");
  return row;
}

export async function createUser(
  db: Db,
  tenantId: string,
  organisationId: string,
  role: Role,
  extra: { totpSecret?: string; email?: string } = {},
) {
  const [row] = await db
    .insert(users)
    .values({
      tenantId,
      organisationId,
      role,
      email: extra.email ?? uniqueEmail(role),
      name: `${role} ${randomUUID().slice(0, 4)}`,
      passwordHash: await passwordHash(),
      ...(extra.totpSecret ? { totpSecret: extra.totpSecret, totpEnabledAt: new Date() } : {}),
    })
    .returning();
  if (!row) throw new Error("user insert failed");
  return row;
}

/** Signs in through the API and returns a client holding the session. */
export async function login(app: TestApp, email: string, password = testPassword, totp?: string): Promise<Client> {
  const c = client(app);
  const res = await c.post("/api/v1/auth/login", { email, password, ...(totp ? { totp } : {}) });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  return c;
}

/** A tenant with an admin and one user of every role, each signed in. */
export async function tenantWithEveryRole(app: TestApp) {
  const db = app.database.db;
  const t = await createTenant(db);
  const partner = await createOrganisation(db, t.tenant.id, "jobcenter");
  const roles: Role[] = [
    "org_admin",
    "case_manager",
    "caseworker",
    "volunteer_coordinator",
    "volunteer",
    "steering",
    "dpo",
  ];
  const clients: Partial<Record<Role, Client>> = { tenant_admin: await login(app, t.admin.email) };
  const userRows: Partial<Record<Role, typeof users.$inferSelect>> = {};
  for (const role of roles) {
    const orgId = role === "org_admin" || role === "caseworker" ? partner.id : t.organisation.id;
    const u = await createUser(db, t.tenant.id, orgId, role);
    userRows[role] = u;
    clients[role] = await login(app, u.email);
  }
  return { ...t, partner, clients: clients as Record<Role, Client>, users: userRows };
}

const octet = () => Math.floor(Math.random() * 254) + 1;
/**
 * A client address of its own. Failed logins count per address, and on the shared PostgreSQL test
 * database the counters outlive a run: tests that fail logins must never do so from 127.0.0.1.
 */
export const randomAddress = () => `10.${octet()}.${octet()}.${octet()}`;

/** One login attempt, from a fresh address unless one is given; keeps no session. */
export function attemptLogin(
  app: TestApp,
  body: { email: string; password: string; totp?: string },
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
) {
  return app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: body,
    remoteAddress: options.remoteAddress ?? randomAddress(),
    ...(options.headers ? { headers: options.headers } : {}),
  });
}
