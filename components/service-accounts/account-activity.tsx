import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditAction } from "@/lib/audit/actions";
import type { ServiceAccountDetail } from "@/lib/service-accounts/find-service-account";

const ACTION_LABELS: Partial<Record<AuditAction, string>> = {
  "service_account.created": "Service account created",
  "service_account.updated": "Service account updated",
  "service_account.deleted": "Service account deleted",
  "token.created": "Token created",
  "token.regenerated": "Token regenerated",
  "token.revoked": "Token revoked",
};

const RESULTS = {
  SUCCESS: { tone: "green", label: "Success" },
  FAILURE: { tone: "red", label: "Failure" },
  DENIED: { tone: "amber", label: "Denied" },
} as const;

/** The account's most recent audit events, newest first. */
export function AccountActivity({ events }: { events: ServiceAccountDetail["events"] }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">No activity yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
      {events.map((event) => {
        const result = RESULTS[event.result];
        return (
          <li key={event.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2.5 text-sm">
            <span className="w-44 shrink-0 text-slate-500">
              <LocalTime iso={event.occurredAt} />
            </span>
            <span className="min-w-48 font-medium text-slate-900">{ACTION_LABELS[event.action as AuditAction] ?? event.action}</span>
            <span className="min-w-0 flex-1 truncate text-slate-600" title={event.actorName ?? undefined}>
              {event.actorName ?? "Unknown"}
            </span>
            <Badge tone={result.tone}>{result.label}</Badge>
          </li>
        );
      })}
    </ol>
  );
}
