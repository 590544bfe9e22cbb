-- Keeps search_documents (db/schema/search.ts) equal to the public searchable records,
-- derived from the source tables. Created with
-- `drizzle-kit generate --custom --name search_documents_sync`; copy in
-- db/sql/search_documents_sync.sql. Design and figures: docs/search.md.
--
-- Every publication rule lives in the search_source_* views below: a row that is not
-- public never reaches search_documents, so nothing downstream (ranking, typo correction,
-- compound splitting, counts) can see it. Statement-level AFTER triggers with transition
-- tables refresh whole meetings / councils / statements / plans set-wise, so a bulk
-- INSERT … SELECT of 100 000 rows costs one refresh, not 100 000.
-- After loading data with triggers off (session_replication_role = replica), call
-- `select search_rebuild();`.

-- Lowercase and drop the marks of letters, so that "paihdetyo" finds "päihdetyö". Must stay
-- equal to fold() in app/lib/search-text.ts (a test compares them).
CREATE OR REPLACE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT translate(lower(coalesce(value, '')), 'åäöéèêëáàâüúùïíìôóòçñøæšžõ', 'aaoeeeeaaauuuiiiooocnoaszo') $$;
--> statement-breakpoint
-- The trigram indexes of 0003 on the source tables are no longer read by search.
DROP INDEX IF EXISTS agenda_items_search_trgm;
--> statement-breakpoint
DROP INDEX IF EXISTS decisions_search_trgm;
--> statement-breakpoint
DROP INDEX IF EXISTS minutes_versions_search_trgm;
--> statement-breakpoint
DROP INDEX IF EXISTS meetings_title_trgm;
--> statement-breakpoint
DROP INDEX IF EXISTS statements_search_trgm;
--> statement-breakpoint
DROP INDEX IF EXISTS agenda_items_title_trgm;
--> statement-breakpoint
DROP INDEX IF EXISTS statements_title_trgm;
--> statement-breakpoint
-- Columns of every view: type, id, council_id, region_id, meeting_id, item_id, plan_year,
-- doc_date, year_from, year_to, title, title_sv, title_en, body, raw_title.
CREATE VIEW search_source_councils AS
  SELECT 'council'::text AS type, c.id, c.id AS council_id, c.region_id, NULL::uuid AS meeting_id,
    NULL::uuid AS item_id, NULL::int AS plan_year, NULL::date AS doc_date,
    extract(year FROM c.established_on)::int AS year_from, extract(year FROM c.dissolved_on)::int AS year_to,
    c.name_fi AS title, c.name_sv AS title_sv, c.name_en AS title_en,
    concat_ws(E'\n', c.description_fi, c.description_sv, c.description_en, r.name_fi, r.name_sv) AS body,
    concat_ws(' ', c.name_fi, c.name_sv, c.name_en) AS raw_title
  FROM councils c JOIN regions r ON r.id = c.region_id;
--> statement-breakpoint
-- An agenda item and its decision are ONE record: the item's text plus the decision of the
-- latest published minutes version (a correction supersedes earlier versions). Public when
-- the item, its meeting and its council are, and the agenda or the minutes are published.
CREATE VIEW search_source_items AS
  SELECT CASE WHEN d.id IS NULL THEN 'agenda_item' ELSE 'decision' END AS type, ai.id, c.id AS council_id,
    c.region_id, m.id AS meeting_id, ai.id AS item_id, NULL::int AS plan_year,
    (m.starts_at AT TIME ZONE 'Europe/Helsinki')::date AS doc_date,
    extract(year FROM m.starts_at AT TIME ZONE 'Europe/Helsinki')::int AS year_from,
    extract(year FROM m.starts_at AT TIME ZONE 'Europe/Helsinki')::int AS year_to,
    ai.title, NULL::text AS title_sv, NULL::text AS title_en,
    concat_ws(E'\n', ai.body, ai.proposal, d.decision, d.discussion) AS body, ai.title AS raw_title
  FROM agenda_items ai
    JOIN meetings m ON m.id = ai.meeting_id
    JOIN councils c ON c.id = m.council_id
    LEFT JOIN LATERAL (
      SELECT v.id FROM minutes mi JOIN minutes_versions v ON v.minutes_id = mi.id
      WHERE mi.meeting_id = m.id AND v.status = 'published'
      ORDER BY v.version_no DESC LIMIT 1) lv ON true
    LEFT JOIN decisions d ON d.version_id = lv.id AND d.agenda_item_id = ai.id
  WHERE m.publicity = 'public' AND c.publicity_default = 'public' AND ai.publicity = 'public'
    AND (m.agenda_published_at IS NOT NULL OR d.id IS NOT NULL);
