import type { Prisma } from "@/lib/db/client";
import { containsText } from "@/lib/lists/text-search";
import { EXPIRING_WITHIN_MS, type TokenStatus } from "@/lib/tokens/token-status";
import { fullTokenWhere, hintWhere } from "./token-search";

/**
 * The search box of the API Tokens list and the API: name or description contains the text, or one of the
 * account's tokens has it as hint ("kh_…Ab3x") or is it (a full token, matched by hash only).
 */
export function searchWhere(q: string): Prisma.ServiceAccountWhereInput {
  const byToken = fullTokenWhere(q);
  if (byToken) return byToken;
  const byHint = hintWhere(q);
  return { OR: [{ name: containsText(q) }, { description: containsText(q) }, ...(byHint ? [byHint] : [])] };
}

/**
 * The account's status (active while any current token works: live-tokens.ts accountStatusColumns), copied onto
 * the account so this is an indexed filter. Suspended is not copied (Resume ends it): an account whose live
 * tokens are all suspended by the stale-token policy, as token-summaries.ts shows it (a relation filter, not
 * indexed; active and expiring stay on the index and so still count such an account).
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
    case "suspended":
      return { AND: [{ tokenRevokedAt: null, OR: [{ tokenExpiresAt: null }, { tokenExpiresAt: { gt: now } }] }, allSuspended(now)] };
    case "active":
      return { tokenRevokedAt: null, OR: [{ tokenExpiresAt: null }, { tokenExpiresAt: { gt: soon } }] };
  }
}

function allSuspended(now: Date): Prisma.ServiceAccountWhereInput {
  const live: Prisma.ApiTokenWhereInput = { revokedAt: null, replacedById: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  return { tokens: { some: { ...live, suspendedAt: { not: null } }, none: { ...live, suspendedAt: null } } };
}
