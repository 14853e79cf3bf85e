// Working the queues: each instance starts pg-boss and works every queue; PostgreSQL hands each job to one
// worker (SKIP LOCKED), so with several instances every job still runs once. A job that throws is retried by
// its queue's policy (./queues.ts).
import type PgBoss from "pg-boss";
import { logError, logInfo } from "@/lib/log";
import { jobBoss } from "./boss";
import { QUEUE_NAMES, type QueueName } from "./queues";
import { SCAN_QUEUES, scheduleScans } from "./scans";

export type JobHandler = (data: unknown, job: PgBoss.Job<unknown>) => Promise<void>;

/** What each queue's job does. Features add theirs here. */
const HANDLERS: Partial<Record<QueueName, JobHandler>> = {};

export function registerJobHandler(name: QueueName, handler: JobHandler): void {
  HANDLERS[name] = handler;
}

/** Runs one job by its queue's handler (workers call this; so do tests that drain a queue). */
export async function runJob(job: PgBoss.Job<unknown>): Promise<void> {
  const handler = HANDLERS[job.name as QueueName];
  if (!handler) throw new Error(`No handler for the ${job.name} queue`);
  await handler(job.data, job);
}

let stop: (() => Promise<void>) | null = null;

/** Starts working every queue and scheduling the scans, every `scanIntervalSeconds`. Returns how to stop. */
export async function startJobWorkers({ scanIntervalSeconds, pollingIntervalSeconds = 2 }: { scanIntervalSeconds: number; pollingIntervalSeconds?: number }) {
  if (stop) return stop;
  const boss = jobBoss();
  boss.on("error", (error) => logError("job queue error", error));
  await boss.start();
  for (const name of QUEUE_NAMES) {
    if (!HANDLERS[name]) continue;
    await boss.work(name, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
      if (job) await runJob(job);
    });
  }
  const stopScans = scheduleScans(boss, SCAN_QUEUES.filter((name) => HANDLERS[name]), scanIntervalSeconds);
  logInfo("job workers started", { queues: QUEUE_NAMES.filter((name) => HANDLERS[name]), scanIntervalSeconds });
  stop = async () => {
    stopScans();
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    stop = null;
  };
  return stop;
}
