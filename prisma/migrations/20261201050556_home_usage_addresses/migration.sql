-- CreateTable
CREATE TABLE "TokenClientAddress" (
    "tokenId" UUID NOT NULL,
    "ip" VARCHAR(45) NOT NULL,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TokenClientAddress_pkey" PRIMARY KEY ("tokenId","ip")
);

-- CreateIndex
CREATE INDEX "TokenClientAddress_tokenId_lastSeenAt_idx" ON "TokenClientAddress"("tokenId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "ServiceAccount_ownerId_tokenExpiresAt_idx" ON "ServiceAccount"("ownerId", "tokenExpiresAt");

-- CreateIndex
CREATE INDEX "ServiceAccount_ownerId_lastUsedAt_idx" ON "ServiceAccount"("ownerId", "lastUsedAt");

-- CreateIndex
CREATE INDEX "ApiToken_expiresAt_idx" ON "ApiToken"("expiresAt");

-- CreateIndex
CREATE INDEX "ApiToken_lastUsedAt_idx" ON "ApiToken"("lastUsedAt");

-- AddForeignKey
ALTER TABLE "TokenClientAddress" ADD CONSTRAINT "TokenClientAddress_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;
