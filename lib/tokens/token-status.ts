// Token status, shared by the console (badges, filters) and the API.
export const TOKEN_STATUSES = ["active", "expiring", "expired", "revoked"] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** A token with less than this left is "expiring". */
export const EXPIRING_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;

export function tokenStatus(token: { expiresAt: Date | string | null; revokedAt: Date | string | null }, now = Date.now()): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (!token.expiresAt) return "active";
  const left = new Date(token.expiresAt).getTime() - now;
  if (left <= 0) return "expired";
  return left <= EXPIRING_WITHIN_MS ? "expiring" : "active";
}

export const TOKEN_STATUS_LABELS: Record<TokenStatus, string> = {
  active: "Active",
  expiring: "Expiring",
  expired: "Expired",
  revoked: "Revoked",
};
