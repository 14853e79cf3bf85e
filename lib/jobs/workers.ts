// Working the queues: each instance starts pg-boss and works every queue; PostgreSQL hands each job to one
// worker (SKIP LOCKED), so with several instances every job still runs once. A job that throws is retried by
// its queue's policy (./queues.ts).
import type PgBoss from "pg-boss";
import { logError, logInfo } from "@/lib/log";
import { jobBoss } from "./boss";
import { registerJobHandlers } from "./handlers";
import { hasJobHandler, runJob } from "./registry";
import { QUEUE_NAMES, WORK_BATCH_SIZES } from "./queues";
import { SCAN_QUEUES, scheduleScans } from "./scans";

let stop: (() => Promise<void>) | null = null;

/** Starts working every queue and scheduling the scans, every `scanIntervalSeconds`. Returns how to stop. */
export async function startJobWorkers({ scanIntervalSeconds, pollingIntervalSeconds = 2 }: { scanIntervalSeconds: number; pollingIntervalSeconds?: number }) {
  if (stop) return stop;
  registerJobHandlers();
  const boss = jobBoss();
  boss.on("error", (error) => logError("job queue error", error));
  await boss.start();
  for (const name of QUEUE_NAMES) {
    if (!hasJobHandler(name)) continue;
    // pg-boss waits out the polling interval after each fetch: a queue that must move faster takes several
    // jobs per fetch (WORK_BATCH_SIZES), and after a full batch (more may be waiting) fetches again at once.
    // Each job of a batch still succeeds or fails on its own: a failed one is failed here (and retried by its
    // policy), pg-boss completes the rest.
    const batchSize = WORK_BATCH_SIZES[name] ?? 1;
    const workerId: string = await boss.work(name, { batchSize, pollingIntervalSeconds }, async (jobs) => {
      await Promise.all(jobs.map((job) => runJob(job).catch((error: unknown) => failJob(boss, job, error))));
      if (jobs.length === batchSize) boss.notifyWorker(workerId);
    });
  }
  const stopScans = scheduleScans(boss, SCAN_QUEUES.filter(hasJobHandler), scanIntervalSeconds);
  logInfo("job workers started", { queues: QUEUE_NAMES.filter(hasJobHandler), scanIntervalSeconds });
  stop = async () => {
    stopScans();
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    stop = null;
  };
  return stop;
}

function failJob(boss: PgBoss, job: PgBoss.Job<unknown>, error: unknown) {
  logError("job failed", error, { queue: job.name, jobId: job.id });
  return boss.fail(job.name, job.id, { message: error instanceof Error ? error.message : String(error) });
}
