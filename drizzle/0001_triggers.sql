-- Custom SQL migration file, put your code below! ---- Rules the database enforces itself, so that no application bug can break them.
-- drizzle-kit cannot express triggers; this file was created with `drizzle-kit generate --custom`.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint

-- 1. The audit log is append-only.
CREATE OR REPLACE FUNCTION neuvos_audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION neuvos_audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION neuvos_audit_log_append_only();
--> statement-breakpoint

-- 2. An approved minutes version is frozen; the only change left is publishing it.
CREATE OR REPLACE FUNCTION neuvos_minutes_version_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('approved', 'published') THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'minutes version % is frozen', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.status = 'approved' AND NEW.status = 'published'
       AND (to_jsonb(NEW) - 'status' - 'published_at' - 'updated_at' - 'lock_version')
         = (to_jsonb(OLD) - 'status' - 'published_at' - 'updated_at' - 'lock_version') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'minutes version % is frozen', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER minutes_versions_freeze BEFORE UPDATE OR DELETE ON minutes_versions
  FOR EACH ROW EXECUTE FUNCTION neuvos_minutes_version_freeze();
--> statement-breakpoint

-- 3. Rows that make up a frozen version (decisions, attendance, recusals, checkers) are frozen with it.
CREATE OR REPLACE FUNCTION neuvos_minutes_part_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  frozen boolean;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT status IN ('approved', 'published') INTO frozen FROM minutes_versions WHERE id = OLD.version_id;
    IF frozen THEN
      RAISE EXCEPTION '% of frozen minutes version % cannot change', TG_TABLE_NAME, OLD.version_id
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT status IN ('approved', 'published') INTO frozen FROM minutes_versions WHERE id = NEW.version_id;
    IF frozen THEN
      RAISE EXCEPTION '% of frozen minutes version % cannot change', TG_TABLE_NAME, NEW.version_id
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER decisions_freeze BEFORE INSERT OR UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION neuvos_minutes_part_freeze();
--> statement-breakpoint
CREATE TRIGGER attendance_freeze BEFORE INSERT OR UPDATE OR DELETE ON attendance
  FOR EACH ROW EXECUTE FUNCTION neuvos_minutes_part_freeze();
--> statement-breakpoint
CREATE TRIGGER recusals_freeze BEFORE INSERT OR UPDATE OR DELETE ON recusals
  FOR EACH ROW EXECUTE FUNCTION neuvos_minutes_part_freeze();
--> statement-breakpoint
CREATE TRIGGER minutes_checkers_freeze BEFORE INSERT OR UPDATE OR DELETE ON minutes_checkers
  FOR EACH ROW EXECUTE FUNCTION neuvos_minutes_part_freeze();
--> statement-breakpoint

-- 4. Agenda items whose meeting has approved minutes are part of the record: frozen too.
CREATE OR REPLACE FUNCTION neuvos_agenda_item_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM minutes m JOIN minutes_versions v ON v.minutes_id = m.id
    WHERE m.meeting_id = OLD.meeting_id AND v.status IN ('approved', 'published')
  ) THEN
    RAISE EXCEPTION 'agenda item % belongs to approved minutes and is frozen', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER agenda_items_freeze BEFORE UPDATE OR DELETE ON agenda_items
  FOR EACH ROW EXECUTE FUNCTION neuvos_agenda_item_freeze();
--> statement-breakpoint

-- 5. An approved annual report is frozen; the only change left is publishing it.
CREATE OR REPLACE FUNCTION neuvos_annual_report_freeze() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('approved', 'published') THEN
    IF TG_OP = 'UPDATE' AND OLD.status = 'approved' AND NEW.status = 'published'
       AND (to_jsonb(NEW) - 'status' - 'published_at' - 'updated_at' - 'lock_version')
         = (to_jsonb(OLD) - 'status' - 'published_at' - 'updated_at' - 'lock_version') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'annual report % is frozen', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER annual_reports_freeze BEFORE UPDATE OR DELETE ON annual_reports
  FOR EACH ROW EXECUTE FUNCTION neuvos_annual_report_freeze();
