// What an attacker with database access does to the audit chain (and, with the real key, how a test undoes
// it). No vitest import: the Playwright tests use it too.
import pg from "pg";
import { AUDIT_CHAIN_LOCK, eventHash, GENESIS_HASH, type ChainedFields } from "@/lib/audit/chain";

type Row = ChainedFields & { id: string; hash: string; keyId: string | null };
export type RewriteOptions = {
  /** What the rewritten rows' keyId becomes: null passes them off as events from before keys; "keep" leaves it. */
  keyId?: string | null | "keep";
  /** The key to chain with: null is the public formula (plain SHA-256). */
  key?: Buffer | null;
  /** The edited event's new targetName. */
  targetName?: string | null;
  /** Delete the checkpoints signed over hashes that no longer exist (a thorough attacker does; default). */
  dropCheckpoints?: boolean;
};

const sqlText = (value: string | null) => (value === null ? "NULL" : pg.escapeLiteral(value));

/**
 * Edits event `fromId` (its targetName), then recomputes its hash and every later one, so each link matches
 * again. One transaction under the app's chain lock with the append-only trigger off: no event is appended
 * in between.
 */
export async function rewriteAuditChain(client: pg.ClientBase, fromId: string, { keyId = null, key = null, targetName = "Mallory", dropCheckpoints = true }: RewriteOptions = {}) {
  await client.query("BEGIN");
  try {
    await client.query(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    const { rows } = await client.query<Row>(`SELECT * FROM "AuditEvent" WHERE id >= $1::bigint ORDER BY "AuditEvent".id`, [fromId]);
    const [before] = (await client.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" WHERE id < $1::bigint ORDER BY id DESC LIMIT 1`, [fromId])).rows;
    // Hashes are unique: park the old ones first so no update collides with a row not yet rewritten.
    await client.query(`UPDATE "AuditEvent" SET hash = md5(hash) || md5(id::text) WHERE id >= $1::bigint`, [fromId]);
    let prevHash = before?.hash ?? GENESIS_HASH;
    for (const row of rows) {
      const edited = row.id === fromId ? { ...row, targetName } : row;
      const hash = eventHash(prevHash, edited, key);
      await client.query(`UPDATE "AuditEvent" SET "targetName" = ${sqlText(edited.targetName)}, "prevHash" = $2, hash = $3, "keyId" = ${sqlText(keyId === "keep" ? row.keyId : keyId)} WHERE id = $1::bigint`, [row.id, prevHash, hash]);
      prevHash = hash;
    }
    await client.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    if (dropCheckpoints) {
      await client.query(`ALTER TABLE "AuditCheckpoint" DISABLE TRIGGER "AuditCheckpoint_append_only"`);
      await client.query(`DELETE FROM "AuditCheckpoint" c USING "AuditEvent" e WHERE e.id = c."eventId" AND e.hash <> c.hash`);
      await client.query(`ALTER TABLE "AuditCheckpoint" ENABLE TRIGGER "AuditCheckpoint_append_only"`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
