-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" CHAR(64) NOT NULL,
ADD COLUMN     "prevHash" CHAR(64) NOT NULL;

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- The one sanctioned DELETE: retention's purge (lib/audit/purge-audit-events.ts) sets keyhold.audit_purge for
-- its transaction and leaves a checkpoint event carrying the last purged hash. UPDATE is never allowed.
CREATE OR REPLACE FUNCTION "keyhold_audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('keyhold.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP;
END;
$$;
