import type { Actor } from "@/lib/auth/actor";
import { db, type Prisma } from "@/lib/db/client";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { canManageAccount, readableServiceAccounts } from "@/lib/service-accounts/access";

// The admin's review lists on the home page: live tokens that never expire, and ADMIN-role tokens nobody used for
// 30 days, which the admin can revoke in bulk. Per token (revoking is per token), organisation-wide.
export const REVIEW_LISTS = ["no_expiry", "admin_unused_30"] as const;
export type ReviewList = (typeof REVIEW_LISTS)[number];

export const REVIEW_LABELS: Record<ReviewList, string> = {
  no_expiry: "Tokens without expiry",
  admin_unused_30: "Admin tokens unused for 30 days",
};

/** Rows listed per review list (the newest first); the count says how many there are in all. */
export const REVIEW_ROWS = 50;
const DAY_MS = 86_400_000;

export type ReviewToken = {
  id: string;
  name: string;
  hint: string;
  accountId: string;
  accountName: string;
  role: ServiceAccountRole;
  createdAt: string;
  lastUsedAt: string | null;
  canManage: boolean;
};

export type ReviewGroup = { list: ReviewList; count: number; rows: ReviewToken[] };

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
