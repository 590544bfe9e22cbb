CREATE TYPE "public"."influence_outcome" AS ENUM('pending', 'taken_into_account', 'partly', 'not_taken_into_account');--> statement-breakpoint
CREATE TABLE "statement_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"happened_on" date NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "statement_steps_description_not_blank" CHECK (btrim("statement_steps"."description") <> '')
);
--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "case_number" text;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "case_url" text;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "response_due_on" date;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "outcome" "influence_outcome" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "overdue_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "statement_steps" ADD CONSTRAINT "statement_steps_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statement_steps_statement_idx" ON "statement_steps" USING btree ("statement_id","position");--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_case_url_http" CHECK ("statements"."case_url" IS NULL OR "statements"."case_url" ~ '^https?://');--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_due_after_issue" CHECK ("statements"."response_due_on" IS NULL OR "statements"."issued_on" IS NULL OR "statements"."response_due_on" >= "statements"."issued_on");