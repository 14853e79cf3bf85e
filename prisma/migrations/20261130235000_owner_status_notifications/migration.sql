-- A disabled owner's tokens may be suspended by policy (Setting "tokens.suspendDisabledOwners"): a change of a
-- user's status or of any setting is announced to every instance as '*' on keyhold_token_changes, and their
-- token lookup caches are emptied, whichever code path (or operator's SQL) made the change.
CREATE FUNCTION "keyhold_notify_all_tokens"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('keyhold_token_changes', '*');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "User_notify_status_change"
  AFTER UPDATE OF "status" ON "User"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION "keyhold_notify_all_tokens"();

CREATE TRIGGER "Setting_notify_change"
  AFTER INSERT OR UPDATE OR DELETE ON "Setting"
  FOR EACH STATEMENT EXECUTE FUNCTION "keyhold_notify_all_tokens"();
