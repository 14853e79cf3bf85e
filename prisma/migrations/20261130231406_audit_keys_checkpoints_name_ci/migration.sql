-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "keyId" VARCHAR(32);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" BIGSERIAL NOT NULL,
    "eventId" BIGINT NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "count" BIGINT NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "keyId" VARCHAR(64) NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditCheckpoint_eventId_key" ON "AuditCheckpoint"("eventId");

-- CreateIndex
CREATE INDEX "AuditCheckpoint_signedAt_idx" ON "AuditCheckpoint"("signedAt");

-- Service-account names are unique whatever their case: "SP-x" next to "sp-x" would read as one account.
CREATE UNIQUE INDEX "ServiceAccount_name_lower_key" ON "ServiceAccount" (lower("name"));

-- Checkpoints are evidence: like audit events, they are never changed (retention never removes them either).
CREATE FUNCTION keyhold_audit_checkpoint_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit checkpoints are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "AuditCheckpoint_append_only" BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION keyhold_audit_checkpoint_immutable();
