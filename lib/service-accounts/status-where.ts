import type { Prisma } from "@/lib/db/client";
import { EXPIRING_WITHIN_MS, type TokenStatus } from "@/lib/tokens/token-status";

/** The account's status is its current token's, copied onto the account so this is an indexed filter. */
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

