CREATE TABLE "code_list_entries" (
	"list" text NOT NULL,
	"code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"label_de" text NOT NULL,
	"label_en" text NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "code_list_entries_list_code_version_pk" PRIMARY KEY("list","code","version")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"tenant_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_members_tenant_id_household_id_person_id_pk" PRIMARY KEY("tenant_id","household_id","person_id"),
	CONSTRAINT "household_members_relation_check" CHECK ("household_members"."relation" in ('head', 'spouse', 'child', 'parent', 'sibling', 'other'))
);
--> statement-breakpoint
CREATE TABLE "households" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_by_organisation_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"given_names" text NOT NULL,
	"family_name" text DEFAULT '' NOT NULL,
	"alternative_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"birth_date" text,
	"birth_place" text,
	"sex" text DEFAULT 'unknown' NOT NULL,
	"nationalities" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"address" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"arrived_in_germany_on" text,
	"arrived_in_municipality_on" text,
	"registered_by_organisation_id" uuid NOT NULL,
	"case_status" text DEFAULT 'intake' NOT NULL,
	"lead_organisation_id" uuid,
	"lead_case_manager_id" uuid,
	"case_opened_on" date,
	"case_closed_on" date,
	"closing_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "persons_case_status_check" CHECK ("persons"."case_status" in ('intake', 'active', 'paused', 'closed')),
	CONSTRAINT "persons_sex_check" CHECK ("persons"."sex" in ('female', 'male', 'diverse', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "records" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"data" jsonb NOT NULL,
	"valid_from" text,
	"valid_until" text,
	"owner_organisation_id" uuid NOT NULL,
	"protected" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_fk" FOREIGN KEY ("tenant_id","household_id") REFERENCES "public"."households"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_registered_by_fk" FOREIGN KEY ("tenant_id","registered_by_organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_person_idx" ON "documents" USING btree ("tenant_id","person_id","created_at");--> statement-breakpoint
CREATE INDEX "household_members_person_idx" ON "household_members" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "case_events_person_idx" ON "case_events" USING btree ("tenant_id","person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "persons_registered_by_idx" ON "persons" USING btree ("tenant_id","registered_by_organisation_id");--> statement-breakpoint
CREATE INDEX "persons_lead_idx" ON "persons" USING btree ("tenant_id","lead_organisation_id");--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("tenant_id","family_name","given_names","id");--> statement-breakpoint
CREATE INDEX "records_person_idx" ON "records" USING btree ("tenant_id","person_id","category","created_at");--> statement-breakpoint
CREATE INDEX "records_owner_idx" ON "records" USING btree ("tenant_id","owner_organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "records_kind_idx" ON "records" USING btree ("tenant_id","kind","valid_until") WHERE "records"."kind" = 'residence_status';