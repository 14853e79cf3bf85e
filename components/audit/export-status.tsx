import { Button } from "@/components/ui/button";
import type { ExportState } from "./use-audit-export";

const FORMAT_LABELS = { csv: "CSV", ndjson: "NDJSON" } as const;
const count = (n: number) => n.toLocaleString();

/** Where an export stands: a progress bar with "12,000 of 48,000 rows" while it runs, then what was saved. */
export function ExportStatus({ state, onCancel }: { state: ExportState; onCancel: () => void }) {
  if (state.status === "idle") return null;
  if (state.status === "running") {
    const { rows, total } = state;
    const percent = total ? Math.min(100, Math.round((rows / total) * 100)) : null;
    return (
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <span>Exporting {FORMAT_LABELS[state.format]}…</span>
        <div
          role="progressbar"
          aria-label={`${FORMAT_LABELS[state.format]} export`}
          aria-valuemin={0}
          aria-valuemax={total ?? undefined}
          aria-valuenow={total ? Math.min(rows, total) : undefined}
          aria-valuetext={total !== null ? `${count(rows)} of ${count(total)} rows` : `${count(rows)} rows`}
          className="h-2 w-48 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent ?? 0}%` }} />
        </div>
        <span className="tabular-nums">{total !== null ? `${count(Math.min(rows, total))} of ${count(total)} rows` : `${count(rows)} rows`}</span>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    );
  }
  if (state.status === "done") {
    return (
      <p className="text-sm text-emerald-700">
        Exported {count(state.rows)} {state.rows === 1 ? "event" : "events"} to {state.filename}.
      </p>
    );
  }
  if (state.status === "cancelled") return <p className="text-sm text-slate-600">Export cancelled.</p>;
  return <p className="text-sm text-red-700">{state.message}</p>;
}
