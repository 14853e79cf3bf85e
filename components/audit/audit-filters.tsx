"use client";
import { X } from "lucide-react";
import { useEffect, useOptimistic, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { AuditFilter } from "@/lib/audit/schemas";
import { ActionFilter } from "./action-filter";
import { AUDIT_RESULTS, type AuditResultValue } from "./audit-labels";
import { hasFilter } from "./audit-url";
import { DateTimeFilter, FILTER_LABEL, TextFilter } from "./text-filter";

const RESULT_OPTIONS = Object.entries(AUDIT_RESULTS) as [AuditResultValue, (typeof AUDIT_RESULTS)[AuditResultValue]][];

type AuditFiltersProps = {
  filter: AuditFilter;
  /** A changed filter; the log goes back to its newest page. */
  onChange: (filter: AuditFilter) => void;
};

/** The audit log's filters. They only report changes; the log turns them into the URL. */
export function AuditFilters({ filter, onChange }: AuditFiltersProps) {
  // The controls show a change at once, while the new page is on its way (the URL is the state).
  const [shown, setShown] = useOptimistic(filter);
  const [, startTransition] = useTransition();
  // Typed boxes commit after a pause: by then another filter may have changed, so merge into the latest.
  const latest = useRef(shown);
  useEffect(() => {
    latest.current = shown;
  }, [shown]);
  const apply = (next: AuditFilter) => {
    latest.current = next;
    startTransition(() => {
      setShown(next);
      onChange(next);
    });
  };
  const set = (changes: Partial<AuditFilter>) => apply({ ...latest.current, ...changes });
  // Clearing remounts the boxes, so text that never became a filter (one character) goes too.
  const [generation, setGeneration] = useState(0);
  const clear = () => {
    setGeneration((g) => g + 1);
    apply({});
  };

  return (
    <div role="search" aria-label="Filter events" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div key={generation} className="flex flex-wrap items-start gap-3">
        <TextFilter id="audit-actor" label="Actor" value={shown.actor} placeholder="Name, email or id" onChange={(actor) => set({ actor })} className="w-52" />
        <ActionFilter id="audit-action" value={shown.action ?? []} onChange={(action) => set({ action })} />
        <TextFilter id="audit-target" label="Target" value={shown.target} placeholder="Name or id" onChange={(target) => set({ target })} className="w-52" />
        <div>
          <label htmlFor="audit-result" className={FILTER_LABEL}>
            Result
          </label>
          <Select
            id="audit-result"
            value={shown.result ?? ""}
            onChange={(e) => set({ result: RESULT_OPTIONS.find(([value]) => value === e.target.value)?.[0] })}
            className="mt-1 w-36"
          >
            <option value="">All results</option>
            {RESULT_OPTIONS.map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <DateTimeFilter id="audit-from" label="From" value={shown.from} onChange={(from) => set({ from })} />
        <DateTimeFilter id="audit-to" label="To" value={shown.to} onChange={(to) => set({ to })} />
        <TextFilter
          id="audit-q"
          label="Search"
          value={shown.q}
          placeholder="Names and metadata"
          minLength={2}
          onChange={(q) => set({ q })}
          className="w-60"
        />
        <div className="self-end">
          <Button variant="ghost" onClick={clear} disabled={!hasFilter(shown)}>
            <X className="size-4" aria-hidden />
            Clear filters
          </Button>
        </div>
      </div>
    </div>
  );
}
