ALTER TABLE "plan_actions" ADD COLUMN "title_sv" text;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "title_en" text;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD COLUMN "title_sv" text;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD COLUMN "title_en" text;