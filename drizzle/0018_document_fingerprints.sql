CREATE TABLE "document_fingerprints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"meeting_id" uuid,
	"report_id" uuid,
	"version_no" integer,
	"language" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_fingerprints_sha256_format" CHECK ("document_fingerprints"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "document_fingerprints_kind_version" CHECK (("document_fingerprints"."kind" = 'minutes') = ("document_fingerprints"."version_no" IS NOT NULL)),
	CONSTRAINT "document_fingerprints_subject" CHECK (("document_fingerprints"."kind" IN ('agenda', 'minutes')) = ("document_fingerprints"."meeting_id" IS NOT NULL) AND ("document_fingerprints"."kind" = 'report') = ("document_fingerprints"."report_id" IS NOT NULL)),
	CONSTRAINT "document_fingerprints_language" CHECK ("document_fingerprints"."language" IN ('fi', 'sv', 'en'))
);
--> statement-breakpoint
ALTER TABLE "document_fingerprints" ADD CONSTRAINT "document_fingerprints_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_fingerprints" ADD CONSTRAINT "document_fingerprints_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_fingerprints_sha256_key" ON "document_fingerprints" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "document_fingerprints_meeting_idx" ON "document_fingerprints" USING btree ("meeting_id","kind","version_no");--> statement-breakpoint
CREATE INDEX "document_fingerprints_report_idx" ON "document_fingerprints" USING btree ("report_id");