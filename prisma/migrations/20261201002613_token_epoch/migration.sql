-- CreateTable
CREATE TABLE "TokenEpoch" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "TokenEpoch_pkey" PRIMARY KEY ("id")
);

-- The single row every instance reads per API request (lib/api/token-cache.ts). The triggers below bump it in the
-- same transaction as every change the keyhold_token_changes notifications announce, so once that transaction
-- has committed (before any response says it has), a request that reads the epoch sees the new value and no
-- cached lookup read at an older value is used. The triggers are deferred to commit: the row's lock is then the
-- last a transaction takes and is held only while it commits, so it cannot take part in a deadlock.
INSERT INTO "TokenEpoch" ("id", "value") VALUES (1, 0);

CREATE FUNCTION "keyhold_bump_token_epoch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "TokenEpoch" SET "value" = "value" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "ApiToken_bump_token_epoch"
  AFTER UPDATE OF "revokedAt", "expiresAt", "secretHash", "serviceAccountId" OR DELETE ON "ApiToken"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keyhold_bump_token_epoch"();

CREATE CONSTRAINT TRIGGER "ServiceAccount_bump_token_epoch"
  AFTER UPDATE OF "role", "ownerId", "name" OR DELETE ON "ServiceAccount"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keyhold_bump_token_epoch"();

CREATE CONSTRAINT TRIGGER "User_bump_token_epoch"
  AFTER UPDATE OF "status" ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION "keyhold_bump_token_epoch"();

CREATE CONSTRAINT TRIGGER "Setting_bump_token_epoch"
  AFTER INSERT OR UPDATE OR DELETE ON "Setting"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keyhold_bump_token_epoch"();
