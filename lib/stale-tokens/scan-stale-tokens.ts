import { randomUUID } from "node:crypto";
import { audit } from "@/lib/audit/audit";
import { db, type Tx } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { notify } from "@/lib/notifications/notify";
import { loadTokenPolicy } from "@/lib/policy/token-policy";
import { accountTarget } from "@/lib/service-accounts/owner";
import { tokensChanged } from "@/lib/tokens/token-events";
import { ACTIVITY_SQL, DAY_MS, SUSPENSION_WARNING_DAYS, warningKey } from "./stale-activity";

// The stale-token policy's scan (queue scan-stale, once per scan interval across the instances): live tokens with
// no activity for the policy's days are suspended; those it will suspend within 7 days get one warning each.
// Set-based: each batch is one query that picks and (for suspensions) updates its rows, then one transaction
// writes their notices and audit events.

const BATCH = 500;
const STALE_POLICY = { type: "SYSTEM", name: "Stale-token policy" } as const;

type Picked = { id: string; name: string; hint: string; serviceAccountId: string; accountName: string; ownerId: string; activityAt: Date };

export type StaleScanResult = { suspended: number; warned: number };

export async function scanStaleTokens(now = new Date()): Promise<StaleScanResult> {
  const { suspendUnusedDays: days } = await loadTokenPolicy();
  if (days === null) return { suspended: 0, warned: 0 };
  const meta: RequestMeta = { ip: null, userAgent: null, requestId: randomUUID() };
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const suspended = await suspendStale(now, cutoff, days, meta);
  const warned = await warnSoon(now, cutoff, days, meta);
  return { suspended, warned };
}

/** Live: not revoked, not expired, not already suspended. */
const LIVE = `t."revokedAt" IS NULL AND t."suspendedAt" IS NULL AND (t."expiresAt" IS NULL OR t."expiresAt" > $1)`;
const PICKED = `t.id, t.name, t.hint, t."serviceAccountId", a.name AS "accountName", a."ownerId", ${ACTIVITY_SQL} AS "activityAt"`;

async function suspendStale(now: Date, cutoff: Date, days: number, meta: RequestMeta): Promise<number> {
  let total = 0;
  for (;;) {
    const accounts = new Set<string>();
    const count = await db.$transaction(async (tx) => {
      // SKIP LOCKED: a token some operation holds is left for the next scan (and no lock is waited on before
      // the audit chain's, which keeps the one lock order's promise of no deadlock).
      const rows = await tx.$queryRawUnsafe<Picked[]>(
        `WITH due AS (
           SELECT t.id FROM "ApiToken" t WHERE ${LIVE} AND ${ACTIVITY_SQL} <= $2 ORDER BY t.id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
         )
         UPDATE "ApiToken" t SET "suspendedAt" = $1 FROM due, "ServiceAccount" a
         WHERE t.id = due.id AND a.id = t."serviceAccountId"
         RETURNING ${PICKED}`,
        now,
        cutoff,
      );
      await notify(
        tx,
        rows.map((row) => ({ userId: row.ownerId, kind: "token.suspended", dedupeKey: `token.suspended:${row.id}:${now.getTime()}`, tokenId: row.id, data: { days } })),
      );
      await auditEach(tx, meta, "token.suspended", rows, days);
      for (const row of rows) accounts.add(row.serviceAccountId);
      return rows.length;
    });
    await Promise.all([...accounts].map((id) => tokensChanged(id)));
    total += count;
    if (count < BATCH) return total;
  }
}

async function warnSoon(now: Date, cutoff: Date, days: number, meta: RequestMeta): Promise<number> {
  const warnFrom = new Date(cutoff.getTime() + SUSPENSION_WARNING_DAYS * DAY_MS);
  let total = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<Picked[]>(
        `SELECT ${PICKED} FROM "ApiToken" t JOIN "ServiceAccount" a ON a.id = t."serviceAccountId"
         WHERE ${LIVE} AND ${ACTIVITY_SQL} > $2 AND ${ACTIVITY_SQL} <= $3
           AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."dedupeKey" = 'token.suspension_warning:' || t.id || ':' || (extract(epoch FROM ${ACTIVITY_SQL}) * 1000)::bigint)
         ORDER BY t.id LIMIT ${BATCH}`,
        now,
        cutoff,
        warnFrom,
      );
      const written = await notify(
        tx,
        rows.map((row) => ({
          userId: row.ownerId,
          kind: "token.suspension_warning",
          dedupeKey: warningKey(row.id, row.activityAt),
          tokenId: row.id,
          data: { days, suspendsAt: new Date(row.activityAt.getTime() + days * DAY_MS).toISOString() },
        })),
      );
      const keys = new Set(written.map((notice) => notice.dedupeKey));
      await auditEach(tx, meta, "token.suspension_notice", rows.filter((row) => keys.has(warningKey(row.id, row.activityAt))), days);
      return rows.length;
    });
    total += count;
    if (count < BATCH) return total;
  }
}

async function auditEach(tx: Tx, meta: RequestMeta, action: "token.suspended" | "token.suspension_notice", rows: readonly Picked[], days: number) {
  for (const row of rows) {
    await audit(tx, meta, {
      action,
      actor: STALE_POLICY,
      target: accountTarget({ id: row.serviceAccountId, name: row.accountName }),
      metadata: { tokenId: row.id, name: row.name, hint: row.hint, days, lastActivityAt: row.activityAt.toISOString() },
    });
  }
}
