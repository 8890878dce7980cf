ALTER TABLE "notifications" ADD COLUMN "target" text DEFAULT 'subject' NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "first_appointment_at" timestamp with time zone;--> statement-breakpoint
-- Notifications from before the link was decided per recipient: those about a referral whose
-- recipient may not open it lead to the deadline figures (admins, steering) or nowhere.
UPDATE "notifications" n SET "target" = CASE WHEN u."role" IN ('steering', 'tenant_admin', 'org_admin') THEN 'referral_sla' ELSE 'none' END
FROM "users" u, "referrals" r
WHERE n."subject_type" = 'referral' AND u."tenant_id" = n."tenant_id" AND u."id" = n."user_id"
  AND r."tenant_id" = n."tenant_id" AND r."id" = n."subject_id"
  AND NOT (u."role" IN ('case_manager', 'caseworker', 'org_admin') AND u."organisation_id" IN (r."from_organisation_id", r."to_organisation_id"));
