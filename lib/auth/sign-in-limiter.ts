import { createHash } from "node:crypto";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { pgPool } from "@/lib/db/pool";

export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Lock-outs remembered in memory (see lockedUntil); past this, expired ones are dropped, then the oldest. */
const MAX_REMEMBERED_LOCKS = 10_000;

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

// A hash, so that any email fits the key column (VARCHAR(255)) and no email is stored in the table.
const keyOf = (email: string, ip: string | null) => createHash("sha256").update(`${email}|${ip ?? "unknown"}`).digest("hex");

// Lock-outs this instance has seen, so that attempts during one cost no database call. Nothing ends a lock-out
// early (a successful sign-in is refused while locked), so remembering it until it expires is exact.
const globalForLocks = globalThis as unknown as { keyholdSignInLocks?: Map<string, number> };
const lockedUntil = (globalForLocks.keyholdSignInLocks ??= new Map());

function rememberLock(key: string, until: number) {
  if (lockedUntil.size >= MAX_REMEMBERED_LOCKS) {
    const now = Date.now();
    for (const [k, expires] of lockedUntil) if (expires <= now) lockedUntil.delete(k);
    if (lockedUntil.size >= MAX_REMEMBERED_LOCKS) lockedUntil.delete(lockedUntil.keys().next().value!);
  }
  lockedUntil.set(key, until);
}

/** Seconds until sign-in may be tried again, or 0 when it may be tried now. */
export async function signInLockedFor(email: string, ip: string | null): Promise<number> {
  const key = keyOf(email, ip);
  const now = Date.now();
  const remembered = lockedUntil.get(key);
  if (remembered && remembered > now) return Math.ceil((remembered - now) / 1000);
  const state = await signInLimiter().get(key);
  if (!state || state.consumedPoints < MAX_FAILED_SIGN_INS) return 0;
  rememberLock(key, now + state.msBeforeNext);
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

/** Counts one failure; the attempt after the fifth within the window is refused by signInLockedFor. */
export async function recordFailedSignIn(email: string, ip: string | null): Promise<void> {
  await signInLimiter().penalty(keyOf(email, ip), 1);
}

export async function clearFailedSignIns(email: string, ip: string | null): Promise<void> {
  const key = keyOf(email, ip);
  lockedUntil.delete(key);
  await signInLimiter().delete(key);
}
