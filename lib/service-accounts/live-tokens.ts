// Which of an account's tokens are live, which one is its primary, and what the account's status columns say.
// Pure: the callers load the account's tokens (few) and decide with these.

export type TokenLifeFacts = {
  id: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  replacedById: string | null;
};

/** Live: not revoked, not expired, not replaced by a rotation. Token IDs are unique among these. */
export const isLive = (token: TokenLifeFacts, now: Date) =>
  !token.revokedAt && !token.replacedById && (!token.expiresAt || token.expiresAt > now);

/**
 * When each token's rotation series began: a rotated token takes its place in the account's order from the
 * token it replaced, so rotating the primary token keeps it primary.
 */
function seriesStarts(tokens: readonly TokenLifeFacts[]): Map<string, number> {
  const previousOf = new Map<string, TokenLifeFacts>();
  for (const token of tokens) if (token.replacedById) previousOf.set(token.replacedById, token);
  const starts = new Map<string, number>();
  for (const token of tokens) {
    let first = token;
    const seen = new Set<string>();
    while (previousOf.has(first.id) && !seen.has(first.id)) {
      seen.add(first.id);
      first = previousOf.get(first.id)!;
    }
    starts.set(token.id, first.createdAt.getTime());
  }
  return starts;
}

/** The account's live tokens in their order: the first is the primary token (the list's Regenerate rotates it). */
export function liveTokensInOrder<T extends TokenLifeFacts>(tokens: readonly T[], now: Date): T[] {
  const starts = seriesStarts(tokens);
  return tokens
    .filter((token) => isLive(token, now))
    .sort((a, b) => starts.get(a.id)! - starts.get(b.id)! || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

export const primaryToken = <T extends TokenLifeFacts>(tokens: readonly T[], now: Date): T | null => liveTokensInOrder(tokens, now)[0] ?? null;

/**
 * The account's status copy (ServiceAccount.tokenExpiresAt / tokenRevokedAt, which the list filters and sorts
 * on): the account is active while any of its current tokens (not revoked, not replaced) works, so its expiry
 * is the latest among them (null when one never expires) and time alone moves it to expiring and expired.
 * With every token revoked it is revoked (the latest revocation; the newest token's expiry).
 */
export function accountStatusColumns(tokens: readonly TokenLifeFacts[]): { tokenExpiresAt: Date | null; tokenRevokedAt: Date | null } {
  const current = tokens.filter((token) => !token.revokedAt && !token.replacedById);
  if (current.length > 0) {
    if (current.some((token) => !token.expiresAt)) return { tokenExpiresAt: null, tokenRevokedAt: null };
    return { tokenExpiresAt: new Date(Math.max(...current.map((token) => token.expiresAt!.getTime()))), tokenRevokedAt: null };
  }
  if (tokens.length === 0) return { tokenExpiresAt: null, tokenRevokedAt: null };
  const newest = tokens.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
  const revoked = tokens.filter((token) => token.revokedAt).map((token) => token.revokedAt!.getTime());
  return { tokenExpiresAt: newest.expiresAt, tokenRevokedAt: revoked.length ? new Date(Math.max(...revoked)) : null };
}
