CREATE TABLE "notifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_conferences" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_conferences_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"title" text NOT NULL,
	"target_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_goals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plan_goals_status_check" CHECK ("plan_goals"."status" in ('open', 'in_progress', 'achieved', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "plan_measures" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"title" text NOT NULL,
	"responsible_organisation_id" uuid NOT NULL,
	"responsible_user_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"referral_id" uuid,
	"conference_id" uuid,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_measures_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "plan_measures_status_check" CHECK ("plan_measures"."status" in ('planned', 'in_progress', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"from_user_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"service" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"shared_categories" text[] NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"agreement_id" uuid,
	"acknowledge_by" date NOT NULL,
	"first_appointment_by" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"responded_by" uuid,
	"decline_reason" text,
	"response_note" text,
	"first_appointment_on" date,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"outcome" text,
	"outcome_note" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdraw_reason" text,
	"overdue_notified_at" timestamp with time zone,
	"goal_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "referrals_status_check" CHECK ("referrals"."status" in ('sent', 'accepted', 'declined', 'completed', 'withdrawn')),
	CONSTRAINT "referrals_distinct_check" CHECK ("referrals"."from_organisation_id" <> "referrals"."to_organisation_id")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "services" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "opening_hours" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contacts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conferences" ADD CONSTRAINT "case_conferences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conferences" ADD CONSTRAINT "case_conferences_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD CONSTRAINT "plan_measures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD CONSTRAINT "plan_measures_goal_fk" FOREIGN KEY ("tenant_id","goal_id") REFERENCES "public"."plan_goals"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_fk" FOREIGN KEY ("tenant_id","from_organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_fk" FOREIGN KEY ("tenant_id","to_organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "case_conferences_person_idx" ON "case_conferences" USING btree ("tenant_id","person_id","held_on");--> statement-breakpoint
CREATE INDEX "plan_goals_person_idx" ON "plan_goals" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "plan_measures_goal_idx" ON "plan_measures" USING btree ("tenant_id","goal_id");--> statement-breakpoint
CREATE INDEX "plan_measures_referral_idx" ON "plan_measures" USING btree ("tenant_id","referral_id");--> statement-breakpoint
CREATE INDEX "referrals_to_idx" ON "referrals" USING btree ("tenant_id","to_organisation_id","status","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_from_idx" ON "referrals" USING btree ("tenant_id","from_organisation_id","status","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "referrals" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "organisations_services_idx" ON "organisations" USING gin ("services");
--> statement-breakpoint
-- The services organisations offer and agreements and referrals name: a code list held as data.
INSERT INTO code_list_entries (list, code, version, valid_from, valid_until, label_de, label_en, attributes, sort_order) VALUES
('service', 'integration_course', 1, '2000-01-01', NULL, 'Integrationskurs', 'Integration course', '{}'::jsonb, 0),
('service', 'professional_language_course', 1, '2000-01-01', NULL, 'Berufssprachkurs', 'Job-related language course', '{}'::jsonb, 1),
('service', 'job_placement', 1, '2000-01-01', NULL, 'Arbeitsvermittlung und Beratung', 'Job placement and advice', '{}'::jsonb, 2),
('service', 'basic_income_support', 1, '2000-01-01', NULL, 'Grundsicherung (SGB II, Bürgergeld)', 'Basic income support (SGB II)', '{}'::jsonb, 3),
('service', 'asylum_benefits', 1, '2000-01-01', NULL, 'Leistungen nach dem AsylbLG', 'Asylum seekers'' benefits (AsylbLG)', '{}'::jsonb, 4),
('service', 'residence_matters', 1, '2000-01-01', NULL, 'Aufenthaltsrechtliche Angelegenheiten', 'Residence matters', '{}'::jsonb, 5),
('service', 'migration_counselling', 1, '2000-01-01', NULL, 'Migrationsberatung für Erwachsene', 'Migration counselling for adults', '{}'::jsonb, 6),
('service', 'youth_migration_service', 1, '2000-01-01', NULL, 'Jugendmigrationsdienst', 'Youth migration service', '{}'::jsonb, 7),
('service', 'childcare_place', 1, '2000-01-01', NULL, 'Kita-Platz', 'Childcare place', '{}'::jsonb, 8),
('service', 'school_placement', 1, '2000-01-01', NULL, 'Schulplatz und Seiteneinstieg', 'School placement', '{}'::jsonb, 9),
('service', 'youth_welfare', 1, '2000-01-01', NULL, 'Kinder- und Jugendhilfe', 'Child and youth welfare', '{}'::jsonb, 10),
('service', 'recognition_advice', 1, '2000-01-01', NULL, 'Anerkennungsberatung', 'Recognition of foreign qualifications', '{}'::jsonb, 11),
('service', 'housing_support', 1, '2000-01-01', NULL, 'Unterstützung bei der Wohnungssuche', 'Housing support', '{}'::jsonb, 12),
('service', 'health_advice', 1, '2000-01-01', NULL, 'Gesundheitsberatung und Impfungen', 'Health advice and vaccinations', '{}'::jsonb, 13),
('service', 'psychosocial_support', 1, '2000-01-01', NULL, 'Psychosoziale Beratung', 'Psychosocial support', '{}'::jsonb, 14),
('service', 'debt_counselling', 1, '2000-01-01', NULL, 'Schuldnerberatung', 'Debt counselling', '{}'::jsonb, 15),
('service', 'social_counselling', 1, '2000-01-01', NULL, 'Allgemeine Sozialberatung', 'General social counselling', '{}'::jsonb, 16),
('service', 'volunteer_mentoring', 1, '2000-01-01', NULL, 'Patenschaft und Begleitung (Ehrenamt)', 'Volunteer mentoring and accompaniment', '{}'::jsonb, 17),
('service', 'interpreting', 1, '2000-01-01', NULL, 'Sprachmittlung', 'Interpreting', '{}'::jsonb, 18),
('service', 'case_management', 1, '2000-01-01', NULL, 'Fallmanagement (Integration)', 'Integration case management', '{}'::jsonb, 19);
