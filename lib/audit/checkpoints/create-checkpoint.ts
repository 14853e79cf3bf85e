import type { Tx } from "@/lib/db/client";
import { auditKeyring } from "../audit-keys";
import { signStatement } from "./checkpoint-statement";

/** A checkpoint is signed at least every this many events (audit() checks after each write). */
export const CHECKPOINT_EVERY_EVENTS = 1_000;

/**
 * Signs and stores a checkpoint of the chain ending at `event`. Call it holding the chain lock (audit() does,
 * and so does the timer), so `event` is the last one and the count cannot move. `count` is the number of
 * events the log holds up to and including it: after a retention purge, the remaining ones.
 */
export async function createCheckpoint(tx: Tx, event: { id: bigint; hash: string }) {
  const [{ count }] = (await tx.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "AuditEvent" WHERE id <= ${event.id}`) as [{ count: bigint }];
  const signer = auditKeyring().signer;
  const signedAt = new Date();
  const statement = { eventId: event.id.toString(), hash: event.hash, count: Number(count), time: signedAt.toISOString() };
  return tx.auditCheckpoint.create({
    data: { eventId: event.id, hash: event.hash, count, signedAt, keyId: signer.fingerprint, signature: signStatement(statement, signer) },
  });
}

/** In audit()'s transaction, after its event: a checkpoint once CHECKPOINT_EVERY_EVENTS ids have passed. */
export async function checkpointIfDue(tx: Tx, event: { id: bigint; hash: string }) {
  const [last] = await tx.$queryRaw<{ eventId: bigint | null }[]>`SELECT max("eventId") AS "eventId" FROM "AuditCheckpoint"`;
  // Ids, not a count: one indexed read per event. A rolled-back write leaves a gap, so this is "about".
  if (event.id - (last?.eventId ?? 0n) >= BigInt(CHECKPOINT_EVERY_EVENTS)) await createCheckpoint(tx, event);
}
