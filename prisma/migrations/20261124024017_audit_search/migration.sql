-- DropIndex
DROP INDEX "AuditEvent_action_occurredAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_actorId_occurredAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_targetId_occurredAt_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_action_id_idx" ON "AuditEvent"("action", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_id_idx" ON "AuditEvent"("actorId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_targetId_id_idx" ON "AuditEvent"("targetId", "id");

-- Substring search over names and metadata (the Audit Log's actor, target and free-text filters). The last
-- expression must stay identical to SEARCH_TEXT in lib/audit/audit-where.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "AuditEvent_actorName_trgm" ON "AuditEvent" USING GIN ("actorName" gin_trgm_ops);
CREATE INDEX "AuditEvent_targetName_trgm" ON "AuditEvent" USING GIN ("targetName" gin_trgm_ops);
CREATE INDEX "AuditEvent_search_trgm" ON "AuditEvent" USING GIN (
  (coalesce("actorName", '') || ' ' || coalesce("targetName", '') || ' ' || "action" || ' ' || coalesce("metadata"::text, '')) gin_trgm_ops
);
