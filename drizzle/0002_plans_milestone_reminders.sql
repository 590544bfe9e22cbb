CREATE TABLE "milestone_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"milestone_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"recipients" integer,
	CONSTRAINT "milestone_reminders_once" UNIQUE("milestone_id","year"),
	CONSTRAINT "milestone_reminders_year_range" CHECK ("milestone_reminders"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
ALTER TABLE "milestone_reminders" ADD CONSTRAINT "milestone_reminders_milestone_id_cycle_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."cycle_milestones"("id") ON DELETE cascade ON UPDATE no action;