--> statement-breakpoint
CREATE VIEW search_source_minutes AS
  SELECT 'minutes'::text AS type, mi.id, c.id AS council_id, c.region_id, m.id AS meeting_id,
    NULL::uuid AS item_id, NULL::int AS plan_year,
    (m.starts_at AT TIME ZONE 'Europe/Helsinki')::date AS doc_date,
    extract(year FROM m.starts_at AT TIME ZONE 'Europe/Helsinki')::int AS year_from,
    extract(year FROM m.starts_at AT TIME ZONE 'Europe/Helsinki')::int AS year_to,
    m.title, NULL::text AS title_sv, NULL::text AS title_en, lv.summary AS body, m.title AS raw_title
  FROM minutes mi
    JOIN meetings m ON m.id = mi.meeting_id
    JOIN councils c ON c.id = m.council_id
    JOIN LATERAL (
      SELECT v.summary FROM minutes_versions v
      WHERE v.minutes_id = mi.id AND v.status = 'published'
      ORDER BY v.version_no DESC LIMIT 1) lv ON true
  WHERE m.publicity = 'public' AND c.publicity_default = 'public';
--> statement-breakpoint
CREATE VIEW search_source_statements AS
  SELECT 'statement'::text AS type, s.id, c.id AS council_id, c.region_id, NULL::uuid AS meeting_id,
    NULL::uuid AS item_id, NULL::int AS plan_year, dd.day AS doc_date,
    extract(year FROM dd.day)::int AS year_from, extract(year FROM dd.day)::int AS year_to,
    s.title, NULL::text AS title_sv, NULL::text AS title_en,
    concat_ws(E'\n', s.body, s.recipient, s.response) AS body, s.title AS raw_title
  FROM statements s
    JOIN councils c ON c.id = s.council_id
    CROSS JOIN LATERAL (SELECT coalesce(s.issued_on, (s.published_at AT TIME ZONE 'Europe/Helsinki')::date) AS day) dd
  WHERE s.published_at IS NOT NULL AND s.status <> 'draft' AND c.publicity_default = 'public';
--> statement-breakpoint
-- Goals and their actions in plan order, flattened into the plan's body.
CREATE VIEW search_source_plans AS
  SELECT 'plan'::text AS type, p.id, c.id AS council_id, c.region_id, NULL::uuid AS meeting_id,
    NULL::uuid AS item_id, p.year AS plan_year, (p.published_at AT TIME ZONE 'Europe/Helsinki')::date AS doc_date,
    p.year AS year_from, p.year AS year_to, p.title, NULL::text AS title_sv, NULL::text AS title_en,
    concat_ws(E'\n', p.introduction, (
      SELECT string_agg(concat_ws(E'\n', g.title, g.description, (
          SELECT string_agg(concat_ws(E'\n', a.title, a.description), E'\n' ORDER BY a.position)
          FROM plan_actions a WHERE a.goal_id = g.id)), E'\n' ORDER BY g.position)
      FROM plan_goals g WHERE g.plan_id = p.id)) AS body,
    p.title AS raw_title
  FROM action_plans p JOIN councils c ON c.id = p.council_id
  WHERE p.status = 'published' AND p.published_at IS NOT NULL AND c.publicity_default = 'public';
