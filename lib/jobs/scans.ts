// The periodic scans (expiry reminders, stale tokens), at most every 12 hours (pg-boss's longest singleton
// slot; KEYHOLD_SCAN_INTERVAL_SECONDS is bounded to it). Every instance asks for a scan each interval, and
// pg-boss keeps one job per queue per interval slot (singletonSeconds: a unique index on the slot), so with
// several instances each scan still runs once per interval, on whichever instance takes it.
import type PgBoss from "pg-boss";
import { logError } from "@/lib/log";
import type { QueueName } from "./queues";

export const SCAN_QUEUES = ["scan-expiry", "scan-stale"] as const satisfies readonly QueueName[];

export function requestScans(boss: PgBoss, scans: readonly QueueName[], intervalSeconds: number): Promise<unknown> {
  return Promise.all(scans.map((name) => boss.send(name, {}, { singletonKey: name, singletonSeconds: intervalSeconds })));
}

/** Requests the scans now and then every interval; returns how to stop. */
export function scheduleScans(boss: PgBoss, scans: readonly QueueName[], intervalSeconds: number): () => void {
  const tick = () => void requestScans(boss, scans, intervalSeconds).catch((error: unknown) => logError("scan request failed", error));
  tick();
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
