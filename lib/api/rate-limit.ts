import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/config/env";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { pgPool } from "@/lib/db/pool";
import type { MaybePromise } from "./maybe-promise";

const WINDOW_SECONDS = 60;
/** A token's limit is handed out in at most this many reservations per window (see TokenRateLimiter). */
const RESERVATIONS_PER_WINDOW = 100;
/** After the store failed, this instance counts alone for this long before asking it again. */
const INSURANCE_MS = 5_000;

export type LimitState = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

const limiter = (keyPrefix: string, points: number, options: { inMemoryBlockOnConsumed?: number; pool?: pg.Pool; duration?: number } = {}) =>
  new RateLimiterPostgres({ storeClient: options.pool ?? pgPool(), storeType: "pool", tableName: "rate_limits", tableCreated: true, keyPrefix, points, duration: WINDOW_SECONDS, ...options });

/** This instance's share of one token's current window: points reserved in the store, and how many it served. */
type Window = { resetAt: number; granted: number; used: number; shared: number; exhausted: boolean; reserving?: Promise<void> };

/**
 * Requests per token per minute, shared by every instance through PostgreSQL (rate-limiter-flexible's store,
 * a fixed window). An instance serves requests only from points it reserved in the store: each reservation
 * adds `chunk` (1% of the limit, at least 1) to the shared count in one atomic upsert and is granted what was
 * left under the limit. So, whatever the number of instances and however requests interleave, no more than
 * the limit is ever served in a window (no lost updates: concurrent requests of one instance wait on the same
 * reservation); the price is that up to chunk − 1 reserved points per instance may go unused (≤ 1% per
 * instance), and a busy token costs at most 100 writes per window, not one per request. Refused requests cost
 * no write. If the store fails, the instance counts alone (the limit per instance) for a few seconds.
 */
export class TokenRateLimiter {
  private readonly store: RateLimiterPostgres;
  private readonly insurance: RateLimiterMemory;
  private readonly windows = new Map<string, Window>();
  private readonly chunk: number;
  private storeFailedAt = -Infinity;

  /** `pool`: the store's connections (the shared pool unless a test gives another). */
  constructor(
    readonly points: number,
    pool?: pg.Pool,
  ) {
    this.store = limiter("api-token", points, { pool });
    this.insurance = new RateLimiterMemory({ keyPrefix: "api-token", points, duration: WINDOW_SECONDS });
    this.chunk = Math.max(1, Math.floor(points / RESERVATIONS_PER_WINDOW));
  }

  /** The answer without a promise when it needs no reservation (most requests): hit() otherwise. */
  hitNow(key: string, now = Date.now()): MaybePromise<LimitState> {
    return this.fromReserved(key, now) ?? this.hit(key, now);
  }

  async hit(key: string, now = Date.now()): Promise<LimitState> {
    for (;;) {
      if (now - this.storeFailedAt < INSURANCE_MS) return this.insured(key);
      const answered = this.fromReserved(key, now);
      if (answered) return answered;
      let window = this.windows.get(key);
      if (!window || now >= window.resetAt) {
        window = { resetAt: Infinity, granted: 0, used: 0, shared: 0, exhausted: false };
        this.windows.set(key, window);
      }
      const current = window;
      current.reserving ??= this.reserve(key, current).finally(() => (current.reserving = undefined));
      try {
        await current.reserving;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        this.storeFailedAt = Date.now();
        return this.insured(key);
      }
    }
  }

  /** Served from points this instance already reserved, or refused because the window is used up; null: neither. */
  private fromReserved(key: string, now: number): LimitState | null {
    if (now - this.storeFailedAt < INSURANCE_MS) return null;
    const window = this.windows.get(key);
    if (!window || now >= window.resetAt) return null;
    if (window.used < window.granted) {
      window.used += 1;
      return this.answer(window, now, true);
    }
    return window.exhausted ? this.answer(window, now, false) : null;
  }

  /** Takes `chunk` points from the shared window in one atomic upsert; keeps what fitted under the limit. */
  private async reserve(key: string, window: Window) {
    // The window's end as seen from before the request: an instance drops its reservation no later than the store.
    const asked = Date.now();
    const res = await this.store.penalty(key, this.chunk);
    const granted = Math.max(0, Math.min(this.chunk, this.points - (res.consumedPoints - this.chunk)));
    window.granted += granted;
    window.shared = res.consumedPoints;
    window.exhausted = res.consumedPoints >= this.points;
    window.resetAt = asked + res.msBeforeNext;
  }

  private async insured(key: string): Promise<LimitState> {
    try {
      const res = await this.insurance.consume(key, 1);
      return { allowed: true, limit: this.points, remaining: res.remainingPoints, resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    } catch (rejection) {
      return { allowed: false, limit: this.points, remaining: 0, resetSeconds: Math.max(1, Math.ceil((rejection as RateLimiterRes).msBeforeNext / 1000)) };
    }
  }

  private answer(window: Window, now: number, allowed: boolean): LimitState {
    const remaining = Math.max(0, this.points - window.shared) + (window.granted - window.used);
    return { allowed, limit: this.points, remaining, resetSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
  }
}

/**
 * Events per client address (failed authentications; leak reports), shared by the instances through
 * PostgreSQL. Each event up to the limit is written; the one that reaches it blocks the address in this
 * instance's memory until the window resets, so a flood past the limit costs no database call at all.
 */
export class AuthFailureLimiter {
  private readonly store: RateLimiterPostgres;

  constructor(
    readonly points: number,
    { keyPrefix = "api-auth-failure", windowSeconds = WINDOW_SECONDS }: { keyPrefix?: string; windowSeconds?: number } = {},
  ) {
    // With no inMemoryBlockDuration, rate-limiter-flexible blocks for what is left of the shared window.
    this.store = limiter(keyPrefix, points, { inMemoryBlockOnConsumed: points, duration: windowSeconds });
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

const globalForLimits = globalThis as unknown as { keyholdTokenLimiter?: TokenRateLimiter; keyholdAuthLimiter?: AuthFailureLimiter; keyholdLeakLimiter?: AuthFailureLimiter };
export const tokenLimiter = () => (globalForLimits.keyholdTokenLimiter ??= new TokenRateLimiter(env().KEYHOLD_API_RATE_LIMIT));
export const authFailureLimiter = () => (globalForLimits.keyholdAuthLimiter ??= new AuthFailureLimiter(env().KEYHOLD_API_AUTH_FAILURE_LIMIT));
/** Leak reports (POST /api/v1/tokens/leaked, no token) per client address per hour. */
export const leakReportLimiter = () =>
  (globalForLimits.keyholdLeakLimiter ??= new AuthFailureLimiter(env().KEYHOLD_LEAK_REPORT_LIMIT, { keyPrefix: "leak-report", windowSeconds: 3600 }));

export function rateLimitHeaders(state: LimitState): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
  };
  if (!state.allowed) headers["Retry-After"] = String(state.resetSeconds);
  return headers;
}
