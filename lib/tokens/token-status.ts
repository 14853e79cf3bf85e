// Token status, shared by the console (badges, filters) and the API.
export const TOKEN_STATUSES = ["active", "expiring", "expired", "revoked", "suspended"] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** A token with less than this left is "expiring". */
export const EXPIRING_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;

type StatusFacts = { expiresAt: Date | string | null; revokedAt: Date | string | null; suspendedAt?: Date | string | null };

/** Revoked and expired are final; a suspended token (stale-token policy) comes back with Resume. */
export function tokenStatus(token: StatusFacts, now = Date.now()): TokenStatus {
  if (token.revokedAt) return "revoked";
  const left = token.expiresAt ? new Date(token.expiresAt).getTime() - now : Infinity;
  if (left <= 0) return "expired";
  if (token.suspendedAt) return "suspended";
  return left <= EXPIRING_WITHIN_MS ? "expiring" : "active";
}

export const TOKEN_STATUS_LABELS: Record<TokenStatus, string> = {
  active: "Active",
  expiring: "Expiring",
  expired: "Expired",
  revoked: "Revoked",
  suspended: "Suspended",
};
