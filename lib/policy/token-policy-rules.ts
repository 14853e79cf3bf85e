import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { EXPIRATION_CHOICES } from "@/lib/service-accounts/schemas";
import type { TokenPolicy } from "./token-policy-schema";

// What the token policy allows, as pure functions: the server enforces them (token-policy.ts) and the console's
// dialogs offer only what they allow, so the two cannot disagree.

const DAY_MS = 86_400_000;

/** The latest expiry the policy allows for a token of this role made at `from` (null: no limit). */
export function latestExpiry(policy: TokenPolicy, role: ServiceAccountRole, from: Date): Date | null {
  const days = policy.maxLifetimeDays[role];
  return days === null ? null : new Date(from.getTime() + days * DAY_MS);
}

/** Whether "never" may be chosen for a token of this role. */
export const allowsNever = (policy: TokenPolicy, role: ServiceAccountRole) => !policy.requireExpiry && policy.maxLifetimeDays[role] === null;

/**
 * Why the policy refuses this expiry for a token of `role` created (or kept) from `from`, or null when it is
 * allowed. A minute of slack absorbs the time between the console's choice and the server's clock.
 */
export function expiryViolation(policy: TokenPolicy, role: ServiceAccountRole, expiresAt: Date | null, from: Date): string | null {
  const days = policy.maxLifetimeDays[role];
  if (expiresAt === null) {
    if (days !== null) return `The token policy allows ${role} tokens at most ${days} ${days === 1 ? "day" : "days"}: choose an expiry`;
    if (policy.requireExpiry) return "The token policy requires an expiry";
    return null;
  }
  const latest = latestExpiry(policy, role, from);
  if (latest && expiresAt.getTime() > latest.getTime() + 60_000) {
    return `The token policy allows ${role} tokens at most ${days} ${days === 1 ? "day" : "days"} (until ${latest.toISOString().slice(0, 16).replace("T", " ")} UTC)`;
  }
  return null;
}

/**
 * An expiry nobody chose (a rotation or regeneration keeping "the same lifetime as before") brought within the
 * policy: a token that never expired gets the role's maximum (or the default expiration) when "never" is no
 * longer allowed, and a lifetime over the maximum is cut to it.
 */
export function fitToPolicy(policy: TokenPolicy, role: ServiceAccountRole, expiresAt: Date | null, now: Date): Date | null {
  const latest = latestExpiry(policy, role, now);
  if (expiresAt === null) {
    if (allowsNever(policy, role)) return null;
    return latest ?? new Date(now.getTime() + Number(policy.defaultExpiration) * DAY_MS);
  }
  return latest && expiresAt > latest ? latest : expiresAt;
}

/** The expiration choices a dialog offers for a token of this role (presets over the maximum and "never" removed). */
export function expirationChoicesFor(policy: TokenPolicy, role: ServiceAccountRole): (typeof EXPIRATION_CHOICES)[number][] {
  const days = policy.maxLifetimeDays[role];
  return EXPIRATION_CHOICES.filter((choice) => {
    if (choice === "custom") return true;
    if (choice === "never") return allowsNever(policy, role);
    return days === null || Number(choice) <= days;
  });
}

/** The choice a dialog starts with: the policy's default when it is allowed for the role, else the longest preset allowed. */
export function defaultExpirationFor(policy: TokenPolicy, role: ServiceAccountRole): (typeof EXPIRATION_CHOICES)[number] {
  const choices = expirationChoicesFor(policy, role);
  if (choices.includes(policy.defaultExpiration)) return policy.defaultExpiration;
  return choices.filter((choice) => choice !== "custom" && choice !== "never").at(-1) ?? "custom";
}
