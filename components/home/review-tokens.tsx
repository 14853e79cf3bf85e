"use client";
import Link from "next/link";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { REVIEW_LABELS, type ReviewGroup, type ReviewToken } from "@/lib/home/review-lists";
import { BulkRevokeDialog, type BulkRevokeReport } from "./bulk-revoke-dialog";

/** The admin's review lists: each with checkboxes and Revoke selected. */
export function ReviewTokens({ groups }: { groups: ReviewGroup[] }) {
  return (
    <section aria-labelledby="review-heading" className="space-y-3">
      <h2 id="review-heading" className="text-lg font-semibold text-slate-900">
        Review
      </h2>
      {groups.map((group) => (
        <ReviewList key={group.list} group={group} />
      ))}
    </section>
  );
}

function ReviewList({ group }: { group: ReviewGroup }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState(false);
  const [report, setReport] = useState<BulkRevokeReport | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const selectable = group.rows.filter((row) => row.canManage);
  const chosen = group.rows.filter((row) => selected.has(row.id));
  const label = REVIEW_LABELS[group.list];
  const headingId = `review-${group.list}`;
  const allChosen = selectable.length > 0 && chosen.length === selectable.length;
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section aria-labelledby={headingId} data-review={group.list} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          {label} <span className="font-normal text-slate-600">({group.count > group.rows.length ? `${group.order === "newest" ? "newest" : "next to be suspended:"} ${group.rows.length} of ${group.count}` : group.count})</span>
        </h3>
        {/* aria-disabled, not disabled: it stays focusable, so focus can come back to it after a revoke empties the selection. */}
        <Button
          ref={opener}
          variant="danger"
          size="sm"
          aria-disabled={chosen.length === 0}
          className="aria-disabled:cursor-not-allowed aria-disabled:border aria-disabled:border-slate-300 aria-disabled:bg-white aria-disabled:text-slate-600 aria-disabled:hover:bg-white"
          onClick={() => chosen.length > 0 && setOpen(true)}>
          Revoke selected{chosen.length ? ` (${chosen.length})` : ""}
        </Button>
      </div>
      <div role="status" className="empty:hidden mt-2 text-sm text-slate-700">
        {report ? <ReportText report={report} /> : null}
      </div>
      {group.rows.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">Nothing here.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          <li className="flex items-center gap-3 py-2">
            <input
              id={`${headingId}-all`}
              type="checkbox"
              className="size-4"
              checked={allChosen}
              disabled={selectable.length === 0}
              onChange={(event) => setSelected(event.target.checked ? new Set(selectable.map((row) => row.id)) : new Set())}
            />
            <label htmlFor={`${headingId}-all`} className="text-sm font-medium text-slate-700">
              Select all ({selectable.length})
            </label>
          </li>
          {group.rows.map((row) => (
            <ReviewItem key={row.id} row={row} checked={selected.has(row.id)} onChange={(on) => toggle(row.id, on)} />
          ))}
        </ul>
      )}
      <BulkRevokeDialog
        open={open}
        onOpenChange={setOpen}
        returnFocusTo={opener}
        tokens={chosen}
        onDone={(done) => {
          setReport(done);
          setSelected(new Set());
        }}
      />
    </section>
  );
}

function ReviewItem({ row, checked, onChange }: { row: ReviewToken; checked: boolean; onChange: (on: boolean) => void }) {
  const id = `review-token-${row.id}`;
  return (
    <li className="flex items-start gap-3 py-2">
      <input id={id} type="checkbox" className="mt-1 size-4" checked={checked} disabled={!row.canManage} onChange={(event) => onChange(event.target.checked)} />
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="block truncate text-sm font-medium text-slate-900">
          {row.accountName} <span className="font-normal text-slate-600">· {row.name}</span> <code className="font-mono text-xs text-slate-700">{row.hint}</code>
        </label>
        <p className="relative truncate text-xs text-slate-600">
          <SuspensionNote row={row} />
          {ROLE_LABELS[row.role]} · {row.lastUsedAt ? <>Last used <LocalTime iso={row.lastUsedAt} dateOnly /></> : "Never used"} · Created{" "}
          <LocalTime iso={row.createdAt} dateOnly /> ·{" "}
          <Link href={`/admin/api-tokens/${row.accountId}`} className="text-indigo-700 underline hover:text-indigo-900">
            Details<span className="sr-only"> of {row.accountName}</span>
          </Link>
        </p>
      </div>
    </li>
  );
}

/** The stale-token policy's view of the row (only when it is on): suspended, or when it will be. */
function SuspensionNote({ row }: { row: ReviewToken }) {
  if (row.suspended) return <span className="font-medium text-amber-800">Suspended · </span>;
  if (row.suspendsInDays === null) return null;
  const when = row.suspendsInDays === 0 ? "at the next scan" : `in ${row.suspendsInDays} ${row.suspendsInDays === 1 ? "day" : "days"}`;
  return <span className="font-medium text-amber-800">Suspended {when} · </span>;
}

function ReportText({ report }: { report: BulkRevokeReport }) {
  const revoked = `${report.revoked} ${report.revoked === 1 ? "token" : "tokens"} revoked.`;
  if (report.refused.length === 0) return <p>{revoked}</p>;
  return (
    <div>
      <p>
        {revoked} {report.refused.length} not revoked:
      </p>
      <ul className="list-disc pl-5">
        {report.refused.map((item) => (
          <li key={item.label}>
            {item.label}: {item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
