// After an attempt: the delivery's log entry, and what the attempt means for its endpoint (410: disabled at
// once; failing for five days: disabled, and its creator told). One short transaction, after the request.
import { audit } from "@/lib/audit/audit";
import { db, type Tx } from "@/lib/db/client";
import type { WebhookDelivery, WebhookEndpoint } from "@/lib/db/generated/client";
import { notify } from "@/lib/notifications/notify";
import type { AttemptResult } from "./send-webhook";
import { SYSTEM_META, SYSTEM_PARTY, webhookTarget } from "./webhook-audit";

export type Round = { retryCount: number; retryLimit: number; retryDelay: number };
export type Outcome = "succeeded" | "retry" | "failed";

export const FAILING_DAYS_BEFORE_DISABLE = 5;
const DAY_MS = 86_400_000;

/** `result` null: the endpoint was disabled before this attempt could be made. */
export async function recordAttempt(delivery: WebhookDelivery, result: AttemptResult | null, round: Round, now = new Date()): Promise<Outcome> {
  const ok = result?.status != null && result.status >= 200 && result.status < 300;
  const gone = result?.status === 410;
  const last = !ok && (gone || result === null || round.retryCount >= round.retryLimit);
  const outcome: Outcome = ok ? "succeeded" : last ? "failed" : "retry";
  // pg-boss waits between delay·2^n and twice that; the middle is shown.
  const nextRetryAt = outcome === "retry" ? new Date(now.getTime() + round.retryDelay * 1000 * 1.5 * 2 ** round.retryCount) : null;
  await db.$transaction(async (tx) => {
    // The endpoint before the delivery: the order Redeliver locks them in.
    const endpoint = result ? await tx.webhookEndpoint.findUnique({ where: { id: delivery.endpointId } }) : null;
    const failingSince = ok ? null : (endpoint?.failingSince ?? now);
    if (endpoint && endpoint.failingSince?.getTime() !== failingSince?.getTime()) await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { failingSince } });
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        status: outcome === "retry" ? "pending" : outcome,
        ...(result ? { attempts: { increment: 1 }, responseStatus: result.status, durationMs: result.durationMs } : {}),
        lastError: result === null ? "The endpoint is disabled" : ok ? null : (result.error ?? `HTTP ${result.status}`).slice(0, 500),
        nextRetryAt,
      },
    });
    if (!endpoint || !result || ok) return;
    const disableReason = gone
      ? "The endpoint answered 410 Gone"
      : now.getTime() - failingSince!.getTime() >= FAILING_DAYS_BEFORE_DISABLE * DAY_MS
        ? `Every delivery failed for ${FAILING_DAYS_BEFORE_DISABLE} days`
        : null;
    if (disableReason && endpoint.enabled) await disableEndpoint(tx, endpoint, disableReason, now);
    if (outcome === "failed") {
      await audit(tx, SYSTEM_META, {
        action: "webhook.delivery_failed",
        actor: SYSTEM_PARTY,
        target: webhookTarget(endpoint),
        result: "FAILURE",
        metadata: { deliveryId: delivery.id, eventId: delivery.eventId, eventType: delivery.eventType, attempts: delivery.attempts + 1, responseStatus: result.status, error: result.error },
      });
    }
  });
  return outcome;
}

async function disableEndpoint(tx: Tx, endpoint: WebhookEndpoint, reason: string, now: Date) {
  await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { enabled: false, disabledReason: reason, disabledAt: now } });
  if (endpoint.createdById) {
    await notify(tx, [
      {
        userId: endpoint.createdById,
        kind: "webhook.disabled",
        dedupeKey: `webhook.disabled:${endpoint.id}:${now.toISOString()}`,
        data: { endpointId: endpoint.id, url: endpoint.url, reason },
      },
    ]);
  }
  await audit(tx, SYSTEM_META, { action: "webhook.disabled", actor: SYSTEM_PARTY, target: webhookTarget(endpoint), metadata: { reason, url: endpoint.url } });
}
