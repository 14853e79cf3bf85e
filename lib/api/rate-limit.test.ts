import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { AuthFailureLimiter, TokenRateLimiter } from "./rate-limit";

// Each TokenRateLimiter stands for one instance: its own memory, the shared PostgreSQL store.
// `clients` concurrent clients per instance, each sending `each` requests one after another (like autocannon).
async function allowedOf(instances: TokenRateLimiter[], key: string, clients: number, each: number) {
  let allowed = 0;
  const client = async (limiter: TokenRateLimiter) => {
    for (let i = 0; i < each; i++) if ((await limiter.hit(key)).allowed) allowed += 1;
  };
  await Promise.all(instances.flatMap((limiter) => Array.from({ length: clients }, () => client(limiter))));
  return allowed;
}

describe("the per-token rate limit (PostgreSQL store, reservations)", () => {
  it("loses no count when many requests open a window at once (one instance, 600/min, 64 clients × 15 requests)", async () => {
    const allowed = await allowedOf([new TokenRateLimiter(600)], randomUUID(), 64, 15);
    // At most the limit; at most chunk − 1 (5) reserved points left unused.
    expect(allowed).toBeLessThanOrEqual(600);
    expect(allowed).toBeGreaterThanOrEqual(595);
  });

  it("holds the limit across instances: two instances, 60/min, 64 clients each × 5 requests", async () => {
    const allowed = await allowedOf([new TokenRateLimiter(60), new TokenRateLimiter(60)], randomUUID(), 64, 5);
    expect(allowed).toBe(60);
  });

  it("strict alternation between instances is held to the limit too", async () => {
    const key = randomUUID();
    const [a, b] = [new TokenRateLimiter(10), new TokenRateLimiter(10)];
    const answers = [];
    for (let i = 0; i < 14; i++) answers.push((await (i % 2 ? a : b).hit(key)).allowed);
    expect(answers).toEqual([...Array(10).fill(true), false, false, false, false]);
    const refused = await a.hit(key);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.resetSeconds).toBeGreaterThan(0);
    expect(refused.resetSeconds).toBeLessThanOrEqual(60);
  });

  it("costs at most one write per 1% of the limit, and none for refused requests", async () => {
    const key = randomUUID();
    const limiter = new TokenRateLimiter(1000);
    const reservations: number[] = [];
    const store = (limiter as unknown as { store: { penalty: (k: string, p: number) => Promise<unknown> } }).store;
    const penalty = store.penalty.bind(store);
    store.penalty = (k, p) => (reservations.push(p), penalty(k, p));
    for (let i = 0; i < 1100; i++) await limiter.hit(key);
    expect(reservations).toEqual(Array(100).fill(10));
  });
});

describe("the per-token rate limit without its store", () => {
  it("falls back to counting in this instance's memory, at once, when PostgreSQL cannot be reached", async () => {
    const unreachable = new URL(inject("databaseUrl"));
    unreachable.port = "1"; // nothing listens there
    const pool = new pg.Pool({ connectionString: unreachable.toString(), connectionTimeoutMillis: 1_000 });
    try {
      const started = performance.now();
      const answers = await allowedOf([new TokenRateLimiter(5, pool)], randomUUID(), 1, 8);
      expect(answers).toBe(5);
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      await pool.end();
    }
  });
});

describe("the failed-authentication limit", () => {
  it("blocks an address after too many failed authentications", async () => {
    const limiter = new AuthFailureLimiter(3);
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await limiter.fail(ip)).allowed);
    expect(results).toEqual([true, true, true, false]);
    expect((await limiter.fail(`${ip}-other`)).allowed).toBe(true);
  });
});
