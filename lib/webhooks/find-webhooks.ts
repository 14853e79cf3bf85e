import { db } from "@/lib/db/client";
import { webhookSummary, type WebhookSummary } from "./webhook-summary";

export async function findWebhookEndpoints(): Promise<WebhookSummary[]> {
  const endpoints = await db.webhookEndpoint.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const now = new Date();
  return endpoints.map((endpoint) => webhookSummary(endpoint, now));
}

export type DeliveryRow = {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  nextRetryAt: string | null;
  lastError: string | null;
  createdAt: string;
};

export const DELIVERIES_SHOWN = 50;

/** An endpoint's Deliveries log: its latest deliveries, newest first. */
export async function findWebhookDeliveries(endpointId: string, take = DELIVERIES_SHOWN): Promise<DeliveryRow[]> {
  const rows = await db.webhookDelivery.findMany({ where: { endpointId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  return rows.map((row) => ({
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    durationMs: row.durationMs,
    nextRetryAt: row.nextRetryAt?.toISOString() ?? null,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function findWebhookEndpoint(id: string): Promise<WebhookSummary | null> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id } });
  return endpoint && webhookSummary(endpoint);
}
