CREATE TYPE "public"."vote_option" AS ENUM('yes', 'no', 'abstain', 'absent');--> statement-breakpoint
CREATE TABLE "member_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"option" "vote_option" NOT NULL,
	CONSTRAINT "member_votes_unique" UNIQUE("version_id","agenda_item_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "member_votes" ADD CONSTRAINT "member_votes_version_id_minutes_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."minutes_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_votes" ADD CONSTRAINT "member_votes_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_votes" ADD CONSTRAINT "member_votes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_votes_item_idx" ON "member_votes" USING btree ("agenda_item_id","version_id");