-- Invalidation of the anonymous response cache (docs/decisions/, app/lib/response-cache.server.ts).
-- Every statement that changes a table the public pages may read sends NOTIFY neuvos_cache.
-- PostgreSQL delivers a notification only when its transaction commits, and collapses identical
-- notifications of one transaction into one, so every instance learns of each commit once.
CREATE OR REPLACE FUNCTION neuvos_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('neuvos_cache', 'public');
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Install the statement trigger on every table of the public schema except the private
-- bookkeeping ones that anonymous pages never read (and that change on reads or in jobs).
-- Idempotent; db/migrate.ts runs it after every migration so tables added later are covered.
CREATE OR REPLACE FUNCTION neuvos_cache_install() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND c.relname NOT IN ('audit_log', 'sessions', 'auth_tokens', 'rate_limit_events', 'mail_messages',
                            'meeting_reminders', 'milestone_reminders', 'feedback_messages', 'calendar_feed_tokens')
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'neuvos_cache_notify')
  LOOP
    EXECUTE format('CREATE TRIGGER neuvos_cache_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION neuvos_cache_notify()', t);
  END LOOP;
END
$$;
--> statement-breakpoint
SELECT neuvos_cache_install();
