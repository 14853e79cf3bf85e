import { createHash, createHmac } from "node:crypto";

// The audit trail's tamper evidence: each event's hash covers the previous event's hash and this event's
// content, so changing, removing or inserting a row breaks the chain from there on. The hash is an HMAC
// under a key kept outside the database (lib/audit/audit-keys.ts), so whoever can write the database cannot
// recompute it; events from before keys existed (keyId null) keep their plain SHA-256.

export const GENESIS_HASH = "0".repeat(64);
/** Serialises audit writers so the chain never forks (held until the writing transaction ends). */
export const AUDIT_CHAIN_LOCK = 7_404_215_002;

export type ChainedFields = {
  id: bigint | string;
  occurredAt: Date;
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
};

/** JSON with object keys sorted at every level and undefined members left out: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

const CHAINED_KEYS = [
  "actorType", "actorId", "actorName", "actorTokenId", "action", "targetType", "targetId", "targetName", "ip", "userAgent", "requestId", "result",
] as const;

/** HMAC-SHA-256(key, prevHash ‖ canonical event); without a key, the legacy SHA-256 of the same text. */
export function eventHash(prevHash: string, event: ChainedFields, key: Buffer | null): string {
  const fields = Object.fromEntries(CHAINED_KEYS.map((name) => [name, event[name]]));
  const content = canonicalJson({ ...fields, id: event.id.toString(), occurredAt: event.occurredAt.toISOString(), metadata: event.metadata ?? null });
  return (key ? createHmac("sha256", key) : createHash("sha256")).update(prevHash).update(content).digest("hex");
}
