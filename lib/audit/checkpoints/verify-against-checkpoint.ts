import type pg from "pg";
import { verifyAuditChain, type VerifyOptions, type VerifyResult } from "../verify-audit-chain";
import { checkpointSignatureValid, type CheckpointFile } from "./checkpoint-statement";

export type CheckpointVerdict =
  /** The log still holds the checkpoint's event with its hash, and the whole chain verifies. */
  | { status: "holds"; count: number }
  /** The file is not a checkpoint its key signed (edited, or not Keyhold's). */
  | { status: "bad_signature"; message: string }
  /** The log no longer matches the checkpoint, or breaks elsewhere. */
  | { status: "broken"; message: string; chain?: VerifyResult }
  /** A retention purge deleted the checkpoint's event: nothing can be proven either way. */
  | { status: "unprovable"; message: string };

/**
 * What `npm run audit:verify -- --checkpoint <file>` decides. A rewrite recomputes the hashes from the edited
 * event on, so the event the checkpoint names (at or after the edit) no longer has the hash that was signed,
 * whatever formula or key the rewriter used.
 */
export async function verifyAgainstCheckpoint(client: pg.Pool | pg.Client, file: CheckpointFile, options: VerifyOptions = {}): Promise<CheckpointVerdict> {
  if (!checkpointSignatureValid(file)) {
    return { status: "bad_signature", message: "The checkpoint's signature does not match its content and public key: the file was altered or is not a Keyhold checkpoint." };
  }
  const { rows } = await client.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" WHERE id = $1::bigint`, [file.eventId]);
  const found = rows[0] ? null : await missingEvent(client, file);
  if (found?.status === "broken") return found;
  if (rows[0] && rows[0].hash !== file.hash) {
    return { status: "broken", message: `Event ${file.eventId} now has hash ${rows[0].hash}, but the checkpoint signed ${file.hash}: the log was rewritten at or before event ${file.eventId}.` };
  }
  // The purge event that explains a missing event is itself chained: it only counts if the chain holds.
  const chain = await verifyAuditChain(client, options);
  if (!chain.ok) return { status: "broken", message: `The chain breaks: ${chain.firstBreak.message}`, chain };
  return found ?? { status: "holds", count: chain.count };
}

async function missingEvent(client: pg.Pool | pg.Client, file: CheckpointFile): Promise<CheckpointVerdict> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id::text FROM "AuditEvent" WHERE action = 'audit.purged' AND (metadata->>'lastPurgedId')::bigint >= $1::bigint ORDER BY id LIMIT 1`,
    [file.eventId],
  );
  const [oldest] = (await client.query<{ id: string | null }>(`SELECT min(id)::text AS id FROM "AuditEvent"`)).rows;
  if (rows[0] && oldest?.id && BigInt(oldest.id) > BigInt(file.eventId)) {
    return { status: "unprovable", message: `Event ${file.eventId} was deleted by the retention purge recorded in event ${rows[0].id}: this checkpoint can no longer be checked. Use a newer one.` };
  }
  return { status: "broken", message: `Event ${file.eventId} is missing from the log and no retention purge accounts for it: events were removed.` };
}
