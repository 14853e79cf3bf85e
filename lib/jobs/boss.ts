// The one pg-boss per process: enqueueing (./enqueue.ts) needs only its SQL, working needs it started
// (./workers.ts). Kept on globalThis because Next's server bundle and the launcher each load this module.
import PgBoss from "pg-boss";
import { env } from "@/lib/config/env";
import { JOB_SCHEMA, QUEUE_NAMES, QUEUES } from "./queues";

const globalForJobs = globalThis as unknown as { keyholdBoss?: PgBoss };

function createBoss(connectionString: string, options: Partial<PgBoss.ConstructorOptions> = {}) {
  // A small pool: jobs are few and short; requests keep the main pool.
  return new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 4, application_name: "keyhold-jobs", ...options });
}

/** This process's pg-boss, not started: enough to insert jobs in a caller's transaction. */
export function jobBoss(): PgBoss {
  globalForJobs.keyholdBoss ??= createBoss(env().DATABASE_URL);
  return globalForJobs.keyholdBoss;
}

/**
 * Creates (or upgrades) pg-boss's schema and Keyhold's queues in the database at `url`; run with the
 * migrations, so jobs can be enqueued before any instance starts working them. pg-boss takes its own advisory
 * lock, so instances starting together do this once.
 */
export async function installJobQueues(url: string): Promise<void> {
  const boss = createBoss(url, { supervise: false, schedule: false, max: 1 });
  boss.on("error", () => {}); // start() rejects with the same error
  await boss.start();
  try {
    for (const name of QUEUE_NAMES) {
      const options = QUEUES[name];
      if (await boss.getQueue(name)) await boss.updateQueue(name, { name, ...options });
      else await boss.createQueue(name, { name, ...options });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
