// Send test event and Redeliver: a delivery (new, or the same one again) and its job, audited.
import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { notFoundError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { deliveryJob, writeDeliveries } from "./emit-webhook-event";
import { lockWebhookEndpoint } from "./change-webhook-endpoint";
import { TEST_EVENT } from "./events";
import type { redeliverSchema, webhookIdSchema } from "./schemas";
import { webhookTarget } from "./webhook-audit";

/** A `webhook.test` event to this endpoint only, whatever it subscribed to (even when disabled: it is then logged as not sent). */
export async function sendTestEvent({ id }: z.output<typeof webhookIdSchema>, { actor, meta }: ActionContext) {
  return db.$transaction(async (tx) => {
    const endpoint = await lockWebhookEndpoint(tx, id);
    const data = { message: "A test event from Keyhold", endpointId: endpoint.id, sentBy: actorParty(actor).name ?? null };
    await writeDeliveries(tx, [endpoint.id], { type: TEST_EVENT, timestamp: new Date().toISOString(), data });
    await audit(tx, meta, { action: "webhook.test_sent", actor: actorParty(actor), target: webhookTarget(endpoint) });
    return { id: endpoint.id };
  });
}

/** Sends a logged event again, with the same webhook-id (receivers that already have it can tell). */
export async function redeliverWebhook({ deliveryId }: z.output<typeof redeliverSchema>, { actor, meta }: ActionContext) {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, endpointId: true, eventId: true, eventType: true } });
    if (!delivery) throw notFoundError("This delivery does not exist (any more).");
    const endpoint = await lockWebhookEndpoint(tx, delivery.endpointId);
    await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "pending", nextRetryAt: null } });
    await enqueue(tx, [deliveryJob(deliveryId, `redeliver-${Date.now()}`)]);
    await audit(tx, meta, { action: "webhook.redelivered", actor: actorParty(actor), target: webhookTarget(endpoint), metadata: { deliveryId, eventId: delivery.eventId, eventType: delivery.eventType } });
    return { id: deliveryId };
  });
}
