// The expiry scan (the `scan-expiry` job, once per KEYHOLD_SCAN_INTERVAL_SECONDS across all instances): live
// tokens expiring within 30 days get the NEAREST reminder window they are in (30, 7 or 1 days) — so a token
// first seen 3 days before its end gets the 7-day reminder, then the 1-day one, never the 30-day one — and
// tokens that expired lately get one expired notice. Each notice is written once per dedupe key (however
// many scans run at once) with its audit event, in the same transaction. Set-based: one query per batch picks
// the tokens still owed a notice.
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { auditMany } from "@/lib/audit/audit";
import type { RequestMeta } from "@/lib/http/request-context";
import { jobMeta } from "@/lib/jobs/job-meta";
import { logInfo } from "@/lib/log";
import { accountTarget } from "@/lib/service-accounts/owner";
import { notify, type Notice } from "./notify";

/** The reminder windows, in days before expiry. */
export const REMINDER_DAYS = [30, 7, 1] as const;
/** How far back an expiry still gets its notice (a scan that did not run for a while catches up this far). */
export const EXPIRED_LOOKBACK_DAYS = 7;
const BATCH = 1000;

type Due = { id: string; name: string; hint: string; expiresAt: Date; accountId: string; accountName: string; ownerId: string; days: number | null };

// Live: not revoked, not replaced by a rotation (lib/service-accounts/live-tokens.ts). `days`: the nearest
// window the token is in, or null for the expired query. Only tokens not yet given that notice are returned.
const dueQuery = (expired: boolean) => `
  WITH due AS (
    SELECT t.id, t.name, t.hint, t."expiresAt", a.id AS "accountId", a.name AS "accountName", a."ownerId",
      ${expired ? "NULL::int" : `CASE WHEN t."expiresAt" <= $1::timestamptz + interval '1 day' THEN 1 WHEN t."expiresAt" <= $1::timestamptz + interval '7 days' THEN 7 ELSE 30 END`} AS days
    FROM "ApiToken" t JOIN "ServiceAccount" a ON a.id = t."serviceAccountId"
    WHERE t."revokedAt" IS NULL AND t."replacedById" IS NULL AND t.id > $2::uuid
      AND ${expired ? `t."expiresAt" <= $1::timestamptz AND t."expiresAt" > $1::timestamptz - interval '${EXPIRED_LOOKBACK_DAYS} days'` : `t."expiresAt" > $1::timestamptz AND t."expiresAt" <= $1::timestamptz + interval '30 days'`}
  )
  SELECT * FROM due
  WHERE NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."dedupeKey" = ${expired ? `'token.expired:' || due.id` : `'token.expiring:' || due.days || ':' || due.id`})
  ORDER BY id LIMIT ${BATCH}`;

const dedupeKey = (token: Due) => (token.days === null ? `token.expired:${token.id}` : `token.expiring:${token.days}:${token.id}`);

const SCAN_ACTOR = { type: "SYSTEM", name: "Expiry scan" } as const;

/** Writes one batch's notices and, for those this scan wrote (not another's), their audit events. */
async function noticeBatch(tx: Tx, tokens: readonly Due[], meta: RequestMeta): Promise<number> {
  const notices: Notice[] = tokens.map((token) => ({
    userId: token.ownerId,
    kind: token.days === null ? "token.expired" : "token.expiring",
    dedupeKey: dedupeKey(token),
    tokenId: token.id,
    data: token.days === null ? {} : { days: token.days },
  }));
  const written = new Set((await notify(tx, notices)).map((notice) => notice.dedupeKey));
  // After the writes: auditing takes the chain's lock to the end of the transaction.
  await auditMany(
    tx,
    meta,
    tokens
      .filter((token) => written.has(dedupeKey(token)))
      .map((token) => ({
        action: token.days === null ? "token.expired_notice" : "token.expiry_notice",
        actor: SCAN_ACTOR,
        target: accountTarget({ id: token.accountId, name: token.accountName }),
        metadata: { tokenId: token.id, name: token.name, hint: token.hint, expiresAt: token.expiresAt.toISOString(), recipientId: token.ownerId, ...(token.days === null ? {} : { days: token.days }) },
      })),
  );
  return written.size;
}

export type ExpiryScanResult = { reminders: number; expired: number };

export async function scanExpiry(meta: RequestMeta, now = new Date()): Promise<ExpiryScanResult> {
  const result: ExpiryScanResult = { reminders: 0, expired: 0 };
  for (const expired of [false, true]) {
    const sql = dueQuery(expired);
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const tokens = await db.$queryRawUnsafe<Due[]>(sql, now, after);
      if (tokens.length === 0) break;
      const written = await db.$transaction((tx) => noticeBatch(tx, tokens, meta), { timeout: 60_000 });
      result[expired ? "expired" : "reminders"] += written;
      if (tokens.length < BATCH) break;
      after = tokens.at(-1)!.id;
    }
  }
  return result;
}

/** The `scan-expiry` queue's handler. */
export async function scanExpiryJob(_data: unknown, job: { id: string }): Promise<void> {
  const result = await scanExpiry(jobMeta(job.id));
  if (result.reminders || result.expired) logInfo("expiry scan", result);
}
