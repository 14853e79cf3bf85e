import { db } from "@/lib/db/client";
import { tokenStatus, type TokenStatus } from "@/lib/tokens/token-status";
import { liveTokensInOrder } from "@/lib/service-accounts/live-tokens";
import { LIFE_FIELDS } from "@/lib/service-accounts/token-store";

/** What the home page shows of an account's token, and what Rotate needs. */
export type CurrentToken = { id: string; name: string; hint: string; createdAt: string; expiresAt: string | null; status: TokenStatus };

/**
 * For each account, the token its row stands for: the primary live token, or (all expired) the current token
 * that expired last, which Rotate can still replace. One query for all the accounts.
 */
export async function findCurrentTokens(serviceAccountIds: readonly string[], now: Date): Promise<Map<string, CurrentToken>> {
  if (serviceAccountIds.length === 0) return new Map();
  const tokens = await db.apiToken.findMany({
    where: { serviceAccountId: { in: [...new Set(serviceAccountIds)] }, revokedAt: null, replacedById: null },
    select: { ...LIFE_FIELDS, serviceAccountId: true, name: true, hint: true },
  });
  const byAccount = new Map<string, typeof tokens>();
  for (const token of tokens) byAccount.set(token.serviceAccountId, [...(byAccount.get(token.serviceAccountId) ?? []), token]);
  const result = new Map<string, CurrentToken>();
  for (const [accountId, own] of byAccount) {
    const token = liveTokensInOrder(own, now)[0] ?? own.reduce((a, b) => ((b.expiresAt?.getTime() ?? 0) > (a.expiresAt?.getTime() ?? 0) ? b : a));
    result.set(accountId, {
      id: token.id,
      name: token.name,
      hint: token.hint,
      createdAt: token.createdAt.toISOString(),
      expiresAt: token.expiresAt?.toISOString() ?? null,
      status: tokenStatus(token, now.getTime()),
    });
  }
  return result;
}
