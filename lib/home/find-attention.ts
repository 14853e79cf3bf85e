import type { Actor } from "@/lib/auth/actor";
import { db, type Prisma } from "@/lib/db/client";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { loadTokenPolicy } from "@/lib/policy/token-policy";
import { canManageAccount } from "@/lib/service-accounts/access";
import { daysUntil, suspendsAt } from "@/lib/stale-tokens/stale-activity";
import { ATTENTION_BUCKETS, attentionOrder, attentionWhere, type AttentionBucket } from "@/lib/service-accounts/attention-where";
import { findCurrentTokens, type CurrentToken } from "./find-current-tokens";
import { homeAccountsWhere, type HomeScope } from "./home-scope";

/** Rows shown inline under each count; the rest are one click away in the filtered list. */
export const TOP_ROWS = 5;

export type AttentionRow = {
  id: string;
  name: string;
  role: ServiceAccountRole;
  ownerName: string;
  /** The moment the bucket is about: expiry, last use, or creation. */
  at: string | null;
  /** Unused buckets with the stale-token policy on: in how many days its last-used token is suspended (0: next scan). */
  suspendsInDays: number | null;
  /** The token a Rotate acts on (null: the account has no current token). */
  token: CurrentToken | null;
  canManage: boolean;
};

export type AttentionGroup = { bucket: AttentionBucket; count: number; rows: AttentionRow[] };

/** Every bucket's count and its first rows, for the accounts in scope: two indexed queries per bucket, in parallel. */
export async function findAttention(actor: Actor, scope: HomeScope, now = new Date()): Promise<AttentionGroup[]> {
  const inScope = homeAccountsWhere(actor, scope);
  const [groups, { suspendUnusedDays: days }] = await Promise.all([Promise.all(ATTENTION_BUCKETS.map((bucket) => findBucket(inScope, bucket, now))), loadTokenPolicy()]);
  const tokens = await findCurrentTokens(groups.flatMap((group) => group.accounts.map((account) => account.id)), now);
  return groups.map(({ bucket, count, accounts }) => ({
    bucket,
    count,
    rows: accounts.map((account) => ({
      id: account.id,
      name: account.name,
      role: account.role,
      ownerName: account.owner.name,
      at: momentOf(bucket, account)?.toISOString() ?? null,
      suspendsInDays: bucket.startsWith("unused") && account.lastUsedAt ? daysUntil(suspendsAt(account.lastUsedAt, days), now) : null,
      token: tokens.get(account.id) ?? null,
      canManage: canManageAccount(actor, account),
    })),
  }));
}

/** One bucket: its count and its most pressing rows. */
export async function findBucket(inScope: Prisma.ServiceAccountWhereInput, bucket: AttentionBucket, now: Date) {
  const where: Prisma.ServiceAccountWhereInput = { AND: [inScope, attentionWhere(bucket, now)] };
  const [count, accounts] = await Promise.all([
    db.serviceAccount.count({ where }),
    db.serviceAccount.findMany({
      where,
      orderBy: attentionOrder(bucket),
      take: TOP_ROWS,
      select: { id: true, name: true, role: true, ownerId: true, createdAt: true, lastUsedAt: true, tokenExpiresAt: true, owner: { select: { name: true } } },
    }),
  ]);
  return { bucket, count, accounts };
}

function momentOf(bucket: AttentionBucket, account: { createdAt: Date; lastUsedAt: Date | null; tokenExpiresAt: Date | null }): Date | null {
  if (bucket.startsWith("expir")) return account.tokenExpiresAt;
  if (bucket.startsWith("unused")) return account.lastUsedAt;
  return account.createdAt;
}
