// Which handler works which queue. Features register through ./handlers.ts; workers and tests run jobs here.
import type PgBoss from "pg-boss";
import type { QueueName } from "./queues";

export type JobHandler = (data: unknown, job: PgBoss.Job<unknown>) => Promise<void>;

const HANDLERS: Partial<Record<QueueName, JobHandler>> = {};

export function registerJobHandler(name: QueueName, handler: JobHandler): void {
  HANDLERS[name] = handler;
}

export const hasJobHandler = (name: QueueName) => HANDLERS[name] !== undefined;

/** Runs one job by its queue's handler (workers call this; so do tests that drain a queue). */
export async function runJob(job: PgBoss.Job<unknown>): Promise<void> {
  const handler = HANDLERS[job.name as QueueName];
  if (!handler) throw new Error(`No handler for the ${job.name} queue`);
  await handler(job.data, job);
}
