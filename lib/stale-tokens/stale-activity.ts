// When a token was last active, as the stale-token policy counts it: its last use, its creation or its resume,
// whichever is latest (a resumed token gets the policy's full days again). Shared by the scan and the home page.

export const DAY_MS = 86_400_000;
/** The owner is warned this many days before the policy suspends a token. */
export const SUSPENSION_WARNING_DAYS = 7;

/** In SQL, for a token aliased `t` (GREATEST ignores NULLs). */
export const ACTIVITY_SQL = `GREATEST(t."lastUsedAt", t."createdAt", t."resumedAt")`;

export function activityAt(token: { lastUsedAt: Date | null; createdAt: Date; resumedAt: Date | null }): Date {
  return new Date(Math.max(token.createdAt.getTime(), token.lastUsedAt?.getTime() ?? 0, token.resumedAt?.getTime() ?? 0));
}

/** When the policy (days; null: off) suspends a token with this activity, or null. */
export const suspendsAt = (activity: Date, days: number | null) => (days === null ? null : new Date(activity.getTime() + days * DAY_MS));

/** Once per token and activity: a token used (or resumed) since its warning is warned again when it goes stale again. */
export const warningKey = (tokenId: string, activity: Date) => `token.suspension_warning:${tokenId}:${activity.getTime()}`;

/** Whole days from now until `at` (0 once it is due: the next scan), or null. */
export const daysUntil = (at: Date | null, now: Date) => (at ? Math.max(0, Math.ceil((at.getTime() - now.getTime()) / DAY_MS)) : null);
