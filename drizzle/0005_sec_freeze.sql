-- The freeze made complete in the database (issue 17). Every refusal raises SQLSTATE 'NV001'
-- ("NV" = Neuvos, a class PostgreSQL leaves to applications), which the app maps in one place
-- (app/models/db-errors.server.ts). Copy kept in db/sql/sec_freeze.sql.

-- Raise the dedicated freeze error.
CREATE OR REPLACE FUNCTION neuvos_refuse_frozen(what text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is frozen', what USING ERRCODE = 'NV001';
END;
$$;
--> statement-breakpoint

-- Whether a meeting's record is frozen: its minutes have an approved or published version.
CREATE OR REPLACE FUNCTION neuvos_meeting_frozen(meeting uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM minutes m JOIN minutes_versions v ON v.minutes_id = m.id
    WHERE m.meeting_id = meeting AND v.status IN ('approved', 'published')
  );
$$;
--> statement-breakpoint

-- Whether an action plan is past its draft (approved or published plans are frozen).
CREATE OR REPLACE FUNCTION neuvos_plan_frozen(plan uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM action_plans p WHERE p.id = plan AND p.status <> 'draft');
$$;
--> statement-breakpoint

-- 1. TRUNCATE skips row triggers: refuse it outright on every table that holds frozen rows.
CREATE OR REPLACE FUNCTION neuvos_no_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'TRUNCATE of % refused: it holds frozen records', TG_TABLE_NAME USING ERRCODE = 'NV001';
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['minutes', 'minutes_versions', 'decisions', 'attendance', 'recusals', 'minutes_checkers',
    'agenda_items', 'agenda_item_attachments', 'documents', 'annual_reports', 'action_plans', 'plan_goals',
    'plan_actions', 'plan_action_links', 'meetings', 'statements']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION neuvos_no_truncate()',
      t || '_no_truncate', t);
  END LOOP;
END;
$$;
--> statement-breakpoint

-- 2. The existing freeze triggers (migration 0001) raise the dedicated SQLSTATE from now on.
CREATE OR REPLACE FUNCTION neuvos_minutes_version_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('approved', 'published') THEN
    IF TG_OP = 'UPDATE' AND OLD.status = 'approved' AND NEW.status = 'published'
       AND (to_jsonb(NEW) - 'status' - 'published_at' - 'updated_at' - 'lock_version')
         = (to_jsonb(OLD) - 'status' - 'published_at' - 'updated_at' - 'lock_version') THEN
      RETURN NEW;
    END IF;
    PERFORM neuvos_refuse_frozen(format('minutes version %s', OLD.id));
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION neuvos_minutes_part_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE')
     AND EXISTS (SELECT 1 FROM minutes_versions WHERE id = OLD.version_id AND status IN ('approved', 'published')) THEN
    PERFORM neuvos_refuse_frozen(format('%s of minutes version %s', TG_TABLE_NAME, OLD.version_id));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM minutes_versions WHERE id = NEW.version_id AND status IN ('approved', 'published')) THEN
      PERFORM neuvos_refuse_frozen(format('%s of minutes version %s', TG_TABLE_NAME, NEW.version_id));
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION neuvos_annual_report_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('approved', 'published') THEN
    IF TG_OP = 'UPDATE' AND OLD.status = 'approved' AND NEW.status = 'published'
       AND (to_jsonb(NEW) - 'status' - 'published_at' - 'updated_at' - 'lock_version')
         = (to_jsonb(OLD) - 'status' - 'published_at' - 'updated_at' - 'lock_version') THEN
      RETURN NEW;
    END IF;
    PERFORM neuvos_refuse_frozen(format('annual report %s', OLD.id));
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint

-- 3. Agenda items: none changes, leaves, arrives or is added once the meeting's minutes are approved.
CREATE OR REPLACE FUNCTION neuvos_agenda_item_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND neuvos_meeting_frozen(OLD.meeting_id) THEN
    PERFORM neuvos_refuse_frozen(format('agenda item %s (approved minutes)', OLD.id));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND neuvos_meeting_frozen(NEW.meeting_id) THEN
    PERFORM neuvos_refuse_frozen(format('the agenda of meeting %s (approved minutes)', NEW.meeting_id));
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS agenda_items_freeze ON agenda_items;
--> statement-breakpoint
CREATE TRIGGER agenda_items_freeze BEFORE INSERT OR UPDATE OR DELETE ON agenda_items
  FOR EACH ROW EXECUTE FUNCTION neuvos_agenda_item_freeze();
--> statement-breakpoint

