-- Trigram indexes for the public search (app/models/search.server.ts, docs/search.md).
-- Every search first narrows each kind of record with LIKE '%stem%' on exactly these
-- expressions (and typo correction with `word <% lower(title)`), so the planner answers
-- from an index instead of reading every row. Each expression must stay character-for-
-- character equal to its twin in SEARCH_TEXT (search.server.ts); a test in
-- tests/integration/search.test.ts checks that the planner can use every index.
-- Councils and action plans are few and need none. Created with
-- `drizzle-kit generate --custom --name search_indexes`.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS agenda_items_search_trgm ON agenda_items
  USING gin (lower(title || ' ' || coalesce(body, '') || ' ' || coalesce(proposal, '')) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS decisions_search_trgm ON decisions
  USING gin (lower(coalesce(decision, '') || ' ' || coalesce(discussion, '')) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS minutes_versions_search_trgm ON minutes_versions
  USING gin (lower(coalesce(summary, '')) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS meetings_title_trgm ON meetings
  USING gin (lower(title) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS statements_search_trgm ON statements
  USING gin (lower(title || ' ' || coalesce(body, '') || ' ' || recipient || ' ' || coalesce(response, '')) gin_trgm_ops);
--> statement-breakpoint
-- Titles alone: typo correction looks for similar words among titles, and decisions are
-- found by their agenda item's title.
CREATE INDEX IF NOT EXISTS agenda_items_title_trgm ON agenda_items
  USING gin (lower(title) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS statements_title_trgm ON statements
  USING gin (lower(title) gin_trgm_ops);
