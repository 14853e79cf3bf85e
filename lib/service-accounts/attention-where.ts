import type { Prisma } from "@/lib/db/client";

// What needs an owner's attention (the home page's counts, and the API Tokens list's `attention` filter they link
// to): one definition, so a count and the list it opens always agree. Read from the account's status copy
// (tokenExpiresAt, tokenRevokedAt, lastUsedAt: live-tokens.ts accountStatusColumns), so each is an indexed filter.
export const ATTENTION_BUCKETS = ["expiring_7", "expiring_30", "expired_30", "unused_30", "unused_90", "never_used", "owner_disabled"] as const;
export type AttentionBucket = (typeof ATTENTION_BUCKETS)[number];

export const ATTENTION_LABELS: Record<AttentionBucket, string> = {
  expiring_7: "Expiring within 7 days",
  expiring_30: "Expiring within 30 days",
  expired_30: "Expired in the last 30 days",
  unused_30: "Unused for 30 days",
  unused_90: "Unused for 90 days",
  never_used: "Never used",
  owner_disabled: "Owner disabled",
};

const DAY_MS = 86_400_000;
const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS);

/** Still working: not revoked and not expired (a token without expiry counts). */
export const liveAccountWhere = (now: Date): Prisma.ServiceAccountWhereInput => ({
  tokenRevokedAt: null,
  OR: [{ tokenExpiresAt: null }, { tokenExpiresAt: { gt: now } }],
});

/**
 * Expiring: still working, and expires within the days (7 matches the "Expiring" status). Expired: its last token
 * expired within the last 30 days (not revoked). Unused: working, used once, but not in the days. Never used:
 * working and never used. Owner disabled: working, and its owner's user is disabled.
 */
export function attentionWhere(bucket: AttentionBucket, now: Date): Prisma.ServiceAccountWhereInput {
  switch (bucket) {
    case "expiring_7":
      return { tokenRevokedAt: null, tokenExpiresAt: { gt: now, lte: daysFrom(now, 7) } };
    case "expiring_30":
      return { tokenRevokedAt: null, tokenExpiresAt: { gt: now, lte: daysFrom(now, 30) } };
    case "expired_30":
      return { tokenRevokedAt: null, tokenExpiresAt: { gt: daysFrom(now, -30), lte: now } };
    case "unused_30":
      return { AND: [liveAccountWhere(now), { lastUsedAt: { lte: daysFrom(now, -30) } }] };
    case "unused_90":
      return { AND: [liveAccountWhere(now), { lastUsedAt: { lte: daysFrom(now, -90) } }] };
    case "never_used":
      return { AND: [liveAccountWhere(now), { lastUsedAt: null }] };
    case "owner_disabled":
      return { AND: [liveAccountWhere(now), { owner: { status: "DISABLED" } }] };
  }
}

/** How each bucket orders its rows: the most pressing first. */
export function attentionOrder(bucket: AttentionBucket): Prisma.ServiceAccountOrderByWithRelationInput[] {
  switch (bucket) {
    case "expiring_7":
    case "expiring_30":
      return [{ tokenExpiresAt: "asc" }, { id: "asc" }];
    case "expired_30":
      return [{ tokenExpiresAt: "desc" }, { id: "asc" }];
    case "unused_30":
    case "unused_90":
      return [{ lastUsedAt: "asc" }, { id: "asc" }];
    case "never_used":
    case "owner_disabled":
      return [{ createdAt: "asc" }, { id: "asc" }];
  }
}