-- 4. Minutes never move to another meeting or council.
CREATE OR REPLACE FUNCTION neuvos_minutes_pinned() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.meeting_id IS DISTINCT FROM OLD.meeting_id OR NEW.council_id IS DISTINCT FROM OLD.council_id THEN
    PERFORM neuvos_refuse_frozen(format('the meeting of minutes %s', OLD.id));
  END IF;
  IF neuvos_meeting_frozen(OLD.meeting_id) AND to_jsonb(NEW) <> to_jsonb(OLD) THEN
    PERFORM neuvos_refuse_frozen(format('minutes %s', OLD.id));
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER minutes_pinned BEFORE UPDATE ON minutes
  FOR EACH ROW EXECUTE FUNCTION neuvos_minutes_pinned();
--> statement-breakpoint

-- 5. Attachments of frozen items, and the documents behind them, are part of the record.
CREATE OR REPLACE FUNCTION neuvos_attachment_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE')
     AND neuvos_meeting_frozen((SELECT meeting_id FROM agenda_items WHERE id = OLD.agenda_item_id)) THEN
    PERFORM neuvos_refuse_frozen(format('attachment %s (approved minutes)', OLD.id));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE')
     AND neuvos_meeting_frozen((SELECT meeting_id FROM agenda_items WHERE id = NEW.agenda_item_id)) THEN
    PERFORM neuvos_refuse_frozen(format('attachments of agenda item %s (approved minutes)', NEW.agenda_item_id));
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER agenda_item_attachments_freeze BEFORE INSERT OR UPDATE OR DELETE ON agenda_item_attachments
  FOR EACH ROW EXECUTE FUNCTION neuvos_attachment_freeze();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION neuvos_document_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM agenda_item_attachments a JOIN agenda_items i ON i.id = a.agenda_item_id
    WHERE a.document_id = OLD.id AND neuvos_meeting_frozen(i.meeting_id)
  ) THEN
    PERFORM neuvos_refuse_frozen(format('document %s (part of a frozen record)', OLD.id));
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER documents_freeze BEFORE UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION neuvos_document_freeze();
--> statement-breakpoint

-- 6. Approved action plans are frozen like annual reports: the only change left to the plan row is
-- publishing it. Goals and the plan content of actions are frozen with it; an action's progress
-- (status, outcome) and where the council dealt with it (plan_action_links) are the year's
-- follow-up and stay recordable, audited, on an approved plan.
CREATE OR REPLACE FUNCTION neuvos_action_plan_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('approved', 'published') THEN
    IF TG_OP = 'UPDATE' AND OLD.status = 'approved' AND NEW.status = 'published'
       AND (to_jsonb(NEW) - 'status' - 'published_at' - 'updated_at' - 'lock_version')
         = (to_jsonb(OLD) - 'status' - 'published_at' - 'updated_at' - 'lock_version') THEN
      RETURN NEW;
    END IF;
    PERFORM neuvos_refuse_frozen(format('action plan %s', OLD.id));
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER action_plans_freeze BEFORE UPDATE OR DELETE ON action_plans
  FOR EACH ROW EXECUTE FUNCTION neuvos_action_plan_freeze();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION neuvos_plan_goal_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND neuvos_plan_frozen(OLD.plan_id) THEN
    PERFORM neuvos_refuse_frozen(format('goal %s of an approved plan', OLD.id));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND neuvos_plan_frozen(NEW.plan_id) THEN
    PERFORM neuvos_refuse_frozen(format('goals of approved plan %s', NEW.plan_id));
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_goals_freeze BEFORE INSERT OR UPDATE OR DELETE ON plan_goals
  FOR EACH ROW EXECUTE FUNCTION neuvos_plan_goal_freeze();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION neuvos_plan_action_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_frozen boolean := TG_OP <> 'INSERT' AND neuvos_plan_frozen((SELECT plan_id FROM plan_goals WHERE id = OLD.goal_id));
  new_frozen boolean := TG_OP <> 'DELETE' AND neuvos_plan_frozen((SELECT plan_id FROM plan_goals WHERE id = NEW.goal_id));
BEGIN
  IF TG_OP = 'UPDATE' AND old_frozen AND new_frozen AND NEW.goal_id = OLD.goal_id
     AND (to_jsonb(NEW) - 'status' - 'outcome' - 'updated_at' - 'lock_version')
       = (to_jsonb(OLD) - 'status' - 'outcome' - 'updated_at' - 'lock_version') THEN
    RETURN NEW; -- progress of an approved plan's action
  END IF;
  IF old_frozen THEN
    PERFORM neuvos_refuse_frozen(format('action %s of an approved plan', OLD.id));
  END IF;
  IF new_frozen THEN
    PERFORM neuvos_refuse_frozen('actions of an approved plan');
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_actions_freeze BEFORE INSERT OR UPDATE OR DELETE ON plan_actions
  FOR EACH ROW EXECUTE FUNCTION neuvos_plan_action_freeze();
