// The identity model every feature builds on: tenants, their organisations and users.
// Admin routes for them live in src/features/{organisations,users}; the tables live here
// because sessions and the access rule need them too.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { type OrganisationType, organisationTypes, type Role, roles } from "../domain.js";

const citext = customType<{ data: string }>({ dataType: () => "citext" });
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** A named contact person of an organisation in the directory (a staff role, not a client). */
export type OrganisationContact = { name: string; role?: string | null; email?: string | null; phone?: string | null };

export const tenants = pgTable("tenants", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** Federal state code (ISO 3166-2 suffix, e.g. NW) for the working-day calendar. */
  federalState: text("federal_state").notNull().default("NW"),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const organisations = pgTable(
  "organisations",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    type: text("type").$type<OrganisationType>().notNull(),
    email: text("email"),
    phone: text("phone"),
    address: text("address"),
    // Directory entry (who offers what, in which languages, when): readable by every user of the tenant.
    services: text("services").array().notNull().default(sql`'{}'::text[]`),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    openingHours: text("opening_hours"),
    website: text("website"),
    description: text("description"),
    contacts: jsonb("contacts").$type<OrganisationContact[]>().notNull().default([]),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("organisations_tenant_name_idx").on(t.tenantId, t.name),
    index("organisations_services_idx").using("gin", t.services),
    check("organisations_type_check", sql`${t.type} in (${inList(organisationTypes)})`),
  ],
);

export const users = pgTable(
  "users",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    // Unique across the deployment: the login form asks for an e-mail, not a tenant.
    email: citext("email").notNull(),
    name: text("name").notNull(),
    role: text("role").$type<Role>().notNull(),
    passwordHash: text("password_hash").notNull(),
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last accepted TOTP time step (RFC 6238): a code is accepted only once. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    locale: text("locale").$type<"de" | "en">().notNull().default("de"),
    active: boolean("active").notNull().default(true),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("users_email_idx").on(t.email),
    index("users_tenant_org_idx").on(t.tenantId, t.organisationId),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
      name: "users_organisation_fk",
    }),
    check("users_role_check", sql`${t.role} in (${inList(roles)})`),
    check("users_locale_check", sql`${t.locale} in ('de', 'en')`),
  ],
);
