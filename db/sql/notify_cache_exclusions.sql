-- The notification bookkeeping tables (email subscriptions, opt-outs, unsubscribe links) are
-- private: anonymous pages never read them, and a public subscribe form must not empty the
-- response cache on every post. Same function as perf_cache_notify.sql with these three added
-- to the list of tables left out, and their triggers removed if an earlier install added them.
CREATE OR REPLACE FUNCTION neuvos_cache_install() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND c.relname NOT IN ('audit_log', 'sessions', 'auth_tokens', 'rate_limit_events', 'mail_messages',
                            'meeting_reminders', 'milestone_reminders', 'feedback_messages', 'calendar_feed_tokens',
                            'email_subscriptions', 'mail_opt_outs', 'unsubscribe_links')
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'neuvos_cache_notify')
  LOOP
    EXECUTE format('CREATE TRIGGER neuvos_cache_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION neuvos_cache_notify()', t);
  END LOOP;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS neuvos_cache_notify ON email_subscriptions;
--> statement-breakpoint
DROP TRIGGER IF EXISTS neuvos_cache_notify ON mail_opt_outs;
--> statement-breakpoint
DROP TRIGGER IF EXISTS neuvos_cache_notify ON unsubscribe_links;
