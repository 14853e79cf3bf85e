// Fan-out: one WebhookDelivery per enabled endpoint subscribed to the event, and its `webhook` job, written in
// the transaction of the change (called by lib/audit/audit.ts for the audit actions that are webhook events).
import { randomUUID } from "node:crypto";
import type { AuditEventInput } from "@/lib/audit/audit";
import type { Prisma, Tx } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/enqueue";
import { jobId } from "@/lib/jobs/job-id";
import { TOKEN_PREFIX } from "@/lib/tokens/token-shape";
import { webhookEventOf } from "./events";

export type WebhookPayload = { type: string; timestamp: string; data: Prisma.InputJsonObject };

/** A delivery's job: its id is stable per (delivery, round), so the same round is never queued twice. */
export const deliveryJob = (deliveryId: string, round: number | string = 0) => ({ name: "webhook" as const, data: { deliveryId }, id: jobId(`webhook:${deliveryId}:${round}`) });

/**
 * Writes the events' deliveries and jobs; costs one indexed query per event type when no endpoint wants it,
 * none at all for audit actions that are not webhook events.
 */
export async function emitWebhookEvents(tx: Tx, events: readonly AuditEventInput[]): Promise<number> {
  const typed = events.flatMap((event) => {
    const type = webhookEventOf(event);
    return type ? [{ type, event }] : [];
  });
  let written = 0;
  for (const type of new Set(typed.map((e) => e.type))) {
    const endpoints = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "WebhookEndpoint" WHERE "enabled" AND ${type} = ANY("eventTypes")`;
    if (endpoints.length === 0) continue;
    const timestamp = new Date().toISOString();
    for (const { event } of typed.filter((e) => e.type === type)) {
      written += await writeDeliveries(tx, endpoints.map(({ id }) => id), { type, timestamp, data: eventData(event) });
    }
  }
  return written;
}

export async function writeDeliveries(tx: Tx, endpointIds: readonly string[], payload: WebhookPayload): Promise<number> {
  const eventId = `msg_${randomUUID().replaceAll("-", "")}`;
  const deliveries = await tx.webhookDelivery.createManyAndReturn({
    data: endpointIds.map((endpointId) => ({ endpointId, eventId, eventType: payload.type, payload })),
    select: { id: true },
  });
  await enqueue(tx, deliveries.map(({ id }) => deliveryJob(id)));
  return deliveries.length;
}

/**
 * What the event is about: the audit event's actor, its target (the service account, named) and its metadata
 * (token ids, names, hints, expiry, before/after). Audit metadata never holds a token value; anything shaped like
 * one is still cut out here, so no payload can carry one.
 */
function eventData(event: AuditEventInput): Prisma.InputJsonObject {
  const { actor, target } = event;
  const about = target?.type === "service_account" ? { serviceAccount: { id: target.id, name: target.name ?? null } } : target ? { target: { ...target } } : {};
  const metadata = event.metadata && typeof event.metadata === "object" && !Array.isArray(event.metadata) ? event.metadata : {};
  return withoutTokenValues({ ...metadata, ...about, actor: { type: actor.type, id: actor.id ?? null, name: actor.name ?? null } }) as Prisma.InputJsonObject;
}

function withoutTokenValues(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith(TOKEN_PREFIX) && value.length > 20 ? "[redacted]" : value;
  if (Array.isArray(value)) return value.map(withoutTokenValues);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutTokenValues(item)]));
  return value;
}
