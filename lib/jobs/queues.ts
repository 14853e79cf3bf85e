// The durable job queues (pg-boss, in PostgreSQL's `pgboss` schema, shared by every instance). Each queue's
// retry and expiry policy lives here; what a job does lives in ./workers.ts. A job is enqueued in the
// transaction of the change that calls for it (./enqueue.ts), so it exists exactly when that change committed.
import type PgBoss from "pg-boss";

export const JOB_SCHEMA = "pgboss";

type QueueOptions = Partial<Pick<PgBoss.Queue, "retryLimit" | "retryDelay" | "retryBackoff" | "expireInSeconds" | "retentionMinutes">>;

const DAY_MINUTES = 24 * 60;

export const QUEUES = {
  // A scan runs on one instance per scan interval (./scans.ts); a failed scan is retried by the next one.
  "scan-expiry": { retryLimit: 0, expireInSeconds: 15 * 60, retentionMinutes: DAY_MINUTES },
  "scan-stale": { retryLimit: 0, expireInSeconds: 15 * 60, retentionMinutes: DAY_MINUTES },
  // One email: retried with back-off (1, 2, 4 … minutes) for about 4 hours.
  email: { retryLimit: 8, retryDelay: 60, retryBackoff: true, expireInSeconds: 120, retentionMinutes: 7 * DAY_MINUTES },
  // One webhook delivery: retried with back-off (45–90 s, then about doubling) for about 3 days (lib/webhooks).
  webhook: { retryLimit: 12, retryDelay: 45, retryBackoff: true, expireInSeconds: 60, retentionMinutes: 8 * DAY_MINUTES },
} satisfies Record<string, QueueOptions>;

export type QueueName = keyof typeof QUEUES;

/** Jobs an instance takes per fetch (default 1): webhook fan-out sends each event to every endpoint. */
export const WORK_BATCH_SIZES: Partial<Record<QueueName, number>> = { webhook: 25 };
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];
