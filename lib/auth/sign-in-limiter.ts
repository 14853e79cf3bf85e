import { RateLimiterPostgres } from "rate-limiter-flexible";
import { pgPool } from "@/lib/db/pool";

export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

let limiter: RateLimiterPostgres | undefined;

/**
 * Failed sign-ins per email and IP, kept in PostgreSQL (table rate_limits, created by the migrations) so the
 * count holds across restarts and across instances.
 */
function signInLimiter(): RateLimiterPostgres {
  limiter ??= new RateLimiterPostgres({
    storeClient: pgPool(),
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    keyPrefix: "sign-in",
    points: MAX_FAILED_SIGN_INS,
    duration: SIGN_IN_WINDOW_SECONDS,
  });
  return limiter;
}

const keyOf = (email: string, ip: string | null) => `${email}|${ip ?? "unknown"}`;

/** Seconds until sign-in may be tried again, or 0 when it may be tried now. */
export async function signInLockedFor(email: string, ip: string | null): Promise<number> {
  const state = await signInLimiter().get(keyOf(email, ip));
  if (!state || state.consumedPoints < MAX_FAILED_SIGN_INS) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

/** Counts one failure; the attempt after the fifth within the window is refused by signInLockedFor. */
export async function recordFailedSignIn(email: string, ip: string | null): Promise<void> {
  await signInLimiter().penalty(keyOf(email, ip), 1);
}

export async function clearFailedSignIns(email: string, ip: string | null): Promise<void> {
  await signInLimiter().delete(keyOf(email, ip));
}
