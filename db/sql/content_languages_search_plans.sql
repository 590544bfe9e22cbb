-- Plan goals and actions carry Swedish and English titles too (issue #14): the plan's search
-- document holds them, so a Swedish query finds a plan by a goal's Swedish title. Replaces
-- search_source_plans of content_languages_search. Created with
-- `drizzle-kit generate --custom --name content_languages_search_plans`; copy in db/sql/.
CREATE OR REPLACE VIEW search_source_plans AS
  SELECT 'plan'::text AS type, p.id, c.id AS council_id, c.region_id, NULL::uuid AS meeting_id,
    NULL::uuid AS item_id, p.year AS plan_year, (p.published_at AT TIME ZONE 'Europe/Helsinki')::date AS doc_date,
    p.year AS year_from, p.year AS year_to, p.title, p.title_sv AS title_sv, p.title_en AS title_en,
    concat_ws(E'\n', p.introduction, p.introduction_sv, p.introduction_en, (
      SELECT string_agg(concat_ws(E'\n', g.title, g.title_sv, g.title_en, g.description, (
          SELECT string_agg(concat_ws(E'\n', a.title, a.title_sv, a.title_en, a.description), E'\n' ORDER BY a.position)
          FROM plan_actions a WHERE a.goal_id = g.id)), E'\n' ORDER BY g.position)
      FROM plan_goals g WHERE g.plan_id = p.id)) AS body,
    concat_ws(' ', p.title, p.title_sv, p.title_en) AS raw_title
  FROM action_plans p JOIN councils c ON c.id = p.council_id
  WHERE p.status = 'published' AND p.published_at IS NOT NULL AND c.publicity_default = 'public';
--> statement-breakpoint
SELECT search_rebuild();
