CREATE TYPE "public"."email_subscription_status" AS ENUM('pending', 'active');--> statement-breakpoint
CREATE TABLE "email_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"email" text NOT NULL,
	"locale" text DEFAULT 'fi' NOT NULL,
	"status" "email_subscription_status" DEFAULT 'pending' NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_subscriptions_email_format" CHECK ("email_subscriptions"."email" = lower("email_subscriptions"."email") AND "email_subscriptions"."email" LIKE '%_@_%'),
	CONSTRAINT "email_subscriptions_locale" CHECK ("email_subscriptions"."locale" IN ('fi','sv','en'))
);
--> statement-breakpoint
CREATE TABLE "mail_opt_outs" (
	"address" text NOT NULL,
	"topic" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_opt_outs_address_topic_pk" PRIMARY KEY("address","topic"),
	CONSTRAINT "mail_opt_outs_address" CHECK ("mail_opt_outs"."address" = lower("mail_opt_outs"."address")),
	CONSTRAINT "mail_opt_outs_topic" CHECK ("mail_opt_outs"."topic" IN ('publications','meeting_reminders','milestone_reminders'))
);
--> statement-breakpoint
CREATE TABLE "unsubscribe_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"subscription_id" uuid,
	"address" text,
	"topic" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unsubscribe_links_target" CHECK (("unsubscribe_links"."subscription_id" IS NULL) <> ("unsubscribe_links"."address" IS NULL)),
	CONSTRAINT "unsubscribe_links_topic" CHECK ("unsubscribe_links"."topic" IN ('publications','meeting_reminders','milestone_reminders'))
);
--> statement-breakpoint
ALTER TABLE "email_subscriptions" ADD CONSTRAINT "email_subscriptions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unsubscribe_links" ADD CONSTRAINT "unsubscribe_links_subscription_id_email_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."email_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_subscriptions_council_email_key" ON "email_subscriptions" USING btree ("council_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "email_subscriptions_confirm_token_key" ON "email_subscriptions" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "email_subscriptions_council_status_idx" ON "email_subscriptions" USING btree ("council_id","status");--> statement-breakpoint
CREATE INDEX "email_subscriptions_pending_idx" ON "email_subscriptions" USING btree ("confirm_expires_at");--> statement-breakpoint
CREATE INDEX "unsubscribe_links_created_idx" ON "unsubscribe_links" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "unsubscribe_links_subscription_idx" ON "unsubscribe_links" USING btree ("subscription_id");