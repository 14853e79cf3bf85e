-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "leakReportSource" VARCHAR(200),
ADD COLUMN     "leakReportUrl" VARCHAR(2048),
ADD COLUMN     "leakReportedAt" TIMESTAMPTZ(3),
ADD COLUMN     "leakReporterIp" VARCHAR(64),
ADD COLUMN     "resumedAt" TIMESTAMPTZ(3),
ADD COLUMN     "suspendedAt" TIMESTAMPTZ(3);

-- Suspending or resuming a token ends or restores its access: announced and bumping the token epoch like a
-- revocation (migrations token_change_notifications, token_epoch and fine_grained_access).
DROP TRIGGER "ApiToken_notify_change" ON "ApiToken";
CREATE TRIGGER "ApiToken_notify_change"
  AFTER UPDATE OF "revokedAt", "expiresAt", "secretHash", "serviceAccountId", "fullAccess", "scopes", "allowedIps", "suspendedAt" OR DELETE ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION "keyhold_notify_token_change"();

DROP TRIGGER "ApiToken_bump_token_epoch" ON "ApiToken";
CREATE CONSTRAINT TRIGGER "ApiToken_bump_token_epoch"
  AFTER UPDATE OF "revokedAt", "expiresAt", "secretHash", "serviceAccountId", "fullAccess", "scopes", "allowedIps", "suspendedAt" OR DELETE ON "ApiToken"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keyhold_bump_token_epoch"();
