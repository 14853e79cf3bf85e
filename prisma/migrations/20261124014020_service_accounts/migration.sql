-- CreateEnum
CREATE TYPE "ServiceAccountRole" AS ENUM ('ADMIN', 'CONTRIBUTOR', 'VIEWER', 'AUDITOR', 'INTROSPECTOR');

-- CreateTable
CREATE TABLE "ServiceAccount" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(64) NOT NULL,
    "description" VARCHAR(500) NOT NULL DEFAULT '',
    "role" "ServiceAccountRole" NOT NULL,
    "ownerId" UUID NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "tokenExpiresAt" TIMESTAMPTZ(3),
    "tokenRevokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ServiceAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "publicId" VARCHAR(32) NOT NULL,
    "serviceAccountId" UUID NOT NULL,
    "secretHash" CHAR(64) NOT NULL,
    "hint" VARCHAR(16) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,
    "replacedById" UUID,
    "lastUsedAt" TIMESTAMPTZ(3),
    "lastUsedIp" TEXT,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceAccount_name_key" ON "ServiceAccount"("name");

-- CreateIndex
CREATE INDEX "ServiceAccount_ownerId_createdAt_idx" ON "ServiceAccount"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "ServiceAccount_createdAt_idx" ON "ServiceAccount"("createdAt");

-- CreateIndex
CREATE INDEX "ServiceAccount_role_createdAt_idx" ON "ServiceAccount"("role", "createdAt");

-- CreateIndex
CREATE INDEX "ServiceAccount_tokenExpiresAt_idx" ON "ServiceAccount"("tokenExpiresAt");

-- CreateIndex
CREATE INDEX "ServiceAccount_lastUsedAt_idx" ON "ServiceAccount"("lastUsedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_publicId_key" ON "ApiToken"("publicId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_secretHash_key" ON "ApiToken"("secretHash");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_replacedById_key" ON "ApiToken"("replacedById");

-- CreateIndex
CREATE INDEX "ApiToken_serviceAccountId_createdAt_idx" ON "ApiToken"("serviceAccountId", "createdAt");

-- AddForeignKey
ALTER TABLE "ServiceAccount" ADD CONSTRAINT "ServiceAccount_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_serviceAccountId_fkey" FOREIGN KEY ("serviceAccountId") REFERENCES "ServiceAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;
