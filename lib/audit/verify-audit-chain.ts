import type pg from "pg";
import { eventHash, GENESIS_HASH, type ChainedFields } from "./chain";

export type ChainBreak = { id: string; reason: "content" | "link" | "unanchored"; message: string };
export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; firstBreak: ChainBreak };

const BATCH = 10_000;
type Row = ChainedFields & { id: string; prevHash: string; hash: string };

/**
 * Walks the whole chain in id order, in batches (constant memory), and reports the first event whose content
 * does not match its hash ("content": the row was edited) or whose link does not match the event before it
 * ("link": a row was removed or inserted before it). A chain that starts after a retention purge must start
 * at the hash a checkpoint event (audit.purged) recorded.
 */
export async function verifyAuditChain(client: pg.Pool | pg.Client, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  let count = 0;
  let previous: Row | null = null;
  for (;;) {
    const after: string = previous ? previous.id : "0";
    const { rows }: { rows: Row[] } = await client.query<Row>(
      `SELECT id::text, "occurredAt", "actorType", "actorId", "actorName", "actorTokenId", action, "targetType", "targetId",
              "targetName", ip, "userAgent", "requestId", result, metadata, "prevHash", hash
         FROM "AuditEvent" WHERE "AuditEvent".id > $1::bigint ORDER BY "AuditEvent".id LIMIT ${BATCH}`,
      [after],
    );
    for (const row of rows) {
      const broken = previous ? checkLink(previous, row) : await checkAnchor(client, row);
      if (broken) return { ok: false, count, firstBreak: broken };
      if (eventHash(row.prevHash, row) !== row.hash) {
        return { ok: false, count, firstBreak: { id: row.id, reason: "content", message: `Event ${row.id} was altered: its content no longer matches its hash.` } };
      }
      count += 1;
      previous = row;
    }
    onProgress?.(count);
    if (rows.length < BATCH) return { ok: true, count };
  }
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
