/** An audit event as the console and the exports show it. */
export type AuditEventRow = {
  id: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  actorTokenId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  result: string;
  metadata: unknown;
  hash: string;
};

// id stays a bigint here: an alias named id of another type would change what ORDER BY id means.
export const AUDIT_COLUMNS = `id, "occurredAt", "actorType", "actorId", "actorName", "actorTokenId", action, "targetType",
  "targetId", "targetName", ip, "userAgent", "requestId", result::text AS result, metadata, hash`;

export type AuditEventRecord = Omit<AuditEventRow, "id" | "occurredAt"> & { id: bigint; occurredAt: Date };

export function toAuditEventRow(row: AuditEventRecord): AuditEventRow {
  return { ...row, id: row.id.toString(), occurredAt: row.occurredAt.toISOString() };
}
