-- Search indexes every language version of the records (issue #14, content in the council's
-- languages). Replaces the search_source_* views of search_documents_sync (0007) with ones that
-- carry the Swedish and English titles and texts: title_sv/title_en are filled and shown to a
-- Swedish or English reader, raw_title and body hold every language so a Swedish query finds a
-- Swedish title. Created with `drizzle-kit generate --custom --name content_languages_search`;
-- copy in db/sql/content_languages_search.sql. Column lists and order are those of 0007.
CREATE OR REPLACE VIEW search_source_items AS
  SELECT CASE WHEN d.id IS NULL THEN 'agenda_item' ELSE 'decision' END AS type, ai.id, c.id AS council_id,
    c.region_id, m.id AS meeting_id, ai.id AS item_id, NULL::int AS plan_year,
    (m.starts_at AT TIME ZONE 'Europe/Helsinki')::date AS doc_date,
    extract(year FROM m.starts_at AT TIME ZONE 'Europe/Helsinki')::int AS year_from,
    extract(year FROM m.starts_at AT TIME ZONE 'Europe/Helsinki')::int AS year_to,
    ai.title, ai.title_sv AS title_sv, ai.title_en AS title_en,
    concat_ws(E'\n', ai.body, ai.proposal, d.decision, d.discussion, ai.plain_summary_fi,
      ai.body_sv, ai.proposal_sv, d.decision_sv, ai.plain_summary_sv,
      ai.body_en, ai.proposal_en, d.decision_en, ai.plain_summary_en) AS body,
    concat_ws(' ', ai.title, ai.title_sv, ai.title_en) AS raw_title
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
CREATE OR REPLACE VIEW search_source_minutes AS
  SELECT 'minutes'::text AS type, mi.id, c.id AS council_id, c.region_id, m.id AS meeting_id,
    NULL::uuid AS item_id, NULL::int AS plan_year,
    (m.starts_at AT TIME ZONE 'Europe/Helsinki')::date AS doc_date,
    extract(year FROM m.starts_at AT TIME ZONE 'Europe/Helsinki')::int AS year_from,
    extract(year FROM m.starts_at AT TIME ZONE 'Europe/Helsinki')::int AS year_to,
    m.title, m.title_sv AS title_sv, m.title_en AS title_en, lv.summary AS body,
    concat_ws(' ', m.title, m.title_sv, m.title_en) AS raw_title
  FROM minutes mi
    JOIN meetings m ON m.id = mi.meeting_id
    JOIN councils c ON c.id = m.council_id
    JOIN LATERAL (
      SELECT v.summary FROM minutes_versions v
      WHERE v.minutes_id = mi.id AND v.status = 'published'
      ORDER BY v.version_no DESC LIMIT 1) lv ON true
  WHERE m.publicity = 'public' AND c.publicity_default = 'public';
--> statement-breakpoint
CREATE OR REPLACE VIEW search_source_statements AS
  SELECT 'statement'::text AS type, s.id, c.id AS council_id, c.region_id, NULL::uuid AS meeting_id,
    NULL::uuid AS item_id, NULL::int AS plan_year, dd.day AS doc_date,
    extract(year FROM dd.day)::int AS year_from, extract(year FROM dd.day)::int AS year_to,
    s.title, s.title_sv AS title_sv, s.title_en AS title_en,
    concat_ws(E'\n', s.body, s.recipient, s.response, s.body_sv, s.body_en) AS body,
    concat_ws(' ', s.title, s.title_sv, s.title_en) AS raw_title
  FROM statements s
    JOIN councils c ON c.id = s.council_id
    CROSS JOIN LATERAL (SELECT coalesce(s.issued_on, (s.published_at AT TIME ZONE 'Europe/Helsinki')::date) AS day) dd
  WHERE s.published_at IS NOT NULL AND s.status <> 'draft' AND c.publicity_default = 'public';
--> statement-breakpoint
CREATE OR REPLACE VIEW search_source_plans AS
  SELECT 'plan'::text AS type, p.id, c.id AS council_id, c.region_id, NULL::uuid AS meeting_id,
    NULL::uuid AS item_id, p.year AS plan_year, (p.published_at AT TIME ZONE 'Europe/Helsinki')::date AS doc_date,
    p.year AS year_from, p.year AS year_to, p.title, p.title_sv AS title_sv, p.title_en AS title_en,
    concat_ws(E'\n', p.introduction, p.introduction_sv, p.introduction_en, (
      SELECT string_agg(concat_ws(E'\n', g.title, g.description, (
          SELECT string_agg(concat_ws(E'\n', a.title, a.description), E'\n' ORDER BY a.position)
          FROM plan_actions a WHERE a.goal_id = g.id)), E'\n' ORDER BY g.position)
      FROM plan_goals g WHERE g.plan_id = p.id)) AS body,
    concat_ws(' ', p.title, p.title_sv, p.title_en) AS raw_title
  FROM action_plans p JOIN councils c ON c.id = p.council_id
  WHERE p.status = 'published' AND p.published_at IS NOT NULL AND c.publicity_default = 'public';
--> statement-breakpoint
SELECT search_rebuild();
