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
  const count = await countThrough(tx, event.id);
  const signer = auditKeyring().signer;
  const signedAt = new Date();
  const statement = { eventId: event.id.toString(), hash: event.hash, count: Number(count), time: signedAt.toISOString() };
  return tx.auditCheckpoint.create({
    data: { eventId: event.id, hash: event.hash, count, signedAt, keyId: signer.fingerprint, signature: signStatement(statement, signer) },
  });
}

/** In audit()'s transaction, after its event: a checkpoint once CHECKPOINT_EVERY_EVENTS ids have passed. */
export async function checkpointIfDue(tx: Tx, events: readonly { id: bigint; hash: string }[]) {
  const [last] = await tx.$queryRaw<{ eventId: bigint | null }[]>`SELECT max("eventId") AS "eventId" FROM "AuditCheckpoint"`;
  // Ids, not a count: one indexed read per write. A rolled-back write leaves a gap, so this is "about".
  let lastId = last?.eventId ?? 0n;
  for (const event of events) {
    if (event.id - lastId < BigInt(CHECKPOINT_EVERY_EVENTS)) continue;
    await createCheckpoint(tx, event);
    lastId = event.id;
  }
}

/**
 * Events the log holds up to `eventId`: the previous checkpoint's count plus the events since it (a few
 * hundred index entries), unless a purge ran since, which only a full count (~0.4 s at a million events,
 * under the chain lock) gets right; purges run at most daily.
 */
async function countThrough(tx: Tx, eventId: bigint): Promise<bigint> {
  const previous = await tx.auditCheckpoint.findFirst({ where: { eventId: { lt: eventId } }, orderBy: { eventId: "desc" }, select: { eventId: true, count: true } });
  if (previous) {
    const [since] = await tx.$queryRaw<{ count: bigint; purged: boolean }[]>`
      SELECT count(*) AS count, bool_or(action = 'audit.purged') AS purged FROM "AuditEvent" WHERE id > ${previous.eventId} AND id <= ${eventId}`;
    if (since && !since.purged) return previous.count + since.count;
  }
  const [all] = await tx.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "AuditEvent" WHERE id <= ${eventId}`;
  return all!.count;
}
