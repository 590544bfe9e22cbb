-- Votes by name (member_votes) are part of a minutes version: frozen with it like decisions,
-- attendance and recusals (SQLSTATE NV001), and never truncated. A member who is recused from
-- an item (esteellisyys) cannot have a vote on it, whichever of the two is written first.
-- Copy kept in db/sql/member_votes_freeze.sql.
CREATE TRIGGER member_votes_freeze BEFORE INSERT OR UPDATE OR DELETE ON member_votes
  FOR EACH ROW EXECUTE FUNCTION neuvos_minutes_part_freeze();
--> statement-breakpoint
CREATE TRIGGER member_votes_no_truncate BEFORE TRUNCATE ON member_votes
  FOR EACH STATEMENT EXECUTE FUNCTION neuvos_no_truncate();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION neuvos_recused_no_vote() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'member_votes' THEN
    IF EXISTS (SELECT 1 FROM recusals r WHERE r.version_id = NEW.version_id AND r.agenda_item_id = NEW.agenda_item_id
               AND r.person_id = NEW.person_id) THEN
      RAISE EXCEPTION 'person % is recused from item % and cannot vote on it', NEW.person_id, NEW.agenda_item_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'member_votes_not_recused';
    END IF;
  ELSIF EXISTS (SELECT 1 FROM member_votes v WHERE v.version_id = NEW.version_id AND v.agenda_item_id = NEW.agenda_item_id
                AND v.person_id = NEW.person_id) THEN
    RAISE EXCEPTION 'person % has a vote on item %; remove it before recording a recusal', NEW.person_id, NEW.agenda_item_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'member_votes_not_recused';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER member_votes_not_recused BEFORE INSERT OR UPDATE ON member_votes
  FOR EACH ROW EXECUTE FUNCTION neuvos_recused_no_vote();
--> statement-breakpoint
CREATE TRIGGER recusals_not_voted BEFORE INSERT OR UPDATE ON recusals
  FOR EACH ROW EXECUTE FUNCTION neuvos_recused_no_vote();
