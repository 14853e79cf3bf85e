import { validationError } from "@/lib/errors";
import { MAX_KEEP_PREVIOUS_DAYS } from "./schemas";

/**
 * What a new token's expiry is: the ONE place that decides it (a token policy plugs in here). `requested`:
 * undefined = the same lifetime as the token it replaces, counted from now (a token that never expired gets one
 * that never expires; without a previous token: never); null = never; a date = that date.
 */
export function newTokenExpiry(
  requested: string | null | undefined,
  previous: { createdAt: Date; expiresAt: Date | null } | null,
  now: Date,
): Date | null {
  if (requested === null) return null;
  if (requested !== undefined) return new Date(requested);
  if (!previous?.expiresAt) return null;
  return new Date(now.getTime() + Math.max(previous.expiresAt.getTime() - previous.createdAt.getTime(), 0));
}

/**
 * Until when a token being replaced keeps working: now (null), or the chosen time: in the future, within a year
 * and never after its own expiry. `field` names the input in the field error.
 */
export function keepUntil(requested: string | null, token: { expiresAt: Date | null }, now: Date, field = "previousTokenExpiresAt"): Date {
  if (requested === null) return now;
  const at = new Date(requested);
  if (at <= now) throw validationError({ [field]: ["The date must be in the future"] });
  if (at.getTime() > now.getTime() + MAX_KEEP_PREVIOUS_DAYS * 86_400_000) throw validationError({ [field]: ["The date must be within a year"] });
  if (token.expiresAt && at > token.expiresAt) {
    const own = token.expiresAt.toISOString().slice(0, 16).replace("T", " ");
    throw validationError({ [field]: [`Must not be after the token's own expiry (${own} UTC)`] });
  }
  return at;
}

/** A new token's chosen expiry date: in the future and within ten years. */
export function checkNewExpiry(at: Date | null, now: Date, field = "expiresAt"): void {
  if (!at) return;
  if (at <= now) throw validationError({ [field]: ["The date must be in the future"] });
  if (at.getTime() > now.getTime() + 3650 * 86_400_000) throw validationError({ [field]: ["The date must be within 10 years"] });
}
