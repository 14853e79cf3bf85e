import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { action, runAction } from "@/lib/actions/run-action";
import { startFaultyCluster, type FaultyCluster } from "@/lib/testing/postgres-faults";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createBoundedClient } from "./client";
import { isDatabaseUnavailable } from "./errors";

const TIMEOUT_MS = 1_000;
// What a request may wait beyond the bound: timers, the event loop, the test machine's load.
const SLACK_MS = 1_500;

let cluster: FaultyCluster;
let url: string;

beforeAll(async () => {
  cluster = await startFaultyCluster("faults");
  url = await createTestDatabase(cluster.url(), "keyhold_faults");
});
afterAll(async () => cluster?.close());

/** How the call failed and how long it took. */
async function failure(call: () => Promise<unknown>) {
  const started = performance.now();
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

describe("a database that is frozen, stopped or overloaded", () => {
  it("every connection carries the server-side bounds (statement, idle in transaction)", async () => {
    const client = createBoundedClient(url, TIMEOUT_MS);
    try {
      const [row] = await client.$queryRaw<{ statement: string; idle: string }[]>`
        SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`;
      expect(row).toEqual({ statement: "1s", idle: "1s" });
    } finally {
      await client.$disconnect();
    }
  });

  it("frozen: queries and transactions give up within the bound with an 'unavailable' error, and work again after", async () => {
    const client = createBoundedClient(url, TIMEOUT_MS);
    try {
      expect(await client.user.count()).toBe(0); // the pool holds a live connection when the freeze comes
      const resume = cluster.freeze();
      try {
        for (const call of [() => client.user.count(), () => client.$transaction(async (tx) => tx.user.count())]) {
          const { error, ms } = await failure(call);
          expect(error).not.toBeNull();
          expect(isDatabaseUnavailable(error), String(error)).toBe(true);
          expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
        }
      } finally {
        resume();
      }
      await expect.poll(() => client.user.count().catch(() => -1), { timeout: 10_000 }).toBe(0);
    } finally {
      await client.$disconnect();
    }
  });

  it("stopped: queries fail at once as 'unavailable'; the same client recovers when PostgreSQL is back", async () => {
    const client = createBoundedClient(url, TIMEOUT_MS);
    try {
      expect(await client.user.count()).toBe(0);
      await cluster.stop();
      try {
        const { error, ms } = await failure(() => client.user.count());
        expect(isDatabaseUnavailable(error), String(error)).toBe(true);
        expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
        // A console form sees "temporarily unavailable", not "something went wrong".
        const countUsers = action({ permission: "users.read", name: "test.count_users", schema: z.object({}), handler: () => client.user.count() });
        const result = await runAction(countUsers, {}, { type: "USER", id: "u", name: "U", email: "u@example.test", role: "ADMIN" }, { ip: null, userAgent: null, requestId: "req-1" });
        expect(result).toMatchObject({ ok: false, error: { code: "unavailable", requestId: "req-1" } });
      } finally {
        await cluster.restart();
      }
      await expect.poll(() => client.user.count().catch(() => -1), { timeout: 10_000 }).toBe(0);
    } finally {
      await client.$disconnect();
    }
  });

  it("overloaded: a transaction that cannot get a connection in time is 'unavailable' (Prisma P2028), not a bug", async () => {
    const client = createBoundedClient(url, 300, 1);
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () => client.$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(0.2)`)),
      );
      const errors = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    } finally {
      await client.$disconnect();
    }
  });

  it("tells ordinary errors apart: a unique violation or a syntax error is not 'unavailable'", async () => {
    const client = createBoundedClient(url, TIMEOUT_MS);
    try {
      const { error } = await failure(() => client.$executeRawUnsafe("SELEC 1"));
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
      expect(isDatabaseUnavailable({ code: "P2002" })).toBe(false);
    } finally {
      await client.$disconnect();
    }
  });
});
