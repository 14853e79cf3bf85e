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

export const AUDIT_COLUMNS = `id::text AS id, "occurredAt", "actorType", "actorId", "actorName", "actorTokenId", action, "targetType",
  "targetId", "targetName", ip, "userAgent", "requestId", result::text AS result, metadata, hash`;

export function toAuditEventRow(row: Omit<AuditEventRow, "occurredAt"> & { occurredAt: Date }): AuditEventRow {
  return { ...row, occurredAt: row.occurredAt.toISOString() };
}
