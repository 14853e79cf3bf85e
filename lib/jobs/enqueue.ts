// Enqueueing in the caller's transaction: the job row is written with the change (and its audit event) that
// calls for it, or not at all. A job with an `id` is written once: enqueueing the same id again does nothing,
// which is how a notice already queued by another instance is not queued twice.
import type PgBoss from "pg-boss";
import type { Tx } from "@/lib/db/client";
import { jobBoss } from "./boss";
import type { QueueName } from "./queues";

export type NewJob = {
  name: QueueName;
  data: object;
  /** A UUID naming the job: the same id is only ever enqueued once (./job-id.ts). */
  id?: string;
  /** When to run it, default now. */
  startAfter?: Date;
};

/** pg-boss's SQL, run through the caller's Prisma transaction. */
export function transactionDb(tx: Tx): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...(values ?? []).map((value) => value ?? null)) }),
  };
}

export async function enqueue(tx: Tx, jobs: readonly NewJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await jobBoss().insert(
    jobs.map(({ name, data, id, startAfter }) => ({ name, data, id, startAfter: startAfter?.toISOString() })),
    { db: transactionDb(tx) },
  );
}