--> statement-breakpoint
-- Re-derive the documents of the given councils (everything of theirs), meetings (items and
-- minutes), statements and plans. Ids that no longer exist or are no longer public end up
-- with no document.
CREATE OR REPLACE FUNCTION search_refresh(
  p_councils uuid[] DEFAULT '{}', p_meetings uuid[] DEFAULT '{}',
  p_statements uuid[] DEFAULT '{}', p_plans uuid[] DEFAULT '{}') RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(p_councils) > 0 THEN
    DELETE FROM search_documents WHERE council_id = ANY (p_councils);
    INSERT INTO search_documents (type, id, council_id, region_id, meeting_id, item_id, plan_year, doc_date,
      year_from, year_to, title, title_sv, title_en, body, search_title, search_text)
      SELECT type, id, council_id, region_id, meeting_id, item_id, plan_year, doc_date, year_from, year_to,
        title, title_sv, title_en, body, search_fold(raw_title), search_fold(raw_title || ' ' || coalesce(body, ''))
      FROM (
        SELECT * FROM search_source_councils WHERE council_id = ANY (p_councils)
        UNION ALL SELECT * FROM search_source_items WHERE council_id = ANY (p_councils)
        UNION ALL SELECT * FROM search_source_minutes WHERE council_id = ANY (p_councils)
        UNION ALL SELECT * FROM search_source_statements WHERE council_id = ANY (p_councils)
        UNION ALL SELECT * FROM search_source_plans WHERE council_id = ANY (p_councils)) src
      ON CONFLICT (id) DO NOTHING;
  END IF;
  IF cardinality(p_meetings) > 0 THEN
    DELETE FROM search_documents WHERE meeting_id = ANY (p_meetings);
    INSERT INTO search_documents (type, id, council_id, region_id, meeting_id, item_id, plan_year, doc_date,
      year_from, year_to, title, title_sv, title_en, body, search_title, search_text)
      SELECT type, id, council_id, region_id, meeting_id, item_id, plan_year, doc_date, year_from, year_to,
        title, title_sv, title_en, body, search_fold(raw_title), search_fold(raw_title || ' ' || coalesce(body, ''))
      FROM (
        SELECT * FROM search_source_items WHERE meeting_id = ANY (p_meetings)
        UNION ALL SELECT * FROM search_source_minutes WHERE meeting_id = ANY (p_meetings)) src
      ON CONFLICT (id) DO NOTHING;
  END IF;
  IF cardinality(p_statements) > 0 THEN
    DELETE FROM search_documents WHERE type = 'statement' AND id = ANY (p_statements);
    INSERT INTO search_documents (type, id, council_id, region_id, meeting_id, item_id, plan_year, doc_date,
      year_from, year_to, title, title_sv, title_en, body, search_title, search_text)
      SELECT type, id, council_id, region_id, meeting_id, item_id, plan_year, doc_date, year_from, year_to,
        title, title_sv, title_en, body, search_fold(raw_title), search_fold(raw_title || ' ' || coalesce(body, ''))
      FROM search_source_statements WHERE id = ANY (p_statements)
      ON CONFLICT (id) DO NOTHING;
  END IF;
  IF cardinality(p_plans) > 0 THEN
    DELETE FROM search_documents WHERE type = 'plan' AND id = ANY (p_plans);
    INSERT INTO search_documents (type, id, council_id, region_id, meeting_id, item_id, plan_year, doc_date,
      year_from, year_to, title, title_sv, title_en, body, search_title, search_text)
      SELECT type, id, council_id, region_id, meeting_id, item_id, plan_year, doc_date, year_from, year_to,
        title, title_sv, title_en, body, search_fold(raw_title), search_fold(raw_title || ' ' || coalesce(body, ''))
      FROM search_source_plans WHERE id = ANY (p_plans)
      ON CONFLICT (id) DO NOTHING;
  END IF;
END $$;
--> statement-breakpoint
-- Everything from scratch in one set-based pass (after a bulk load with triggers off).
CREATE OR REPLACE FUNCTION search_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_documents;
  INSERT INTO search_documents (type, id, council_id, region_id, meeting_id, item_id, plan_year, doc_date,
      year_from, year_to, title, title_sv, title_en, body, search_title, search_text)
    SELECT type, id, council_id, region_id, meeting_id, item_id, plan_year, doc_date, year_from, year_to,
      title, title_sv, title_en, body, search_fold(raw_title), search_fold(raw_title || ' ' || coalesce(body, ''))
    FROM (
      SELECT * FROM search_source_councils
      UNION ALL SELECT * FROM search_source_items
      UNION ALL SELECT * FROM search_source_minutes
      UNION ALL SELECT * FROM search_source_statements
      UNION ALL SELECT * FROM search_source_plans) src;
