// Working the queues: each instance starts pg-boss and works every queue; PostgreSQL hands each job to one
// worker (SKIP LOCKED), so with several instances every job still runs once. A job that throws is retried by
// its queue's policy (./queues.ts).
import { logError, logInfo } from "@/lib/log";
import { jobBoss } from "./boss";
import { registerJobHandlers } from "./handlers";
import { hasJobHandler, runJob } from "./registry";
import { QUEUE_NAMES } from "./queues";
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
    await boss.work(name, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
      if (job) await runJob(job);
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
