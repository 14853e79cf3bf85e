// Working the `webhook` queue in tests as an instance would: a real pg-boss fetches the jobs, the registered
// handler runs them, pg-boss records success or failure (and so the retry and its back-off).
import PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import { registerJobHandlers } from "@/lib/jobs/handlers";
import { JOB_SCHEMA } from "@/lib/jobs/queues";
import { runJob } from "@/lib/jobs/registry";

export function webhookWorker() {
  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: JOB_SCHEMA, max: 2, supervise: false, schedule: false, migrate: false });
  registerJobHandlers();
  return {
    start: () => boss.start(),
    stop: () => boss.stop({ graceful: false, wait: true }),
    /** Runs every webhook job that is due, until none is. */
    async drain() {
      for (let round = 0; round < 50; round += 1) {
        const jobs = await boss.fetch("webhook", { batchSize: 50 });
        if (jobs.length === 0) return;
        for (const job of jobs) {
          try {
            await runJob(job);
            await boss.complete("webhook", job.id);
          } catch (error) {
            await boss.fail("webhook", job.id, { message: error instanceof Error ? error.message : String(error) });
          }
        }
      }
    },
  };
}

/** The delivery's job as pg-boss holds it. */
export async function deliveryJobState(deliveryId: string) {
  const rows = await db.$queryRawUnsafe<{ state: string; startAfter: Date; retryCount: number }[]>(
    `SELECT state::text, start_after AS "startAfter", retry_count AS "retryCount" FROM ${JOB_SCHEMA}.job WHERE name = 'webhook' AND data->>'deliveryId' = $1 ORDER BY created_on DESC`,
    deliveryId,
  );
  return rows[0];
}

/** Time passes: the delivery's waiting retry is due now (and, optionally, it is its last). */
export async function makeRetryDue(deliveryId: string, { last = false } = {}) {
  await db.$executeRawUnsafe(
    `UPDATE ${JOB_SCHEMA}.job SET start_after = now()${last ? ", retry_limit = retry_count + 1" : ""} WHERE name = 'webhook' AND data->>'deliveryId' = $1 AND state = 'retry'`,
    deliveryId,
  );
}
