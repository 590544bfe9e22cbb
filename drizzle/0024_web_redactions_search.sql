-- The web copy's personal-data removal reaches the search index (issue 14.4). Copy of the custom
-- migration web_redactions_search (decision 007). An agenda item whose display period has ended
-- (a web_redactions row without attachment) or whose personal data is of a special category or
-- about criminal matters (never on the web, Ahjo practice) keeps only its title in search: its
-- body, proposal, decision, discussion and plain summary, in every language (content_languages_search), are left out. Same columns as the view of 0007.
CREATE OR REPLACE VIEW search_source_items AS
  SELECT CASE WHEN d.id IS NULL THEN 'agenda_item' ELSE 'decision' END AS type, ai.id, c.id AS council_id,
    c.region_id, m.id AS meeting_id, ai.id AS item_id, NULL::int AS plan_year,
    (m.starts_at AT TIME ZONE 'Europe/Helsinki')::date AS doc_date,
    extract(year FROM m.starts_at AT TIME ZONE 'Europe/Helsinki')::int AS year_from,
    extract(year FROM m.starts_at AT TIME ZONE 'Europe/Helsinki')::int AS year_to,
    ai.title, ai.title_sv AS title_sv, ai.title_en AS title_en,
    CASE WHEN ai.personal_data_class IN ('special', 'criminal')
           OR EXISTS (SELECT 1 FROM web_redactions wr WHERE wr.agenda_item_id = ai.id AND wr.attachment_id IS NULL)
         THEN NULL
         ELSE concat_ws(E'\n', ai.body, ai.proposal, d.decision, d.discussion, ai.plain_summary_fi,
           ai.body_sv, ai.proposal_sv, d.decision_sv, ai.plain_summary_sv,
           ai.body_en, ai.proposal_en, d.decision_en, ai.plain_summary_en) END AS body,
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
CREATE OR REPLACE FUNCTION search_sync_web_redactions() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER search_sync_ins AFTER INSERT ON web_redactions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_web_redactions();
--> statement-breakpoint
CREATE TRIGGER search_sync_del AFTER DELETE ON web_redactions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_sync_web_redactions();
