import { db } from "@/lib/db/client";
import { liveTokensInOrder } from "./live-tokens";
import { LIFE_FIELDS } from "./token-store";

/** suspended: every live token is suspended by the stale-token policy (the list then shows the account as Suspended). */
export type TokenSummary = { live: number; primaryHint: string | null; suspended?: boolean };

/**
 * Live token count and primary token hint for a page of accounts: one query. Revoked tokens are left out (they
 * are never live; a rotation chain runs through unrevoked tokens).
 */
export async function tokenSummaries(serviceAccountIds: readonly string[], now: Date): Promise<Map<string, TokenSummary>> {
  if (serviceAccountIds.length === 0) return new Map();
  const tokens = await db.apiToken.findMany({
    where: { serviceAccountId: { in: [...serviceAccountIds] }, revokedAt: null },
    select: { ...LIFE_FIELDS, serviceAccountId: true, hint: true, suspendedAt: true },
  });
  const byAccount = new Map<string, typeof tokens>();
  for (const token of tokens) byAccount.set(token.serviceAccountId, [...(byAccount.get(token.serviceAccountId) ?? []), token]);
  return new Map(
    [...byAccount].map(([id, own]) => {
      const live = liveTokensInOrder(own, now);
      return [id, { live: live.length, primaryHint: live[0]?.hint ?? null, suspended: live.length > 0 && live.every((token) => token.suspendedAt) }];
    }),
  );
}
