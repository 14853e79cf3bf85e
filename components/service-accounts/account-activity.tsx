import { actionLabel } from "@/components/audit/audit-labels";
import { ResultBadge } from "@/components/audit/result-badge";
import { LocalTime } from "@/components/ui/local-time";
import type { ServiceAccountDetail } from "@/lib/service-accounts/find-service-account";

/** The account's most recent audit events, newest first. */
export function AccountActivity({ events }: { events: ServiceAccountDetail["events"] }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">No activity yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
      {events.map((event) => (
        <li key={event.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2.5 text-sm">
          <span className="w-44 shrink-0 text-slate-500">
            <LocalTime iso={event.occurredAt} />
          </span>
          <span className="min-w-48 font-medium text-slate-900">{actionLabel(event.action)}</span>
          <span className="min-w-0 flex-1 truncate text-slate-600" title={event.actorName ?? undefined}>
            {event.actorName ?? "Unknown"}
          </span>
          <ResultBadge result={event.result} />
        </li>
      ))}
    </ol>
  );
}
