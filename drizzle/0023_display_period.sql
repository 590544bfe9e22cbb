CREATE TYPE "public"."appeal_notice_choice" AS ENUM('default', 'notice', 'none');--> statement-breakpoint
CREATE TYPE "public"."personal_data_class" AS ENUM('none', 'personal', 'special', 'criminal');--> statement-breakpoint
CREATE TABLE "web_redactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"attachment_id" uuid,
	"personal_data_class" text NOT NULL,
	"display_ended_at" timestamp with time zone NOT NULL,
	"redacted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "display_notice_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "display_web_months" integer DEFAULT 24;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "appeal_notice_fi" text;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "appeal_notice_sv" text;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "appeal_notice_en" text;--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "appeal_default_none" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_item_attachments" ADD COLUMN "personal_data_class" "personal_data_class" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "personal_data_class" "personal_data_class" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "appeal_notice" "appeal_notice_choice" DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "web_redactions" ADD CONSTRAINT "web_redactions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "web_redactions" ADD CONSTRAINT "web_redactions_attachment_id_agenda_item_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."agenda_item_attachments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "web_redactions_item_unique" ON "web_redactions" USING btree ("agenda_item_id") WHERE "web_redactions"."attachment_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "web_redactions_attachment_unique" ON "web_redactions" USING btree ("attachment_id") WHERE "web_redactions"."attachment_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "web_redactions_item_idx" ON "web_redactions" USING btree ("agenda_item_id");--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_display_notice_range" CHECK ("councils"."display_notice_days" BETWEEN 0 AND 365);--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_display_web_months_range" CHECK ("councils"."display_web_months" IS NULL OR "councils"."display_web_months" BETWEEN 1 AND 1200);