import type { Actor } from "@/lib/auth/actor";
import { db, type Prisma } from "@/lib/db/client";
import { loadTokenPolicy } from "@/lib/policy/token-policy";
import { canManageAccount, readableServiceAccounts } from "@/lib/service-accounts/access";
import { activityAt, DAY_MS, daysUntil, suspendsAt } from "@/lib/stale-tokens/stale-activity";
import { REVIEW_LISTS, REVIEW_ROWS, type ReviewGroup, type ReviewList } from "./review-lists";



const liveToken = (now: Date): Prisma.ApiTokenWhereInput => ({ revokedAt: null, replacedById: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

export function reviewWhere(list: ReviewList, now: Date): Prisma.ApiTokenWhereInput {
  if (list === "no_expiry") return { revokedAt: null, replacedById: null, expiresAt: null };
  const cutoff = new Date(now.getTime() - 30 * DAY_MS);
  // Unused: last used 30 days ago or more, or never used and created that long ago.
  return {
    AND: [liveToken(now), { serviceAccount: { role: "ADMIN" } }, { OR: [{ lastUsedAt: { lte: cutoff } }, { lastUsedAt: null, createdAt: { lte: cutoff } }] }],
  };
}

const SELECT = {
  id: true,
  name: true,
  hint: true,
  createdAt: true,
  lastUsedAt: true,
  resumedAt: true,
  suspendedAt: true,
  serviceAccount: { select: { id: true, name: true, role: true, ownerId: true } },
} as const;

export async function findReviewTokens(actor: Actor, now = new Date()): Promise<ReviewGroup[]> {
  const readable: Prisma.ApiTokenWhereInput = { serviceAccount: readableServiceAccounts(actor) };
  const { suspendUnusedDays: days } = await loadTokenPolicy();
  return Promise.all(
    REVIEW_LISTS.map(async (list) => {
      const where: Prisma.ApiTokenWhereInput = { AND: [readable, reviewWhere(list, now)] };
      // With the stale-token policy on, the unused list shows what it suspends next, first.
      const bySuspension = list === "admin_unused_30" && days !== null;
      const [count, tokens] = await Promise.all([db.apiToken.count({ where }), bySuspension ? findBySuspension(where) : findNewest(where)]);
      return {
        list,
        count,
        order: bySuspension ? ("suspension" as const) : ("newest" as const),
        rows: tokens.map((token) => ({
          id: token.id,
          name: token.name,
          hint: token.hint,
          accountId: token.serviceAccount.id,
          accountName: token.serviceAccount.name,
          role: token.serviceAccount.role,
          createdAt: token.createdAt.toISOString(),
          lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
          canManage: canManageAccount(actor, token.serviceAccount),
          suspended: token.suspendedAt !== null,
          suspendsInDays: bySuspension ? daysUntil(suspendsAt(activityAt(token), days), now) : null,
        })),
      };
    }),
  );
}

const findNewest = (where: Prisma.ApiTokenWhereInput) => db.apiToken.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: REVIEW_ROWS, select: SELECT });

/**
 * The tokens with the oldest activity (greatest of last use, creation, resume) first: the never-used ones by
 * creation and the used ones by last use, each on its index, merged.
 */
async function findBySuspension(where: Prisma.ApiTokenWhereInput) {
  const [neverUsed, used] = await Promise.all([
    db.apiToken.findMany({ where: { AND: [where, { lastUsedAt: null }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: REVIEW_ROWS, select: SELECT }),
    db.apiToken.findMany({ where: { AND: [where, { lastUsedAt: { not: null } }] }, orderBy: [{ lastUsedAt: "asc" }, { id: "asc" }], take: REVIEW_ROWS, select: SELECT }),
  ]);
  return [...neverUsed, ...used].sort((a, b) => activityAt(a).getTime() - activityAt(b).getTime() || a.id.localeCompare(b.id)).slice(0, REVIEW_ROWS);
}
