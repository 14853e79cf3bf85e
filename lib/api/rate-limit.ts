import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/config/env";
import { pgPool } from "@/lib/db/pool";

const WINDOW_SECONDS = 60;
const SYNC_EVERY_MS = 1_000;

export type LimitState = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

const limiter = (keyPrefix: string, points: number, options: { inMemoryBlockOnConsumed?: number } = {}) =>
  new RateLimiterPostgres({ storeClient: pgPool(), storeType: "pool", tableName: "rate_limits", tableCreated: true, keyPrefix, points, duration: WINDOW_SECONDS, ...options });

type Local = { shared: number; unsynced: number; resetAt: number; syncedAt: number; syncing: boolean };

/**
 * Requests per token per minute, shared by every instance through PostgreSQL (rate-limiter-flexible's store).
 * Each instance counts in memory and adds its count to the shared one about once a second, so a busy token
 * costs one write a second per instance, not one per request. The limit can overshoot by what the other
 * instances served in the last second.
 */
export class TokenRateLimiter {
  private readonly store: RateLimiterPostgres;
  private readonly local = new Map<string, Local>();

  constructor(readonly points: number) {
    this.store = limiter("api-token", points);
  }

  async hit(key: string, now = Date.now()): Promise<LimitState> {
    let state = this.local.get(key);
    if (!state || now >= state.resetAt) {
      // First request of a window on this instance: learn the shared count before answering.
      const res = await this.store.penalty(key, 1);
      state = { shared: res.consumedPoints, unsynced: 0, resetAt: now + res.msBeforeNext, syncedAt: now, syncing: false };
      this.local.set(key, state);
      return this.answer(state, now, state.shared <= this.points);
    }
    const used = state.shared + state.unsynced;
    if (used >= this.points) return this.answer(state, now, false);
    state.unsynced += 1;
    if (now - state.syncedAt >= SYNC_EVERY_MS && !state.syncing) void this.sync(key, state);
    return this.answer(state, now, true);
  }

  private async sync(key: string, state: Local) {
    const sending = state.unsynced;
    state.syncing = true;
    try {
      const res = await this.store.penalty(key, sending);
      state.unsynced -= sending;
      state.shared = res.consumedPoints;
      state.resetAt = Date.now() + res.msBeforeNext;
    } catch {
      // Keep counting locally; the next sync retries.
    } finally {
      state.syncedAt = Date.now();
      state.syncing = false;
    }
  }

  private answer(state: Local, now: number, allowed: boolean): LimitState {
    const remaining = Math.max(0, this.points - state.shared - state.unsynced);
    return { allowed, limit: this.points, remaining, resetSeconds: Math.max(1, Math.ceil((state.resetAt - now) / 1000)) };
  }
}

/**
 * Failed authentications per client address, shared by the instances through PostgreSQL. Each failure up to
 * the limit is written; the one that reaches it blocks the address in this instance's memory until the window
 * resets, so a flood past the limit costs no database call at all.
 */
export class AuthFailureLimiter {
  private readonly store: RateLimiterPostgres;

  constructor(readonly points: number) {
    // With no inMemoryBlockDuration, rate-limiter-flexible blocks for what is left of the shared window.
    this.store = limiter("api-auth-failure", points, { inMemoryBlockOnConsumed: points });
  }

  async fail(ip: string | null): Promise<LimitState> {
    try {
      const res = await this.store.consume(ip ?? "unknown", 1);
      return { allowed: true, limit: this.points, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { allowed: false, limit: this.points, remaining: 0, resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }
}

const globalForLimits = globalThis as unknown as { keyholdTokenLimiter?: TokenRateLimiter; keyholdAuthLimiter?: AuthFailureLimiter };
export const tokenLimiter = () => (globalForLimits.keyholdTokenLimiter ??= new TokenRateLimiter(env().KEYHOLD_API_RATE_LIMIT));
export const authFailureLimiter = () => (globalForLimits.keyholdAuthLimiter ??= new AuthFailureLimiter(env().KEYHOLD_API_AUTH_FAILURE_LIMIT));

export function rateLimitHeaders(state: LimitState): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
  };
  if (!state.allowed) headers["Retry-After"] = String(state.resetSeconds);
  return headers;
}
