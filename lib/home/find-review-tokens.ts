import type { Actor } from "@/lib/auth/actor";
import { db, type Prisma } from "@/lib/db/client";
import { canManageAccount, readableServiceAccounts } from "@/lib/service-accounts/access";
import { REVIEW_LISTS, REVIEW_ROWS, type ReviewGroup, type ReviewList } from "./review-lists";

const DAY_MS = 86_400_000;


const liveToken = (now: Date): Prisma.ApiTokenWhereInput => ({ revokedAt: null, replacedById: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

export function reviewWhere(list: ReviewList, now: Date): Prisma.ApiTokenWhereInput {
  if (list === "no_expiry") return { revokedAt: null, replacedById: null, expiresAt: null };
  const cutoff = new Date(now.getTime() - 30 * DAY_MS);
  // Unused: last used 30 days ago or more, or never used and created that long ago.
  return {
    AND: [liveToken(now), { serviceAccount: { role: "ADMIN" } }, { OR: [{ lastUsedAt: { lte: cutoff } }, { lastUsedAt: null, createdAt: { lte: cutoff } }] }],
  };
}

export async function findReviewTokens(actor: Actor, now = new Date()): Promise<ReviewGroup[]> {
  const readable: Prisma.ApiTokenWhereInput = { serviceAccount: readableServiceAccounts(actor) };
  return Promise.all(
    REVIEW_LISTS.map(async (list) => {
      const where: Prisma.ApiTokenWhereInput = { AND: [readable, reviewWhere(list, now)] };
      const [count, tokens] = await Promise.all([
        db.apiToken.count({ where }),
        db.apiToken.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          take: REVIEW_ROWS,
          select: { id: true, name: true, hint: true, createdAt: true, lastUsedAt: true, serviceAccount: { select: { id: true, name: true, role: true, ownerId: true } } },
        }),
      ]);
      return {
        list,
        count,
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
        })),
      };
    }),
  );
}
