// Creating a tenant with its first organisation and tenant admin (first start, demo, tests).
import { sql } from "drizzle-orm";
import { audit } from "../../platform/audit/audit.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { type Db, queryRows } from "../../platform/db/client.js";
import type { OrganisationType } from "../../platform/domain.js";
import { organisations, tenants, users } from "../../platform/identity/identity.tables.js";

export async function countTenants(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from tenants`);
  return Number(rows[0]?.n ?? 0);
}

/** The oldest tenant (the demo or the first one created). */
export async function firstTenantId(db: Db): Promise<string> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from tenants order by created_at, id limit 1`);
  const id = rows[0]?.id;
  if (!id) throw new Error("no tenant");
  return id;
}

export async function createTenantWithAdmin(
  db: Db,
  input: {
    tenantName: string;
    organisation: { name: string; type: OrganisationType };
    admin: { email: string; name: string; password: string };
  },
) {
  const passwordHash = await hashPassword(input.admin.password);
  return db.transaction(async (tx) => {
    const [tenant] = await tx.insert(tenants).values({ name: input.tenantName }).returning();
    if (!tenant) throw new Error("tenant insert failed");
    const [org] = await tx
      .insert(organisations)
      .values({ tenantId: tenant.id, ...input.organisation })
      .returning();
    if (!org) throw new Error("organisation insert failed");
    const [admin] = await tx
      .insert(users)
      .values({
        tenantId: tenant.id,
        organisationId: org.id,
        email: input.admin.email,
        name: input.admin.name,
        role: "tenant_admin",
        passwordHash,
      })
      .returning();
    if (!admin) throw new Error("user insert failed");
    await audit(
      tx,
      { tenantId: tenant.id, requestId: "system" },
      {
        action: "tenant.created",
        subjectType: "tenant",
        subjectId: tenant.id,
        details: { after: { name: tenant.name, organisationId: org.id, adminUserId: admin.id } },
      },
    );
    return { tenant, organisation: org, admin };
  });
}
