import type { Prisma } from "@/lib/db/client";
import { containsText } from "@/lib/lists/text-search";
import { EXPIRING_WITHIN_MS, type TokenStatus } from "@/lib/tokens/token-status";

/** The search box of the API Tokens list and the API: name or description contains the text. */
export function searchWhere(q: string): Prisma.ServiceAccountWhereInput {
  return { OR: [{ name: containsText(q) }, { description: containsText(q) }] };
}

/**
 * The account's status (active while any current token works: live-tokens.ts accountStatusColumns), copied onto
 * the account so this is an indexed filter.
 */
export function statusWhere(status: TokenStatus, now: Date): Prisma.ServiceAccountWhereInput {
  const soon = new Date(now.getTime() + EXPIRING_WITHIN_MS);
  switch (status) {
    case "revoked":
      return { tokenRevokedAt: { not: null } };
    case "expired":
      return { tokenRevokedAt: null, tokenExpiresAt: { lte: now } };
    case "expiring":
      return { tokenRevokedAt: null, tokenExpiresAt: { gt: now, lte: soon } };
    case "active":
      return { tokenRevokedAt: null, OR: [{ tokenExpiresAt: null }, { tokenExpiresAt: { gt: soon } }] };
  }
}

