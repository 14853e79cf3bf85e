-- Every change that can end or alter a token's access is announced on the channel keyhold_token_changes with
-- the service account's id, whichever code path (or operator's SQL) made it. API instances cache token
-- lookups and evict on these notifications.
CREATE FUNCTION "keyhold_notify_token_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'ApiToken' THEN
    PERFORM pg_notify('keyhold_token_changes', COALESCE(NEW."serviceAccountId", OLD."serviceAccountId")::text);
  ELSE
    PERFORM pg_notify('keyhold_token_changes', OLD."id"::text);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ApiToken_notify_change"
  AFTER UPDATE OF "revokedAt", "expiresAt", "secretHash", "serviceAccountId" OR DELETE ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION "keyhold_notify_token_change"();

CREATE TRIGGER "ServiceAccount_notify_change"
  AFTER UPDATE OF "role", "ownerId", "name" OR DELETE ON "ServiceAccount"
  FOR EACH ROW EXECUTE FUNCTION "keyhold_notify_token_change"();