END $$;
--> statement-breakpoint
-- One trigger function per source table; TG_OP decides which transition tables exist
-- (PL/pgSQL plans a statement only when it runs, so the other branch is never looked at).
CREATE OR REPLACE FUNCTION search_sync_regions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh(p_councils => ARRAY(SELECT c.id FROM councils c JOIN new_rows n ON n.id = c.region_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_sync_councils() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN ids := ids || ARRAY(SELECT id FROM new_rows); END IF;
  IF TG_OP <> 'INSERT' THEN ids := ids || ARRAY(SELECT id FROM old_rows); END IF;
  PERFORM search_refresh(p_councils => ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- meetings (id), agenda_items and minutes (meeting_id)
CREATE OR REPLACE FUNCTION search_sync_meetings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF TG_TABLE_NAME = 'meetings' THEN
    IF TG_OP <> 'DELETE' THEN ids := ids || ARRAY(SELECT id FROM new_rows); END IF;
    IF TG_OP <> 'INSERT' THEN ids := ids || ARRAY(SELECT id FROM old_rows); END IF;
  ELSE
    IF TG_OP <> 'DELETE' THEN ids := ids || ARRAY(SELECT DISTINCT meeting_id FROM new_rows); END IF;
    IF TG_OP <> 'INSERT' THEN ids := ids || ARRAY(SELECT DISTINCT meeting_id FROM old_rows); END IF;
  END IF;
  PERFORM search_refresh(p_meetings => ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_sync_minutes_versions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN
    ids := ids || ARRAY(SELECT DISTINCT mi.meeting_id FROM new_rows n JOIN minutes mi ON mi.id = n.minutes_id);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    ids := ids || ARRAY(SELECT DISTINCT mi.meeting_id FROM old_rows o JOIN minutes mi ON mi.id = o.minutes_id);
  END IF;
  PERFORM search_refresh(p_meetings => ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_sync_decisions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN
    ids := ids || ARRAY(SELECT DISTINCT ai.meeting_id FROM new_rows n JOIN agenda_items ai ON ai.id = n.agenda_item_id);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    ids := ids || ARRAY(SELECT DISTINCT ai.meeting_id FROM old_rows o JOIN agenda_items ai ON ai.id = o.agenda_item_id);
  END IF;
  PERFORM search_refresh(p_meetings => ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_sync_statements() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN ids := ids || ARRAY(SELECT id FROM new_rows); END IF;
  IF TG_OP <> 'INSERT' THEN ids := ids || ARRAY(SELECT id FROM old_rows); END IF;
  PERFORM search_refresh(p_statements => ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- action_plans (id), plan_goals (plan_id), plan_actions (goal_id -> plan)
CREATE OR REPLACE FUNCTION search_sync_plans() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := '{}';
BEGIN
  IF TG_TABLE_NAME = 'action_plans' THEN
    IF TG_OP <> 'DELETE' THEN ids := ids || ARRAY(SELECT id FROM new_rows); END IF;
    IF TG_OP <> 'INSERT' THEN ids := ids || ARRAY(SELECT id FROM old_rows); END IF;
  ELSIF TG_TABLE_NAME = 'plan_goals' THEN
    IF TG_OP <> 'DELETE' THEN ids := ids || ARRAY(SELECT DISTINCT plan_id FROM new_rows); END IF;
    IF TG_OP <> 'INSERT' THEN ids := ids || ARRAY(SELECT DISTINCT plan_id FROM old_rows); END IF;
  ELSE
    IF TG_OP <> 'DELETE' THEN
      ids := ids || ARRAY(SELECT DISTINCT g.plan_id FROM new_rows n JOIN plan_goals g ON g.id = n.goal_id);
    END IF;
    IF TG_OP <> 'INSERT' THEN
      ids := ids || ARRAY(SELECT DISTINCT g.plan_id FROM old_rows o JOIN plan_goals g ON g.id = o.goal_id);
    END IF;
  END IF;
  PERFORM search_refresh(p_plans => ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_sync_upd AFTER UPDATE ON regions REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_regions();
--> statement-breakpoint
CREATE TRIGGER search_sync_ins AFTER INSERT ON councils REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_councils();
--> statement-breakpoint
CREATE TRIGGER search_sync_upd AFTER UPDATE ON councils REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_councils();
--> statement-breakpoint
CREATE TRIGGER search_sync_del AFTER DELETE ON councils REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_councils();
--> statement-breakpoint
CREATE TRIGGER search_sync_ins AFTER INSERT ON meetings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_meetings();
--> statement-breakpoint
CREATE TRIGGER search_sync_upd AFTER UPDATE ON meetings REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_meetings();
--> statement-breakpoint
CREATE TRIGGER search_sync_del AFTER DELETE ON meetings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_meetings();
--> statement-breakpoint
CREATE TRIGGER search_sync_ins AFTER INSERT ON agenda_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_meetings();
--> statement-breakpoint
CREATE TRIGGER search_sync_upd AFTER UPDATE ON agenda_items REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_meetings();
--> statement-breakpoint
CREATE TRIGGER search_sync_del AFTER DELETE ON agenda_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_meetings();
--> statement-breakpoint
CREATE TRIGGER search_sync_ins AFTER INSERT ON minutes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_meetings();
--> statement-breakpoint
CREATE TRIGGER search_sync_upd AFTER UPDATE ON minutes REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_meetings();
--> statement-breakpoint
CREATE TRIGGER search_sync_del AFTER DELETE ON minutes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_meetings();
--> statement-breakpoint
CREATE TRIGGER search_sync_ins AFTER INSERT ON minutes_versions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_minutes_versions();
--> statement-breakpoint
CREATE TRIGGER search_sync_upd AFTER UPDATE ON minutes_versions REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_minutes_versions();
--> statement-breakpoint
CREATE TRIGGER search_sync_del AFTER DELETE ON minutes_versions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_minutes_versions();
--> statement-breakpoint
CREATE TRIGGER search_sync_ins AFTER INSERT ON decisions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_decisions();
--> statement-breakpoint
CREATE TRIGGER search_sync_upd AFTER UPDATE ON decisions REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_decisions();
--> statement-breakpoint
CREATE TRIGGER search_sync_del AFTER DELETE ON decisions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_decisions();
--> statement-breakpoint
CREATE TRIGGER search_sync_ins AFTER INSERT ON statements REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_statements();
--> statement-breakpoint
CREATE TRIGGER search_sync_upd AFTER UPDATE ON statements REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_statements();
--> statement-breakpoint
CREATE TRIGGER search_sync_del AFTER DELETE ON statements REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_statements();
--> statement-breakpoint
CREATE TRIGGER search_sync_ins AFTER INSERT ON action_plans REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_plans();
--> statement-breakpoint
CREATE TRIGGER search_sync_upd AFTER UPDATE ON action_plans REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_plans();
--> statement-breakpoint
CREATE TRIGGER search_sync_del AFTER DELETE ON action_plans REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_plans();
--> statement-breakpoint
CREATE TRIGGER search_sync_ins AFTER INSERT ON plan_goals REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_plans();
--> statement-breakpoint
CREATE TRIGGER search_sync_upd AFTER UPDATE ON plan_goals REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_plans();
--> statement-breakpoint
CREATE TRIGGER search_sync_del AFTER DELETE ON plan_goals REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_plans();
--> statement-breakpoint
CREATE TRIGGER search_sync_ins AFTER INSERT ON plan_actions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_plans();
--> statement-breakpoint
CREATE TRIGGER search_sync_upd AFTER UPDATE ON plan_actions REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_plans();
--> statement-breakpoint
CREATE TRIGGER search_sync_del AFTER DELETE ON plan_actions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_plans();
--> statement-breakpoint
SELECT search_rebuild();
