import { maintenanceDb, type Db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { audit, type AuditParty } from "./audit";
import { AUDIT_CHAIN_LOCK } from "./chain";

const DAY_MS = 86_400_000;

/**
 * Deletes the events older than the retention period: always a prefix of the chain (ids and times grow
 * together under the chain lock). The checkpoint event it writes carries the last purged event's hash, which
 * the first remaining event links to, so the rest of the chain still verifies. The only DELETE there is.
 */
export async function purgeAuditEvents(
  retentionDays: number,
  actor: AuditParty,
  meta: RequestMeta,
  { now = new Date(), client = maintenanceDb() }: { now?: Date; client?: Db } = {},
) {
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
      const [last] = await tx.$queryRaw<{ id: bigint; hash: string }[]>`
        SELECT id, hash FROM "AuditEvent" WHERE "occurredAt" < ${before} ORDER BY id DESC LIMIT 1`;
      if (!last) return { purged: 0 };
      await tx.$executeRaw`SELECT set_config('keyhold.audit_purge', 'on', true)`;
      const purged = await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE id <= ${last.id}`;
      await tx.$executeRaw`SELECT set_config('keyhold.audit_purge', 'off', true)`;
      await audit(tx, meta, {
        action: "audit.purged",
        actor,
        metadata: { retentionDays, before: before.toISOString(), count: purged, lastPurgedId: last.id.toString(), lastPurgedHash: last.hash },
      });
      return { purged };
    },
    { maxWait: 120_000, timeout: 120_000 },
  );
}
