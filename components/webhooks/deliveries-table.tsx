import { LocalTime } from "@/components/ui/local-time";
import { SimpleTable } from "@/components/ui/simple-table";
import type { DeliveryRow } from "@/lib/webhooks/find-webhooks";
import { RedeliverButton } from "./redeliver-button";
import { DeliveryStatusBadge } from "./webhook-status-badge";

/** An endpoint's Deliveries log, newest first. */
export function DeliveriesTable({ deliveries }: { deliveries: readonly DeliveryRow[] }) {
  return (
    <SimpleTable
      label="Deliveries"
      headers={["Event", "Status", "Attempts", "Response", "Duration", "Next retry", ""]}
      empty="Nothing sent yet. Send a test event to try the endpoint."
      rows={deliveries.map((delivery) => ({
        key: delivery.id,
        cells: [
          <div key="event" className="min-w-0 space-y-0.5">
            <p className="font-mono text-sm text-slate-900">{delivery.eventType}</p>
            <p className="break-all font-mono text-xs text-slate-500">{delivery.eventId}</p>
            <p className="text-xs text-slate-500">
              <LocalTime iso={delivery.createdAt} />
            </p>
          </div>,
          <div key="status" className="space-y-1">
            <DeliveryStatusBadge status={delivery.status} />
            {delivery.lastError ? <p className="max-w-64 break-words text-xs text-slate-500">{delivery.lastError}</p> : null}
          </div>,
          delivery.attempts,
          delivery.responseStatus ?? "—",
          delivery.durationMs === null ? "—" : `${delivery.durationMs} ms`,
          delivery.nextRetryAt ? <LocalTime key="retry" iso={delivery.nextRetryAt} /> : "—",
          <RedeliverButton key="redeliver" delivery={delivery} />,
        ],
      }))}
    />
  );
}
