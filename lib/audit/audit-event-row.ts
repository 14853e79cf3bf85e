import type { ChainedFields } from "./chain";

/** An audit event as the console and the exports show it: the chained fields, as text, and its hash. */
export type AuditEventRow = Omit<ChainedFields, "id" | "occurredAt"> & { id: string; occurredAt: string; hash: string };

// id stays a bigint here: an alias named id of another type would change what ORDER BY id means.
export const AUDIT_COLUMNS = `id, "occurredAt", "actorType", "actorId", "actorName", "actorTokenId", action, "targetType",
  "targetId", "targetName", ip, "userAgent", "requestId", result::text AS result, metadata, hash`;

export type AuditEventRecord = Omit<AuditEventRow, "id" | "occurredAt"> & { id: bigint; occurredAt: Date };

export function toAuditEventRow(row: AuditEventRecord): AuditEventRow {
  return { ...row, id: row.id.toString(), occurredAt: row.occurredAt.toISOString() };
}
