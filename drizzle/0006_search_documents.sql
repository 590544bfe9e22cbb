CREATE TABLE "search_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"council_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"meeting_id" uuid,
	"item_id" uuid,
	"plan_year" integer,
	"doc_date" date,
	"year_from" integer,
	"year_to" integer,
	"title" text NOT NULL,
	"title_sv" text,
	"title_en" text,
	"body" text,
	"search_title" text NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_text_trgm" ON "search_documents" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_title_trgm" ON "search_documents" USING gin ("search_title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_date_idx" ON "search_documents" USING btree ("doc_date" desc nulls last,"id");--> statement-breakpoint
CREATE INDEX "search_documents_council_date_idx" ON "search_documents" USING btree ("council_id","doc_date" desc nulls last);--> statement-breakpoint
CREATE INDEX "search_documents_region_date_idx" ON "search_documents" USING btree ("region_id","doc_date" desc nulls last);--> statement-breakpoint
CREATE INDEX "search_documents_meeting_idx" ON "search_documents" USING btree ("meeting_id");