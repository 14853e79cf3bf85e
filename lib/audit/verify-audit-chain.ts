import type pg from "pg";
import { auditKeyring, type CheckpointSigner } from "./audit-keys";
import { eventHash, GENESIS_HASH, type ChainedFields } from "./chain";
import { signedBy } from "./checkpoints/checkpoint-statement";

export type ChainBreak = { id: string; reason: "content" | "link" | "unanchored" | "unknown_key" | "unkeyed" | "checkpoint"; message: string };
export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; firstBreak: ChainBreak };
export type VerifyOptions = {
  /** The keys events may be chained with, by id (default: the configured current and previous keys). */
  keys?: ReadonlyMap<string, Buffer>;
  /** The key whose checkpoints stored beside the events are checked too (default: the configured one). */
  checkpointKey?: Pick<CheckpointSigner, "fingerprint" | "publicKey">;
  onProgress?: (checked: number) => void;
};

const BATCH = 10_000;
type Row = ChainedFields & { id: string; prevHash: string; hash: string; keyId: string | null } & CheckpointColumns;
/** The signed checkpoint of this event, if there is one. */
type CheckpointColumns = { cpHash: string | null; cpCount: string | null; cpAt: Date | null; cpKeyId: string | null; cpSignature: string | null };

/**
 * Walks the whole chain in id order, in batches (constant memory), and reports the first event whose content
 * does not match its hash ("content": the row was edited) or whose link does not match the event before it
 * ("link": a row was removed or inserted before it). A chain that starts after a retention purge must start
 * at the hash a checkpoint event (audit.purged) recorded. Each keyed event is checked with the key its keyId
 * names; an event without a key after a keyed one is a rewrite by someone who lacked the key ("unkeyed").
 * An event whose signed checkpoint (stored beside it) recorded another hash was rewritten ("checkpoint"):
 * that catches even a rewrite of every event as "from before keys", unless the checkpoints were deleted too,
 * which only the copies auditors keep outside Keyhold reveal (audit:verify --checkpoint).
 */
export async function verifyAuditChain(
  client: pg.Pool | pg.Client,
  { keys = auditKeyring().verifying, checkpointKey = auditKeyring().signer, onProgress }: VerifyOptions = {},
): Promise<VerifyResult> {
  let count = 0;
  let previous: Row | null = null;
  let firstKeyed: string | null = null;
  for (;;) {
    const after: string = previous ? previous.id : "0";
    const { rows }: { rows: Row[] } = await client.query<Row>(
      `SELECT e.id::text, e."occurredAt", e."actorType", e."actorId", e."actorName", e."actorTokenId", e.action, e."targetType", e."targetId",
              e."targetName", e.ip, e."userAgent", e."requestId", e.result, e.metadata, e."prevHash", e.hash, e."keyId",
              c.hash AS "cpHash", c.count::text AS "cpCount", c."signedAt" AS "cpAt", c."keyId" AS "cpKeyId", c.signature AS "cpSignature"
         FROM "AuditEvent" e LEFT JOIN "AuditCheckpoint" c ON c."eventId" = e.id
        WHERE e.id > $1::bigint ORDER BY e.id LIMIT ${BATCH}`,
      [after],
    );
    for (const row of rows) {
      const broken = (previous ? checkLink(previous, row) : await checkAnchor(client, row)) ?? checkContent(row, keys, firstKeyed) ?? checkCheckpoint(row, checkpointKey);
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

function checkCheckpoint(row: Row, key: Pick<CheckpointSigner, "fingerprint" | "publicKey">): ChainBreak | null {
  // Checkpoints signed by an earlier signing key cannot be checked here; the files auditors keep can.
  if (row.cpSignature === null || row.cpKeyId !== key.fingerprint) return null;
  const statement = { eventId: row.id, hash: row.cpHash!, count: Number(row.cpCount), time: row.cpAt!.toISOString() };
  if (!signedBy(statement, row.cpSignature, key.publicKey)) {
    return { id: row.id, reason: "checkpoint", message: `The signed checkpoint of event ${row.id} does not match its signature: the checkpoints were edited.` };
  }
  if (row.cpHash === row.hash) return null;
  return { id: row.id, reason: "checkpoint", message: `Event ${row.id} no longer has the hash its signed checkpoint recorded: the log was rewritten at or before event ${row.id}.` };
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
