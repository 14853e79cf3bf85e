"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { redeliverWebhookAction } from "@/lib/webhooks/actions";
import type { DeliveryRow } from "@/lib/webhooks/find-webhooks";

/** Sends a logged event again (the same webhook-id); the log shows its new outcome. */
export function RedeliverButton({ delivery }: { delivery: Pick<DeliveryRow, "id" | "eventType"> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const redeliver = () =>
    startTransition(async () => {
      const result = await redeliverWebhookAction({ deliveryId: delivery.id });
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(`${delivery.eventType} queued again`);
      router.refresh();
    });
  return (
    <Button variant="secondary" size="sm" disabled={pending} onClick={redeliver} aria-label={`Redeliver ${delivery.eventType} ${delivery.id.slice(0, 8)}`}>
      Redeliver
    </Button>
  );
}
