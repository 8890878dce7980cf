CREATE TABLE "agreements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"lead_organisation_id" uuid NOT NULL,
	"partner_organisation_id" uuid NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"acknowledge_within_days" integer NOT NULL,
	"first_appointment_within_days" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "agreements_days_check" CHECK ("agreements"."acknowledge_within_days" between 0 and 60 and "agreements"."first_appointment_within_days" between 0 and 120),
	CONSTRAINT "agreements_distinct_check" CHECK ("agreements"."lead_organisation_id" <> "agreements"."partner_organisation_id"),
	CONSTRAINT "agreements_validity_check" CHECK ("agreements"."valid_until" is null or "agreements"."valid_until" >= "agreements"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"recipient_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"all_partners" boolean DEFAULT false NOT NULL,
	"case_management" boolean DEFAULT false NOT NULL,
	"categories" text[] NOT NULL,
	"purpose" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"method" text NOT NULL,
	"language" text DEFAULT 'de' NOT NULL,
	"form_version" text,
	"proof_document_id" uuid,
	"recorded_by_organisation_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revocation_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "consents_method_check" CHECK ("consents"."method" in ('signed_form', 'verbal_witnessed', 'digital')),
	CONSTRAINT "consents_validity_check" CHECK ("consents"."valid_until" is null or "consents"."valid_until" >= "consents"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "legal_bases" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"categories" text[] NOT NULL,
	"citation" text NOT NULL,
	"description" text,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"revoked_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_bases_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "legal_bases_validity_check" CHECK ("legal_bases"."valid_until" is null or "legal_bases"."valid_until" >= "legal_bases"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "protected" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_lead_fk" FOREIGN KEY ("tenant_id","lead_organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_partner_fk" FOREIGN KEY ("tenant_id","partner_organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_person_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."persons"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_bases" ADD CONSTRAINT "legal_bases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_bases" ADD CONSTRAINT "legal_bases_organisation_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreements_partner_idx" ON "agreements" USING btree ("tenant_id","partner_organisation_id","lead_organisation_id");--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "consents" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "consents_recipients_idx" ON "consents" USING gin ("recipient_organisation_ids");--> statement-breakpoint
CREATE INDEX "legal_bases_org_idx" ON "legal_bases" USING btree ("tenant_id","organisation_id");