import { db, type Db } from "@/lib/db/client";
import { logError } from "@/lib/log";
import { AUDIT_CHAIN_LOCK } from "../chain";
import { createCheckpoint } from "./create-checkpoint";

export const CHECKPOINT_EVERY_MS = 10 * 60_000;
const TICK_MS = 60_000;

/**
 * Signs a checkpoint of the chain's last event when there are events after the latest checkpoint and that
 * one is at least `maxAgeMs` old. Under the chain lock and re-checked there, so several instances running
 * this together sign one checkpoint, not one each. Returns the new checkpoint, or null.
 */
export async function checkpointIfStale({ maxAgeMs = CHECKPOINT_EVERY_MS, client = db, now = new Date() }: { maxAgeMs?: number; client?: Db; now?: Date } = {}) {
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
    const [last] = await tx.$queryRaw<{ id: bigint; hash: string }[]>`SELECT id, hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1`;
    if (!last) return null;
    const latest = await tx.auditCheckpoint.findFirst({ orderBy: { eventId: "desc" }, select: { eventId: true, signedAt: true } });
    if (latest && (latest.eventId >= last.id || now.getTime() - latest.signedAt.getTime() < maxAgeMs)) return null;
    return createCheckpoint(tx, last);
  });
}

/** At start, then every minute: a checkpoint at most 10 minutes after the events it covers. */
export function scheduleAuditCheckpoints(): void {
  const run = () => checkpointIfStale().catch((error: unknown) => logError("audit checkpoint failed", error));
  void run();
  setInterval(() => void run(), TICK_MS).unref();
}
