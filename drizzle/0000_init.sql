CREATE TYPE "public"."role_name" AS ENUM('admin', 'region_admin', 'secretary', 'chair', 'vice_chair', 'member', 'deputy');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('invitation', 'password_reset');--> statement-breakpoint
CREATE TYPE "public"."council_kind" AS ENUM('advisory_council', 'partnership_table', 'influence_body', 'ngo_council', 'cooperation_group', 'forum', 'executive_committee', 'working_group', 'other');--> statement-breakpoint
CREATE TYPE "public"."council_origin" AS ENUM('ngo_led', 'county_established');--> statement-breakpoint
CREATE TYPE "public"."council_publicity" AS ENUM('public', 'members_only');--> statement-breakpoint
CREATE TYPE "public"."mail_status" AS ENUM('queued', 'sent', 'stored', 'failed');--> statement-breakpoint
CREATE TYPE "public"."attendance_reply" AS ENUM('attending', 'not_attending');--> statement-breakpoint
CREATE TYPE "public"."invitation_kind" AS ENUM('member', 'deputy', 'other');--> statement-breakpoint
CREATE TYPE "public"."meeting_publicity" AS ENUM('public', 'closed');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('planned', 'invited', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."meeting_type" AS ENUM('in_person', 'online', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."action_status" AS ENUM('planned', 'in_progress', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('draft', 'approved', 'published');--> statement-breakpoint
CREATE TYPE "public"."approval_method" AS ENUM('checkers', 'at_meeting', 'next_meeting');--> statement-breakpoint
CREATE TYPE "public"."attendance_role" AS ENUM('member', 'deputy', 'chair', 'secretary', 'expert', 'other');--> statement-breakpoint
CREATE TYPE "public"."decision_outcome" AS ENUM('decided', 'noted', 'postponed', 'withdrawn', 'referred');--> statement-breakpoint
CREATE TYPE "public"."item_publicity" AS ENUM('public', 'members_only', 'confidential');--> statement-breakpoint
CREATE TYPE "public"."minutes_kind" AS ENUM('minutes', 'memo');--> statement-breakpoint
CREATE TYPE "public"."minutes_status" AS ENUM('draft', 'checking', 'approved', 'published');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('ngo', 'parish', 'municipality', 'county', 'city', 'company', 'other');--> statement-breakpoint
CREATE TYPE "public"."region_kind" AS ENUM('county', 'city');--> statement-breakpoint
CREATE TYPE "public"."affiliation_type" AS ENUM('professional', 'volunteer');--> statement-breakpoint
CREATE TYPE "public"."membership_end_reason" AS ENUM('term_ended', 'resigned', 'replaced', 'died', 'other');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('chair', 'vice_chair', 'secretary', 'member', 'deputy', 'elected_official', 'county_representative', 'municipality_representative', 'invited_expert');--> statement-breakpoint
CREATE TYPE "public"."statement_status" AS ENUM('draft', 'sent', 'answered', 'closed');--> statement-breakpoint
CREATE TYPE "public"."statement_type" AS ENUM('statement', 'position', 'initiative');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text,
	"ip" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"council_id" uuid,
	"region_id" uuid,
	"changes" jsonb,
	CONSTRAINT "audit_log_action_format" CHECK ("audit_log"."action" ~ '^[a-z_]+(\.[a-z_]+)*$')
);
--> statement-breakpoint
CREATE TABLE "auth_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid,
	"council_id" uuid,
	"grant_role" "role_name",
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "auth_tokens_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "auth_tokens_expiry_after_creation" CHECK ("auth_tokens"."expires_at" > "auth_tokens"."created_at")
);
--> statement-breakpoint
CREATE TABLE "calendar_feed_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feed_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bucket" text NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role_name" NOT NULL,
	"region_id" uuid,
	"council_id" uuid,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "role_grants_scope" CHECK (("role_grants"."role" = 'admin' AND "role_grants"."region_id" IS NULL AND "role_grants"."council_id" IS NULL)
       OR ("role_grants"."role" = 'region_admin' AND "role_grants"."region_id" IS NOT NULL AND "role_grants"."council_id" IS NULL)
       OR ("role_grants"."role" NOT IN ('admin','region_admin') AND "role_grants"."council_id" IS NOT NULL AND "role_grants"."region_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text,
	"person_id" uuid,
	"locale" text DEFAULT 'fi' NOT NULL,
	"disabled_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_person_id_unique" UNIQUE("person_id"),
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email") AND "users"."email" LIKE '%_@_%'),
	CONSTRAINT "users_locale" CHECK ("users"."locale" IN ('fi','sv','en'))
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"region_id" uuid NOT NULL,
	"parent_id" uuid,
	"name_fi" text NOT NULL,
	"name_sv" text,
	"name_en" text,
	"kind" "council_kind" NOT NULL,
	"origin" "council_origin" NOT NULL,
	"publicity_default" "council_publicity" DEFAULT 'public' NOT NULL,
	"languages" text[] DEFAULT ARRAY['fi']::text[] NOT NULL,
	"description_fi" text,
	"description_sv" text,
	"description_en" text,
	"meeting_fee_note" text,
	"secretariat_contact" text,
	"rules_document_id" uuid,
	"appointing_body" text,
	"appointing_decision_date" date,
	"appointing_decision_url" text,
	"established_on" date,
	"dissolved_on" date,
	"notice_period_days" integer DEFAULT 7 NOT NULL,
	"reminder_days" integer[] DEFAULT ARRAY[3]::integer[] NOT NULL,
	"quorum_numerator" integer DEFAULT 1 NOT NULL,
	"quorum_denominator" integer DEFAULT 2 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "councils_slug_unique" UNIQUE("slug"),
	CONSTRAINT "councils_slug_format" CHECK ("councils"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "councils_not_own_parent" CHECK ("councils"."parent_id" IS NULL OR "councils"."parent_id" <> "councils"."id"),
	CONSTRAINT "councils_languages_valid" CHECK (cardinality("councils"."languages") >= 1 AND "councils"."languages" <@ ARRAY['fi','sv','en']::text[]),
	CONSTRAINT "councils_name_not_blank" CHECK (btrim("councils"."name_fi") <> ''),
	CONSTRAINT "councils_notice_period_range" CHECK ("councils"."notice_period_days" BETWEEN 0 AND 60),
	CONSTRAINT "councils_quorum_fraction" CHECK ("councils"."quorum_numerator" >= 0 AND "councils"."quorum_denominator" > 0 AND "councils"."quorum_numerator" < "councils"."quorum_denominator"),
	CONSTRAINT "councils_dissolved_after_established" CHECK ("councils"."dissolved_on" IS NULL OR "councils"."established_on" IS NULL OR "councils"."dissolved_on" >= "councils"."established_on"),
	CONSTRAINT "councils_decision_url_http" CHECK ("councils"."appointing_decision_url" IS NULL OR "councils"."appointing_decision_url" ~ '^https?://'),
	CONSTRAINT "councils_sub_bodies_have_parent" CHECK ("councils"."kind" NOT IN ('executive_committee','working_group') OR "councils"."parent_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"end_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "terms_council_name_unique" UNIQUE("council_id","name"),
	CONSTRAINT "terms_id_council_unique" UNIQUE("id","council_id"),
	CONSTRAINT "terms_end_after_start" CHECK ("terms"."end_date" IS NULL OR "terms"."end_date" >= "terms"."start_date"),
	CONSTRAINT "terms_name_not_blank" CHECK (btrim("terms"."name") <> '')
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"storage_key" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "documents_size_positive" CHECK ("documents"."size_bytes" > 0),
	CONSTRAINT "documents_sha256_format" CHECK ("documents"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "documents_filename_safe" CHECK (btrim("documents"."filename") <> '' AND "documents"."filename" !~ '[/\\]')
);
--> statement-breakpoint
CREATE TABLE "feedback_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text,
	"email" text,
	"page_url" text,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	CONSTRAINT "feedback_messages_length" CHECK (length("feedback_messages"."message") BETWEEN 1 AND 5000)
);
--> statement-breakpoint
CREATE TABLE "mail_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"ics_body" text,
	"ics_method" text,
	"status" "mail_status" DEFAULT 'queued' NOT NULL,
	"council_id" uuid,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_messages_to_format" CHECK ("mail_messages"."to_address" LIKE '%_@_%')
);
--> statement-breakpoint
CREATE TABLE "meeting_invitees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"membership_id" uuid,
	"kind" "invitation_kind" NOT NULL,
	"reply_token_hash" text NOT NULL,
	"invited_at" timestamp with time zone,
	"asked_to_substitute_at" timestamp with time zone,
	"reply" "attendance_reply",
	"replied_at" timestamp with time zone,
	"last_sent_sequence" integer,
	CONSTRAINT "meeting_invitees_reply_token_hash_unique" UNIQUE("reply_token_hash"),
	CONSTRAINT "meeting_invitees_meeting_person_unique" UNIQUE("meeting_id","person_id"),
	CONSTRAINT "meeting_invitees_reply_time" CHECK (("meeting_invitees"."reply" IS NULL) = ("meeting_invitees"."replied_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "meeting_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"recipients" integer,
	CONSTRAINT "meeting_reminders_once" UNIQUE("meeting_id","days_before"),
	CONSTRAINT "meeting_reminders_days_range" CHECK ("meeting_reminders"."days_before" BETWEEN 0 AND 60)
);
--> statement-breakpoint
CREATE TABLE "meeting_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"term_id" uuid,
	"title" text NOT NULL,
	"rrule" text NOT NULL,
	"first_date" date NOT NULL,
	"local_start_time" time NOT NULL,
	"duration_minutes" integer NOT NULL,
	"meeting_type" "meeting_type" DEFAULT 'in_person' NOT NULL,
	"address" text,
	"room" text,
	"online_url" text,
	"publicity" "meeting_publicity" DEFAULT 'public' NOT NULL,
	"materialised_until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meeting_series_id_council_unique" UNIQUE("id","council_id"),
	CONSTRAINT "meeting_series_duration_range" CHECK ("meeting_series"."duration_minutes" BETWEEN 5 AND 1440),
	CONSTRAINT "meeting_series_rrule_shape" CHECK ("meeting_series"."rrule" ~ '^FREQ=' AND "meeting_series"."rrule" !~ '[\r\n]'),
	CONSTRAINT "meeting_series_online_url_http" CHECK ("meeting_series"."online_url" IS NULL OR "meeting_series"."online_url" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"term_id" uuid,
	"series_id" uuid,
	"original_start" timestamp with time zone,
	"detached" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"meeting_type" "meeting_type" DEFAULT 'in_person' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"address" text,
	"room" text,
	"online_url" text,
	"status" "meeting_status" DEFAULT 'planned' NOT NULL,
	"publicity" "meeting_publicity" DEFAULT 'public' NOT NULL,
	"cancel_reason" text,
	"ics_uid" text NOT NULL,
	"ics_sequence" integer DEFAULT 0 NOT NULL,
	"invited_at" timestamp with time zone,
	"agenda_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "meetings_ics_uid_unique" UNIQUE("ics_uid"),
	CONSTRAINT "meetings_id_council_unique" UNIQUE("id","council_id"),
	CONSTRAINT "meetings_series_occurrence_unique" UNIQUE("series_id","original_start"),
	CONSTRAINT "meetings_end_after_start" CHECK ("meetings"."ends_at" > "meetings"."starts_at"),
	CONSTRAINT "meetings_max_length" CHECK ("meetings"."ends_at" - "meetings"."starts_at" <= interval '24 hours'),
	CONSTRAINT "meetings_series_occurrence" CHECK (("meetings"."series_id" IS NULL) = ("meetings"."original_start" IS NULL)),
	CONSTRAINT "meetings_title_not_blank" CHECK (btrim("meetings"."title") <> ''),
	CONSTRAINT "meetings_online_url_http" CHECK ("meetings"."online_url" IS NULL OR "meetings"."online_url" ~ '^https?://'),
	CONSTRAINT "meetings_sequence_nonnegative" CHECK ("meetings"."ics_sequence" >= 0),
	CONSTRAINT "meetings_cancel_reason_only_cancelled" CHECK ("meetings"."cancel_reason" IS NULL OR "meetings"."status" = 'cancelled')
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"email" text,
	"phone" text,
	"organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "people_names_not_blank" CHECK (btrim("people"."given_name") <> '' AND btrim("people"."family_name") <> ''),
	CONSTRAINT "people_email_lowercase" CHECK ("people"."email" IS NULL OR ("people"."email" = lower("people"."email") AND "people"."email" LIKE '%_@_%'))
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"introduction" text,
	"status" "document_status" DEFAULT 'draft' NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_item_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "action_plans_council_year_unique" UNIQUE("council_id","year"),
	CONSTRAINT "action_plans_id_council_unique" UNIQUE("id","council_id"),
	CONSTRAINT "action_plans_year_range" CHECK ("action_plans"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "action_plans_approval" CHECK (("action_plans"."status" = 'draft') = ("action_plans"."approved_at" IS NULL)),
	CONSTRAINT "action_plans_publication" CHECK (("action_plans"."status" = 'published') = ("action_plans"."published_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"generated" jsonb NOT NULL,
	"body" text,
	"status" "document_status" DEFAULT 'draft' NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_item_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "annual_reports_council_year_unique" UNIQUE("council_id","year"),
	CONSTRAINT "annual_reports_year_range" CHECK ("annual_reports"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "annual_reports_approval" CHECK (("annual_reports"."status" = 'draft') = ("annual_reports"."approved_at" IS NULL)),
	CONSTRAINT "annual_reports_publication" CHECK (("annual_reports"."status" = 'published') = ("annual_reports"."published_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "cycle_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid,
	"region_id" uuid,
	"title_fi" text NOT NULL,
	"title_sv" text,
	"title_en" text,
	"start_month" integer NOT NULL,
	"start_day" integer NOT NULL,
	"end_month" integer,
	"end_day" integer,
	"remind_days_before" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_milestones_owner" CHECK (("cycle_milestones"."council_id" IS NULL) <> ("cycle_milestones"."region_id" IS NULL)),
	CONSTRAINT "cycle_milestones_dates" CHECK ("cycle_milestones"."start_month" BETWEEN 1 AND 12 AND "cycle_milestones"."start_day" BETWEEN 1 AND 31
       AND ("cycle_milestones"."end_month" IS NULL) = ("cycle_milestones"."end_day" IS NULL)
       AND ("cycle_milestones"."end_month" IS NULL OR ("cycle_milestones"."end_month" BETWEEN 1 AND 12 AND "cycle_milestones"."end_day" BETWEEN 1 AND 31))),
	CONSTRAINT "cycle_milestones_remind_range" CHECK ("cycle_milestones"."remind_days_before" IS NULL OR "cycle_milestones"."remind_days_before" BETWEEN 0 AND 90)
);
--> statement-breakpoint
CREATE TABLE "plan_action_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	CONSTRAINT "plan_action_links_unique" UNIQUE("action_id","agenda_item_id")
);
--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_membership_id" uuid,
	"owner_secretariat" text,
	"schedule" text,
	"due_date" date,
	"status" "action_status" DEFAULT 'planned' NOT NULL,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_actions_position_unique" UNIQUE("goal_id","position"),
	CONSTRAINT "plan_actions_id_council_unique" UNIQUE("id","council_id")
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	CONSTRAINT "plan_goals_position_unique" UNIQUE("plan_id","position"),
	CONSTRAINT "plan_goals_id_council_unique" UNIQUE("id","council_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_item_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"publicity" "item_publicity" DEFAULT 'public' NOT NULL,
	CONSTRAINT "agenda_item_attachments_position_unique" UNIQUE("agenda_item_id","position"),
	CONSTRAINT "agenda_item_attachments_document_unique" UNIQUE("agenda_item_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"section_year" integer,
	"section_number" integer,
	"template_key" text,
	"title" text NOT NULL,
	"body" text,
	"presenter" text,
	"proposal" text,
	"publicity" "item_publicity" DEFAULT 'public' NOT NULL,
	"withheld_reason" text,
	"carried_from_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "agenda_items_id_council_unique" UNIQUE("id","council_id"),
	CONSTRAINT "agenda_items_meeting_position_unique" UNIQUE("meeting_id","position"),
	CONSTRAINT "agenda_items_section_unique" UNIQUE("council_id","section_year","section_number"),
	CONSTRAINT "agenda_items_position_positive" CHECK ("agenda_items"."position" >= 1),
	CONSTRAINT "agenda_items_section_complete" CHECK (("agenda_items"."section_year" IS NULL) = ("agenda_items"."section_number" IS NULL) AND ("agenda_items"."section_number" IS NULL OR "agenda_items"."section_number" >= 1)),
	CONSTRAINT "agenda_items_title_not_blank" CHECK (btrim("agenda_items"."title") <> ''),
	CONSTRAINT "agenda_items_confidential_reason" CHECK ("agenda_items"."publicity" <> 'confidential' OR ("agenda_items"."withheld_reason" IS NOT NULL AND btrim("agenda_items"."withheld_reason") <> ''))
);
--> statement-breakpoint
CREATE TABLE "agenda_template_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"proposal" text,
	CONSTRAINT "agenda_template_items_position_unique" UNIQUE("council_id","position"),
	CONSTRAINT "agenda_template_items_key_unique" UNIQUE("council_id","key"),
	CONSTRAINT "agenda_template_items_position_positive" CHECK ("agenda_template_items"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"membership_id" uuid,
	"role" "attendance_role" NOT NULL,
	"substitutes_for_id" uuid,
	"present" boolean DEFAULT true NOT NULL,
	"right_to_speak" boolean DEFAULT true NOT NULL,
	"arrived_at_item_id" uuid,
	"left_at_item_id" uuid,
	"note" text,
	CONSTRAINT "attendance_version_person_unique" UNIQUE("version_id","person_id"),
	CONSTRAINT "attendance_substitute_only_deputy" CHECK ("attendance"."substitutes_for_id" IS NULL OR "attendance"."role" = 'deputy')
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"discussion" text,
	"decision" text,
	"outcome" "decision_outcome" DEFAULT 'decided' NOT NULL,
	"postponed_to_meeting_id" uuid,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstain" integer,
	CONSTRAINT "decisions_version_item_unique" UNIQUE("version_id","agenda_item_id"),
	CONSTRAINT "decisions_votes_nonnegative" CHECK (coalesce("decisions"."votes_for",0) >= 0 AND coalesce("decisions"."votes_against",0) >= 0 AND coalesce("decisions"."votes_abstain",0) >= 0),
	CONSTRAINT "decisions_postponed_target" CHECK ("decisions"."postponed_to_meeting_id" IS NULL OR "decisions"."outcome" = 'postponed')
);
--> statement-breakpoint
CREATE TABLE "minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" "minutes_kind" DEFAULT 'minutes' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "minutes_meeting_id_unique" UNIQUE("meeting_id")
);
--> statement-breakpoint
CREATE TABLE "minutes_checkers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_user_id" uuid,
	CONSTRAINT "minutes_checkers_unique" UNIQUE("version_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "minutes_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"minutes_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" "minutes_status" DEFAULT 'draft' NOT NULL,
	"correction_note" text,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"place" text,
	"summary" text,
	"submitted_for_checking_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approval_method" "approval_method",
	"approved_at_item_id" uuid,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "minutes_versions_number_unique" UNIQUE("minutes_id","version_no"),
	CONSTRAINT "minutes_versions_number_positive" CHECK ("minutes_versions"."version_no" >= 1),
	CONSTRAINT "minutes_versions_correction_note" CHECK ("minutes_versions"."version_no" = 1 OR ("minutes_versions"."correction_note" IS NOT NULL AND btrim("minutes_versions"."correction_note") <> '')),
	CONSTRAINT "minutes_versions_approval_complete" CHECK (("minutes_versions"."status" IN ('draft','checking')) = ("minutes_versions"."approved_at" IS NULL) AND ("minutes_versions"."approved_at" IS NULL) = ("minutes_versions"."approval_method" IS NULL)),
	CONSTRAINT "minutes_versions_published_complete" CHECK (("minutes_versions"."status" = 'published') = ("minutes_versions"."published_at" IS NOT NULL)),
	CONSTRAINT "minutes_versions_next_meeting_item" CHECK (("minutes_versions"."approval_method" = 'next_meeting') = ("minutes_versions"."approved_at_item_id" IS NOT NULL)),
	CONSTRAINT "minutes_versions_close_after_open" CHECK ("minutes_versions"."closed_at" IS NULL OR "minutes_versions"."opened_at" IS NULL OR "minutes_versions"."closed_at" >= "minutes_versions"."opened_at")
);
--> statement-breakpoint
CREATE TABLE "recusals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reason" text,
	CONSTRAINT "recusals_unique" UNIQUE("version_id","agenda_item_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_fi" text NOT NULL,
	"name_sv" text,
	"name_en" text,
	"kind" "organisation_kind" NOT NULL,
	"region_id" uuid,
	"business_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_business_id_unique" UNIQUE("business_id"),
	CONSTRAINT "organisations_name_region_unique" UNIQUE NULLS NOT DISTINCT("name_fi","region_id"),
	CONSTRAINT "organisations_name_not_blank" CHECK (btrim("organisations"."name_fi") <> ''),
	CONSTRAINT "organisations_business_id_format" CHECK ("organisations"."business_id" IS NULL OR "organisations"."business_id" ~ '^[0-9]{7}-[0-9]$')
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name_fi" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"short_fi" text NOT NULL,
	"kind" "region_kind" NOT NULL,
	"municipality_count" integer NOT NULL,
	"bilingual" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regions_slug_unique" UNIQUE("slug"),
	CONSTRAINT "regions_slug_format" CHECK ("regions"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "regions_municipality_count_positive" CHECK ("regions"."municipality_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name_fi" text NOT NULL,
	"name_sv" text,
	"name_en" text,
	"member_seats" integer DEFAULT 1 NOT NULL,
	"deputy_seats" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_term_position_unique" UNIQUE("term_id","position"),
	CONSTRAINT "categories_term_name_unique" UNIQUE("term_id","name_fi"),
	CONSTRAINT "categories_id_term_unique" UNIQUE("id","term_id"),
	CONSTRAINT "categories_seats_range" CHECK ("categories"."member_seats" BETWEEN 0 AND 100 AND "categories"."deputy_seats" BETWEEN 0 AND 100),
	CONSTRAINT "categories_position_positive" CHECK ("categories"."position" >= 1),
	CONSTRAINT "categories_name_not_blank" CHECK (btrim("categories"."name_fi") <> '')
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"category_id" uuid,
	"seat_number" integer,
	"organisation_id" uuid,
	"affiliation" "affiliation_type",
	"principal_id" uuid,
	"succeeds_id" uuid,
	"start_date" date NOT NULL,
	"end_date" date,
	"end_reason" "membership_end_reason",
	"end_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "memberships_id_term_unique" UNIQUE("id","term_id"),
	CONSTRAINT "memberships_end_after_start" CHECK ("memberships"."end_date" IS NULL OR "memberships"."end_date" >= "memberships"."start_date"),
	CONSTRAINT "memberships_end_reason_needs_end" CHECK ("memberships"."end_reason" IS NULL OR "memberships"."end_date" IS NOT NULL),
	CONSTRAINT "memberships_not_own_principal" CHECK ("memberships"."principal_id" IS NULL OR "memberships"."principal_id" <> "memberships"."id"),
	CONSTRAINT "memberships_principal_only_for_deputy" CHECK ("memberships"."principal_id" IS NULL OR "memberships"."role" = 'deputy'),
	CONSTRAINT "memberships_not_own_successor" CHECK ("memberships"."succeeds_id" IS NULL OR "memberships"."succeeds_id" <> "memberships"."id"),
	CONSTRAINT "memberships_seat_number_positive" CHECK ("memberships"."seat_number" IS NULL OR "memberships"."seat_number" >= 1),
	CONSTRAINT "memberships_officers_without_category" CHECK ("memberships"."category_id" IS NULL OR "memberships"."role" IN ('member','deputy'))
);
--> statement-breakpoint
CREATE TABLE "term_extra_seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"member_seats" integer NOT NULL,
	"deputy_seats" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "term_extra_seats_term_role_unique" UNIQUE("term_id","role"),
	CONSTRAINT "term_extra_seats_range" CHECK ("term_extra_seats"."member_seats" BETWEEN 0 AND 100 AND "term_extra_seats"."deputy_seats" BETWEEN 0 AND 100),
	CONSTRAINT "term_extra_seats_role" CHECK ("term_extra_seats"."role" IN ('elected_official','county_representative','municipality_representative','invited_expert'))
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"type" "statement_type" NOT NULL,
	"issued_on" date,
	"recipient" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"document_id" uuid,
	"approved_item_id" uuid,
	"status" "statement_status" DEFAULT 'draft' NOT NULL,
	"response" text,
	"response_date" date,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "statements_title_not_blank" CHECK (btrim("statements"."title") <> ''),
	CONSTRAINT "statements_sent_has_date" CHECK ("statements"."status" = 'draft' OR "statements"."issued_on" IS NOT NULL),
	CONSTRAINT "statements_response_date" CHECK ("statements"."response_date" IS NULL OR "statements"."issued_on" IS NULL OR "statements"."response_date" >= "statements"."issued_on"),
	CONSTRAINT "statements_answered_has_response" CHECK ("statements"."status" <> 'answered' OR "statements"."response" IS NOT NULL),
	CONSTRAINT "statements_draft_not_published" CHECK ("statements"."status" <> 'draft' OR "statements"."published_at" IS NULL)
);
--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_parent_id_councils_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_rules_document_id_documents_id_fk" FOREIGN KEY ("rules_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terms" ADD CONSTRAINT "terms_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reminders" ADD CONSTRAINT "meeting_reminders_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_term_same_council_fk" FOREIGN KEY ("term_id","council_id") REFERENCES "public"."terms"("id","council_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_term_same_council_fk" FOREIGN KEY ("term_id","council_id") REFERENCES "public"."terms"("id","council_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_series_same_council_fk" FOREIGN KEY ("series_id","council_id") REFERENCES "public"."meeting_series"("id","council_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_item_same_council_fk" FOREIGN KEY ("approved_item_id","council_id") REFERENCES "public"."agenda_items"("id","council_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_item_same_council_fk" FOREIGN KEY ("approved_item_id","council_id") REFERENCES "public"."agenda_items"("id","council_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_milestones" ADD CONSTRAINT "cycle_milestones_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_milestones" ADD CONSTRAINT "cycle_milestones_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_links" ADD CONSTRAINT "plan_action_links_action_fk" FOREIGN KEY ("action_id","council_id") REFERENCES "public"."plan_actions"("id","council_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_links" ADD CONSTRAINT "plan_action_links_item_same_council_fk" FOREIGN KEY ("agenda_item_id","council_id") REFERENCES "public"."agenda_items"("id","council_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_owner_membership_id_memberships_id_fk" FOREIGN KEY ("owner_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_goal_fk" FOREIGN KEY ("goal_id","council_id") REFERENCES "public"."plan_goals"("id","council_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_plan_fk" FOREIGN KEY ("plan_id","council_id") REFERENCES "public"."action_plans"("id","council_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_attachments" ADD CONSTRAINT "agenda_item_attachments_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_attachments" ADD CONSTRAINT "agenda_item_attachments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_same_council_fk" FOREIGN KEY ("meeting_id","council_id") REFERENCES "public"."meetings"("id","council_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_carried_from_fk" FOREIGN KEY ("carried_from_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_template_items" ADD CONSTRAINT "agenda_template_items_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_version_id_minutes_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."minutes_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_substitutes_for_id_memberships_id_fk" FOREIGN KEY ("substitutes_for_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_arrived_at_item_id_agenda_items_id_fk" FOREIGN KEY ("arrived_at_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_left_at_item_id_agenda_items_id_fk" FOREIGN KEY ("left_at_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_version_id_minutes_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."minutes_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_postponed_to_meeting_id_meetings_id_fk" FOREIGN KEY ("postponed_to_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_meeting_same_council_fk" FOREIGN KEY ("meeting_id","council_id") REFERENCES "public"."meetings"("id","council_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_checkers" ADD CONSTRAINT "minutes_checkers_version_id_minutes_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."minutes_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_checkers" ADD CONSTRAINT "minutes_checkers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_checkers" ADD CONSTRAINT "minutes_checkers_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_versions" ADD CONSTRAINT "minutes_versions_minutes_id_minutes_id_fk" FOREIGN KEY ("minutes_id") REFERENCES "public"."minutes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_versions" ADD CONSTRAINT "minutes_versions_approved_at_item_id_agenda_items_id_fk" FOREIGN KEY ("approved_at_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_versions" ADD CONSTRAINT "minutes_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recusals" ADD CONSTRAINT "recusals_version_id_minutes_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."minutes_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recusals" ADD CONSTRAINT "recusals_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recusals" ADD CONSTRAINT "recusals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_succeeds_id_memberships_id_fk" FOREIGN KEY ("succeeds_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_category_same_term_fk" FOREIGN KEY ("category_id","term_id") REFERENCES "public"."categories"("id","term_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_principal_same_term_fk" FOREIGN KEY ("principal_id","term_id") REFERENCES "public"."memberships"("id","term_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_extra_seats" ADD CONSTRAINT "term_extra_seats_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_item_same_council_fk" FOREIGN KEY ("approved_item_id","council_id") REFERENCES "public"."agenda_items"("id","council_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_council_idx" ON "audit_log" USING btree ("council_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_region_idx" ON "audit_log" USING btree ("region_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "auth_tokens_email_idx" ON "auth_tokens" USING btree ("email");--> statement-breakpoint
CREATE INDEX "calendar_feed_tokens_user_idx" ON "calendar_feed_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "rate_limit_events_lookup_idx" ON "rate_limit_events" USING btree ("bucket","key","at");--> statement-breakpoint
CREATE INDEX "role_grants_user_idx" ON "role_grants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "role_grants_council_idx" ON "role_grants" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "councils_region_idx" ON "councils" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "councils_parent_idx" ON "councils" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "terms_council_idx" ON "terms" USING btree ("council_id","start_date");--> statement-breakpoint
CREATE INDEX "mail_messages_created_idx" ON "mail_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "meeting_invitees_person_idx" ON "meeting_invitees" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meeting_series_council_idx" ON "meeting_series" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "meetings_council_start_idx" ON "meetings" USING btree ("council_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_start_idx" ON "meetings" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "meetings_series_idx" ON "meetings" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("family_name","given_name");--> statement-breakpoint
CREATE INDEX "people_organisation_idx" ON "people" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "cycle_milestones_council_idx" ON "cycle_milestones" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "cycle_milestones_region_idx" ON "cycle_milestones" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "organisations_region_idx" ON "organisations" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "memberships_term_idx" ON "memberships" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "memberships_category_idx" ON "memberships" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "memberships_principal_idx" ON "memberships" USING btree ("principal_id");--> statement-breakpoint
CREATE INDEX "statements_council_idx" ON "statements" USING btree ("council_id","issued_on");