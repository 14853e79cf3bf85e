import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { SimpleTable } from "@/components/ui/simple-table";
import type { WebhookSummary } from "@/lib/webhooks/webhook-summary";
import { WebhookStatusBadge } from "./webhook-status-badge";

export function WebhooksTable({ endpoints }: { endpoints: readonly WebhookSummary[] }) {
  return (
    <SimpleTable
      label="Webhook endpoints"
      headers={["URL", "Events", "Status", "Added"]}
      empty="No endpoints yet. Add one to have Keyhold tell your services when accounts, tokens or the policy change."
      rows={endpoints.map((endpoint) => ({
        key: endpoint.id,
        cells: [
          <div key="url" className="min-w-0 space-y-0.5">
            <Link href={`/admin/webhooks/${endpoint.id}`} className="break-all font-medium text-indigo-700 hover:text-indigo-900">
              {endpoint.url}
            </Link>
            {endpoint.description ? <p className="text-xs text-slate-500">{endpoint.description}</p> : null}
          </div>,
          <span key="events" className="text-sm">
            {endpoint.events.length} {endpoint.events.length === 1 ? "event" : "events"}
          </span>,
          <WebhookStatusBadge key="status" endpoint={endpoint} />,
          <LocalTime key="added" iso={endpoint.createdAt} />,
        ],
      }))}
    />
  );
}
