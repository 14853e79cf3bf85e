import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { enqueue } from "./enqueue";
import { jobId } from "./job-id";
import { JOB_SCHEMA } from "./queues";
import { requestScans } from "./scans";

const jobsWithId = async (id: string) => (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`, id))[0]!.n;
const jobsWithData = async (name: string, marker: string) =>
  (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = $1 AND data->>'marker' = $2`, name, marker))[0]!.n;

// Two pg-boss clients on the test database: two instances.
const instances = [0, 1].map(() => new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: JOB_SCHEMA, max: 1 }));
afterAll(() => Promise.all(instances.map((boss) => boss.stop({ graceful: false, wait: true }).catch(() => {}))));

describe("jobs (pg-boss in PostgreSQL)", () => {
  it("a job enqueued in a transaction exists exactly when the transaction commits", async () => {
    const committed = randomUUID();
    const rolledBack = randomUUID();
    await db.$transaction((tx) => enqueue(tx, [{ name: "email", data: { marker: committed }, id: committed }]));
    await expect(
      db.$transaction(async (tx) => {
        await enqueue(tx, [{ name: "email", data: { marker: rolledBack }, id: rolledBack }]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await jobsWithId(committed)).toBe(1);
    expect(await jobsWithId(rolledBack)).toBe(0);
  });

  it("the same job id is enqueued once, however many instances decide to enqueue it", async () => {
    const id = jobId(`test:${randomUUID()}`);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await Promise.all([0, 1, 2].map(() => db.$transaction((tx) => enqueue(tx, [{ name: "email", data: { marker: id }, id }]))));
    expect(await jobsWithId(id)).toBe(1);
  });

  it("two instances requesting a scan in the same interval get one scan job", async () => {
    await Promise.all(instances.map((boss) => boss.start()));
    // A slot of 12 hours (pg-boss's longest): both requests fall in it. Marked by a fresh queue-less key is not possible (the scan
    // job's data is empty), so count the slot's jobs before and after.
    const count = async () => (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = 'scan-stale' AND singleton_key = 'scan-stale' AND singleton_on IS NOT NULL`))[0]!.n;
    const before = await count();
    await Promise.all(instances.map((boss) => requestScans(boss, ["scan-stale"], 43_200)));
    await Promise.all(instances.map((boss) => requestScans(boss, ["scan-stale"], 43_200)));
    expect((await count()) - before).toBeLessThanOrEqual(1);
    expect(await count()).toBeGreaterThanOrEqual(1);
  });

  it("each job is handed to one worker", async () => {
    const marker = randomUUID();
    await db.$transaction((tx) => enqueue(tx, Array.from({ length: 6 }, () => ({ name: "email" as const, data: { marker } }))));
    expect(await jobsWithData("email", marker)).toBe(6);
    const taken: string[] = [];
    // Both instances fetch at once, repeatedly, until the queue has none of ours left.
    for (let round = 0; round < 20 && taken.length < 6; round += 1) {
      const batches = await Promise.all(instances.map((boss) => boss.fetch<{ marker?: string }>("email", { batchSize: 10 })));
      for (const job of batches.flat()) if (job.data.marker === marker) taken.push(job.id);
    }
    expect(taken).toHaveLength(6);
    expect(new Set(taken).size).toBe(6);
  });
});
