import { Badge } from "@/components/ui/badge";
import type { WebhookSummary } from "@/lib/webhooks/webhook-summary";

export function WebhookStatusBadge({ endpoint }: { endpoint: Pick<WebhookSummary, "enabled"> }) {
  return endpoint.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>;
}

const DELIVERY_TONES = { succeeded: "green", failed: "red", pending: "amber" } as const;
const DELIVERY_LABELS = { succeeded: "Succeeded", failed: "Failed", pending: "Pending" } as const;

export function DeliveryStatusBadge({ status }: { status: string }) {
  const known = status in DELIVERY_TONES ? (status as keyof typeof DELIVERY_TONES) : null;
  return <Badge tone={known ? DELIVERY_TONES[known] : "gray"}>{known ? DELIVERY_LABELS[known] : status}</Badge>;
}
