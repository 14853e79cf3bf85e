import type pg from "pg";
import { auditKeyring } from "./audit-keys";
import { eventHash, GENESIS_HASH, type ChainedFields } from "./chain";

export type ChainBreak = { id: string; reason: "content" | "link" | "unanchored" | "unknown_key" | "unkeyed"; message: string };
export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; firstBreak: ChainBreak };
export type VerifyOptions = {
  /** The keys events may be chained with, by id (default: the configured current and previous keys). */
  keys?: ReadonlyMap<string, Buffer>;
  onProgress?: (checked: number) => void;
};

const BATCH = 10_000;
type Row = ChainedFields & { id: string; prevHash: string; hash: string; keyId: string | null };

/**
 * Walks the whole chain in id order, in batches (constant memory), and reports the first event whose content
 * does not match its hash ("content": the row was edited) or whose link does not match the event before it
 * ("link": a row was removed or inserted before it). A chain that starts after a retention purge must start
 * at the hash a checkpoint event (audit.purged) recorded. Each keyed event is checked with the key its keyId
 * names; an event without a key after a keyed one is a rewrite by someone who lacked the key ("unkeyed").
 */
export async function verifyAuditChain(client: pg.Pool | pg.Client, { keys = auditKeyring().verifying, onProgress }: VerifyOptions = {}): Promise<VerifyResult> {
  let count = 0;
  let previous: Row | null = null;
  let firstKeyed: string | null = null;
  for (;;) {
    const after: string = previous ? previous.id : "0";
    const { rows }: { rows: Row[] } = await client.query<Row>(
      `SELECT id::text, "occurredAt", "actorType", "actorId", "actorName", "actorTokenId", action, "targetType", "targetId",
              "targetName", ip, "userAgent", "requestId", result, metadata, "prevHash", hash, "keyId"
         FROM "AuditEvent" WHERE "AuditEvent".id > $1::bigint ORDER BY "AuditEvent".id LIMIT ${BATCH}`,
      [after],
    );
    for (const row of rows) {
      const broken = (previous ? checkLink(previous, row) : await checkAnchor(client, row)) ?? checkContent(row, keys, firstKeyed);
      if (broken) return { ok: false, count, firstBreak: broken };
      firstKeyed ??= row.keyId ? row.id : null;
      count += 1;
      previous = row;
    }
    onProgress?.(count);
    if (rows.length < BATCH) return { ok: true, count };
  }
}

function checkContent(row: Row, keys: ReadonlyMap<string, Buffer>, firstKeyed: string | null): ChainBreak | null {
  if (row.keyId === null && firstKeyed !== null) {
    return { id: row.id, reason: "unkeyed", message: `Event ${row.id} has no audit key although event ${firstKeyed} before it was chained with one: it was rewritten without the key.` };
  }
  const key = row.keyId === null ? null : keys.get(row.keyId);
  if (key === undefined) {
    return { id: row.id, reason: "unknown_key", message: `Event ${row.id} was chained with key ${row.keyId}, which is not configured (KEYHOLD_AUDIT_KEY or KEYHOLD_AUDIT_PREVIOUS_KEYS).` };
  }
  if (eventHash(row.prevHash, row, key) === row.hash) return null;
  return { id: row.id, reason: "content", message: `Event ${row.id} was altered: its content no longer matches its hash.` };
}

function checkLink(previous: Row, row: Row): ChainBreak | null {
  if (row.prevHash === previous.hash) return null;
  return { id: row.id, reason: "link", message: `Event ${row.id} does not follow event ${previous.id}: an event between them was removed or inserted.` };
}

async function checkAnchor(client: pg.Pool | pg.Client, first: Row): Promise<ChainBreak | null> {
  if (first.prevHash === GENESIS_HASH) return null;
  const { rowCount } = await client.query(`SELECT 1 FROM "AuditEvent" WHERE action = 'audit.purged' AND metadata->>'lastPurgedHash' = $1 LIMIT 1`, [first.prevHash]);
  if (rowCount) return null;
  return { id: first.id, reason: "unanchored", message: `Event ${first.id} is the oldest, but no purge checkpoint accounts for the events before it.` };
}
