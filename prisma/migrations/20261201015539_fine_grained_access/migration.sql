-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "allowedIps" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "description" VARCHAR(500) NOT NULL DEFAULT '',
ADD COLUMN     "fullAccess" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "name" VARCHAR(64) NOT NULL DEFAULT 'default',
ADD COLUMN     "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "Scope" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(64) NOT NULL,
    "description" VARCHAR(500) NOT NULL DEFAULT '',
    "minimumRole" "Role" NOT NULL DEFAULT 'CONTRIBUTOR',
    "archivedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Scope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceType" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(64) NOT NULL,
    "roles" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ResourceType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resource" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "typeId" UUID NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceGrant" (
    "serviceAccountId" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "role" VARCHAR(64) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourceGrant_pkey" PRIMARY KEY ("serviceAccountId","resourceId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Scope_name_key" ON "Scope"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ResourceType_name_key" ON "ResourceType"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Resource_typeId_name_key" ON "Resource"("typeId", "name");

-- CreateIndex
CREATE INDEX "ResourceGrant_resourceId_idx" ON "ResourceGrant"("resourceId");

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "ResourceType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceGrant" ADD CONSTRAINT "ResourceGrant_serviceAccountId_fkey" FOREIGN KEY ("serviceAccountId") REFERENCES "ServiceAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceGrant" ADD CONSTRAINT "ResourceGrant_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A token's scopes and allowed ranges, and its account's grants, are part of every cached token lookup: changing
-- them is announced and bumps the token epoch like a revocation (migrations token_change_notifications and
-- token_epoch).
DROP TRIGGER "ApiToken_notify_change" ON "ApiToken";
CREATE TRIGGER "ApiToken_notify_change"
  AFTER UPDATE OF "revokedAt", "expiresAt", "secretHash", "serviceAccountId", "fullAccess", "scopes", "allowedIps" OR DELETE ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION "keyhold_notify_token_change"();

DROP TRIGGER "ApiToken_bump_token_epoch" ON "ApiToken";
CREATE CONSTRAINT TRIGGER "ApiToken_bump_token_epoch"
  AFTER UPDATE OF "revokedAt", "expiresAt", "secretHash", "serviceAccountId", "fullAccess", "scopes", "allowedIps" OR DELETE ON "ApiToken"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keyhold_bump_token_epoch"();

-- A grant concerns one account; a resource or resource type may concern any number ("*": every lookup).
CREATE FUNCTION "keyhold_notify_grant_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'ResourceGrant' THEN
    PERFORM pg_notify('keyhold_token_changes', COALESCE(NEW."serviceAccountId", OLD."serviceAccountId")::text);
  ELSE
    PERFORM pg_notify('keyhold_token_changes', '*');
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ResourceGrant_notify_change"
  AFTER INSERT OR UPDATE OR DELETE ON "ResourceGrant"
  FOR EACH ROW EXECUTE FUNCTION "keyhold_notify_grant_change"();
CREATE CONSTRAINT TRIGGER "ResourceGrant_bump_token_epoch"
  AFTER INSERT OR UPDATE OR DELETE ON "ResourceGrant"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keyhold_bump_token_epoch"();

CREATE TRIGGER "Resource_notify_change"
  AFTER UPDATE OF "name", "typeId", "archivedAt" OR DELETE ON "Resource"
  FOR EACH ROW EXECUTE FUNCTION "keyhold_notify_grant_change"();
CREATE CONSTRAINT TRIGGER "Resource_bump_token_epoch"
  AFTER UPDATE OF "name", "typeId", "archivedAt" OR DELETE ON "Resource"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keyhold_bump_token_epoch"();

CREATE TRIGGER "ResourceType_notify_change"
  AFTER UPDATE OF "name", "roles" OR DELETE ON "ResourceType"
  FOR EACH ROW EXECUTE FUNCTION "keyhold_notify_grant_change"();
CREATE CONSTRAINT TRIGGER "ResourceType_bump_token_epoch"
  AFTER UPDATE OF "name", "roles" OR DELETE ON "ResourceType"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keyhold_bump_token_epoch"();

-- Humanitec's two examples, editable in Admin → Resources.
INSERT INTO "ResourceType" ("name", "roles", "updatedAt") VALUES
  ('application', ARRAY['viewer', 'developer', 'owner'], now()),
  ('environment-type', ARRAY['deployer'], now());
