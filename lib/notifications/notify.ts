// Email notices: written in the transaction of what calls for them (a scan, a revocation, a leak report),
// once per dedupe key however many instances or retries decide to write them, each with the `email` job that
// sends it (the handler lives in lib/mail). Nothing here knows a token's value; notices name the account,
// the Token ID and the hint.
import type { Prisma, Tx } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { jobId } from "@/lib/jobs/job-id";

export const NOTICE_KINDS = [
  "token.expiring", // 30, 7 and 1 days before (data.days)
  "token.expired",
  "token.revoked", // by someone other than the owner
  "token.leaked",
  "token.suspension_warning", // 7 days before the stale-token policy suspends it
  "token.suspended",
  "webhook.disabled", // to the endpoint's creator
  "test", // Admin → Settings → Notifications → Send test email
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type Notice = {
  userId: string;
  kind: NoticeKind;
  /** What makes it once-only, e.g. `token.expiring:7:<token id>`. */
  dedupeKey: string;
  tokenId?: string;
  /** What the email shows beyond the token's own record (days left, who revoked it, the report's URL…). */
  data?: Prisma.InputJsonObject;
};

/**
 * Writes the notices not written before and enqueues their emails, in `tx`. Returns the ones it wrote (the
 * others were already there: another instance, an earlier scan).
 */
export async function notify(tx: Tx, notices: readonly Notice[]): Promise<{ id: string; dedupeKey: string }[]> {
  if (notices.length === 0) return [];
  // One INSERT, its rows as one JSON parameter (a scan writes a thousand at a time); a dedupe key already
  // written (or being written by another transaction, which this waits for) is skipped.
  const rows = JSON.stringify(notices.map(({ userId, kind, dedupeKey, tokenId, data }) => ({ userId, kind, dedupeKey, tokenId: tokenId ?? null, data: data ?? {} })));
  const written = await tx.$queryRawUnsafe<{ id: string; dedupeKey: string }[]>(
    `INSERT INTO "Notification" ("userId", kind, "dedupeKey", "tokenId", data)
     SELECT "userId", kind, "dedupeKey", "tokenId", data FROM jsonb_to_recordset($1::jsonb) AS r("userId" uuid, kind text, "dedupeKey" text, "tokenId" uuid, data jsonb)
     ON CONFLICT ("dedupeKey") DO NOTHING
     RETURNING id::text, "dedupeKey"`,
    rows,
  );
  await enqueue(tx, written.map(({ id }) => ({ name: "email", data: { notificationId: id }, id: jobId(`email:${id}`) })));
  return written;
}
