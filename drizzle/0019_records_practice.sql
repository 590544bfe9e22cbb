CREATE TYPE "public"."conflict_status" AS ENUM('declared', 'confirmed', 'rejected');--> statement-breakpoint
CREATE TABLE "conflict_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reason" text,
	"declared_by" uuid,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "conflict_status" DEFAULT 'declared' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "conflict_declarations_item_person_unique" UNIQUE("agenda_item_id","person_id"),
	CONSTRAINT "conflict_declarations_reason_length" CHECK ("conflict_declarations"."reason" IS NULL OR char_length("conflict_declarations"."reason") <= 2000),
	CONSTRAINT "conflict_declarations_note_length" CHECK ("conflict_declarations"."decision_note" IS NULL OR char_length("conflict_declarations"."decision_note") <= 2000),
	CONSTRAINT "conflict_declarations_decided" CHECK (("conflict_declarations"."status" = 'declared') = ("conflict_declarations"."decided_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "extract_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extract_recipients_item_email_unique" UNIQUE("agenda_item_id","email"),
	CONSTRAINT "extract_recipients_name_not_blank" CHECK (btrim("extract_recipients"."name") <> '' AND char_length("extract_recipients"."name") <= 200),
	CONSTRAINT "extract_recipients_email_format" CHECK ("extract_recipients"."email" ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND char_length("extract_recipients"."email") <= 254)
);
--> statement-breakpoint
CREATE TABLE "extract_sendings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_email" text NOT NULL,
	"mail_message_id" uuid
);
--> statement-breakpoint
CREATE TABLE "matter_items" (
	"agenda_item_id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"council_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_statements" (
	"statement_id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"council_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"diary_number" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "matters_id_council_unique" UNIQUE("id","council_id"),
	CONSTRAINT "matters_title_not_blank" CHECK (btrim("matters"."title") <> ''),
	CONSTRAINT "matters_title_length" CHECK (char_length("matters"."title") <= 300),
	CONSTRAINT "matters_diary_number_length" CHECK ("matters"."diary_number" IS NULL OR (btrim("matters"."diary_number") <> '' AND char_length("matters"."diary_number") <= 100))
);
--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_declarations" ADD CONSTRAINT "conflict_declarations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extract_recipients" ADD CONSTRAINT "extract_recipients_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extract_sendings" ADD CONSTRAINT "extract_sendings_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extract_sendings" ADD CONSTRAINT "extract_sendings_version_id_minutes_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."minutes_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extract_sendings" ADD CONSTRAINT "extract_sendings_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extract_sendings" ADD CONSTRAINT "extract_sendings_mail_message_id_mail_messages_id_fk" FOREIGN KEY ("mail_message_id") REFERENCES "public"."mail_messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_items" ADD CONSTRAINT "matter_items_item_same_council_fk" FOREIGN KEY ("agenda_item_id","council_id") REFERENCES "public"."agenda_items"("id","council_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_items" ADD CONSTRAINT "matter_items_matter_same_council_fk" FOREIGN KEY ("matter_id","council_id") REFERENCES "public"."matters"("id","council_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_statements" ADD CONSTRAINT "matter_statements_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_statements" ADD CONSTRAINT "matter_statements_matter_same_council_fk" FOREIGN KEY ("matter_id","council_id") REFERENCES "public"."matters"("id","council_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "extract_recipients_item_idx" ON "extract_recipients" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "extract_sendings_item_idx" ON "extract_sendings" USING btree ("agenda_item_id","sent_at");--> statement-breakpoint
CREATE INDEX "matter_items_matter_idx" ON "matter_items" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "matter_statements_matter_idx" ON "matter_statements" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "matters_council_idx" ON "matters" USING btree ("council_id","created_at");