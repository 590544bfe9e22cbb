CREATE TYPE "public"."accessibility_cost_type" AS ENUM('taxi', 'assistant', 'other');--> statement-breakpoint
CREATE TYPE "public"."fee_rule_kind" AS ENUM('none', 'per_meeting');--> statement-breakpoint
CREATE TYPE "public"."travel_claim_status" AS ENUM('draft', 'submitted', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "council_fee_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" "fee_rule_kind" NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"meeting_fee_cents" integer DEFAULT 0 NOT NULL,
	"chair_supplement_cents" integer DEFAULT 0 NOT NULL,
	"secretary_supplement_cents" integer DEFAULT 0 NOT NULL,
	"pay_secretary" boolean DEFAULT true NOT NULL,
	"long_meeting_after_minutes" integer,
	"long_meeting_supplement_cents" integer DEFAULT 0 NOT NULL,
	"km_rate_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "council_fee_rules_council_from_unique" UNIQUE("council_id","valid_from"),
	CONSTRAINT "council_fee_rules_period" CHECK ("council_fee_rules"."valid_to" IS NULL OR "council_fee_rules"."valid_to" >= "council_fee_rules"."valid_from"),
	CONSTRAINT "council_fee_rules_amounts_range" CHECK ("council_fee_rules"."meeting_fee_cents" BETWEEN 0 AND 1000000
        AND "council_fee_rules"."chair_supplement_cents" BETWEEN 0 AND 1000000
        AND "council_fee_rules"."secretary_supplement_cents" BETWEEN 0 AND 1000000
        AND "council_fee_rules"."long_meeting_supplement_cents" BETWEEN 0 AND 1000000
        AND "council_fee_rules"."km_rate_cents" BETWEEN 0 AND 1000),
	CONSTRAINT "council_fee_rules_long_after_range" CHECK ("council_fee_rules"."long_meeting_after_minutes" IS NULL OR "council_fee_rules"."long_meeting_after_minutes" BETWEEN 30 AND 1440),
	CONSTRAINT "council_fee_rules_none_is_zero" CHECK ("council_fee_rules"."kind" <> 'none' OR ("council_fee_rules"."meeting_fee_cents" = 0 AND "council_fee_rules"."chair_supplement_cents" = 0 AND "council_fee_rules"."secretary_supplement_cents" = 0
        AND "council_fee_rules"."long_meeting_supplement_cents" = 0 AND "council_fee_rules"."km_rate_cents" = 0 AND "council_fee_rules"."long_meeting_after_minutes" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "travel_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"travel_date" date NOT NULL,
	"km" integer DEFAULT 0 NOT NULL,
	"ticket_cents" integer DEFAULT 0 NOT NULL,
	"accessibility_cents" integer DEFAULT 0 NOT NULL,
	"accessibility_type" "accessibility_cost_type",
	"note" text,
	"status" "travel_claim_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "travel_claims_meeting_person_unique" UNIQUE("meeting_id","person_id"),
	CONSTRAINT "travel_claims_km_range" CHECK ("travel_claims"."km" BETWEEN 0 AND 3000),
	CONSTRAINT "travel_claims_amounts_range" CHECK ("travel_claims"."ticket_cents" BETWEEN 0 AND 1000000 AND "travel_claims"."accessibility_cents" BETWEEN 0 AND 1000000),
	CONSTRAINT "travel_claims_accessibility_type" CHECK ("travel_claims"."accessibility_cents" = 0 OR "travel_claims"."accessibility_type" IS NOT NULL),
	CONSTRAINT "travel_claims_decided" CHECK (("travel_claims"."status" IN ('approved','rejected')) = ("travel_claims"."decided_at" IS NOT NULL)),
	CONSTRAINT "travel_claims_reject_reason" CHECK (("travel_claims"."status" = 'rejected') = ("travel_claims"."reject_reason" IS NOT NULL AND btrim("travel_claims"."reject_reason") <> ''))
);
--> statement-breakpoint
ALTER TABLE "council_fee_rules" ADD CONSTRAINT "council_fee_rules_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_claims" ADD CONSTRAINT "travel_claims_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_claims" ADD CONSTRAINT "travel_claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_claims" ADD CONSTRAINT "travel_claims_meeting_same_council_fk" FOREIGN KEY ("meeting_id","council_id") REFERENCES "public"."meetings"("id","council_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_fee_rules_council_idx" ON "council_fee_rules" USING btree ("council_id","valid_from");--> statement-breakpoint
CREATE INDEX "travel_claims_council_idx" ON "travel_claims" USING btree ("council_id","meeting_id");--> statement-breakpoint
CREATE INDEX "travel_claims_person_idx" ON "travel_claims" USING btree ("person_id");