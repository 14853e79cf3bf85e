// The `webhook` job: one attempt at one delivery. The HTTP request is made outside any transaction (and so
// never under the audit-chain lock); its outcome is recorded after (./record-attempt.ts). A failure that may be
// retried throws, so pg-boss retries it with the queue's back-off (lib/jobs/queues.ts).
import type PgBoss from "pg-boss";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { JOB_SCHEMA } from "@/lib/jobs/queues";
import { recordAttempt, type Round } from "./record-attempt";
import { sendWebhook, type AttemptResult } from "./send-webhook";
import { webhookHeaders } from "./sign-webhook";
import { resolveWebhookTarget, WebhookTargetError } from "./webhook-target";

const jobData = z.object({ deliveryId: z.uuid() });

export async function deliverWebhook(data: unknown, job: PgBoss.Job<unknown>): Promise<void> {
  const { deliveryId } = jobData.parse(data);
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId } });
  // Deleted with its endpoint, or already delivered (a redelivery that raced a retry).
  if (!delivery || delivery.status === "succeeded") return;
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: delivery.endpointId } });
  if (!endpoint) {
    // Written by an event that raced the endpoint's deletion (there is no foreign key: see schema.prisma).
    await db.webhookDelivery.deleteMany({ where: { id: delivery.id } });
    return;
  }
  const round = await jobRound(job.id);
  if (!endpoint.enabled) {
    await recordAttempt(delivery, null, round);
    return;
  }
  const result = await attempt(endpoint, delivery.eventId, delivery.payload);
  const outcome = await recordAttempt(delivery, result, round);
  if (outcome === "retry") throw new Error(`Webhook delivery ${deliveryId} failed: ${result.error ?? `HTTP ${result.status}`}`);
}

type Endpoint = Parameters<typeof webhookHeaders>[0] & { url: string };

/** Resolve and check the address, sign, send. */
export async function attempt(endpoint: Endpoint, eventId: string, payload: unknown): Promise<AttemptResult> {
  const { type, timestamp, data } = payload as { type: string; timestamp: string; data: unknown };
  const body = JSON.stringify({ type, timestamp, data }); // in the documented order (jsonb keeps its own)
  try {
    const target = await resolveWebhookTarget(endpoint.url);
    return await sendWebhook(target, webhookHeaders(endpoint, eventId, body), body);
  } catch (error) {
    if (error instanceof WebhookTargetError) return { status: null, durationMs: 0, error: error.message };
    throw error;
  }
}

/** Which try this is, and whether pg-boss will try again after it. */
async function jobRound(id: string): Promise<Round> {
  const [row] = await db.$queryRawUnsafe<{ retryCount: number; retryLimit: number; retryDelay: number }[]>(
    `SELECT retry_count AS "retryCount", retry_limit AS "retryLimit", retry_delay AS "retryDelay" FROM ${JOB_SCHEMA}.job WHERE id = $1::uuid`,
    id,
  );
  return row ?? { retryCount: 0, retryLimit: 0, retryDelay: 0 };
}
