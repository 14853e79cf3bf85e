import type { WebhookEndpoint } from "@/lib/db/generated/client";

/** An endpoint as the console and the API show it: never its secret. */
export type WebhookSummary = {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  /** After Rotate secret: until when the previous secret still signs too. */
  previousSecretUntil: string | null;
  createdAt: string;
};

export function webhookSummary(endpoint: WebhookEndpoint, now = new Date()): WebhookSummary {
  const until = endpoint.previousSecretUntil && endpoint.previousSecretUntil > now ? endpoint.previousSecretUntil.toISOString() : null;
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.eventTypes,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
    previousSecretUntil: until,
    createdAt: endpoint.createdAt.toISOString(),
  };
}
