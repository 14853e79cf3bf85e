"use client";
import { ChevronDown } from "lucide-react";
import { Popover } from "radix-ui";
import { AUDIT_ACTION_FILTERS, type AuditActionFilter } from "@/lib/audit/actions";
import { cn } from "@/lib/cn";
import { AUDIT_ACTION_LABELS } from "./audit-labels";
import { FILTER_LABEL } from "./text-filter";

// The known actions grouped by what they concern ("user.created" → "user"); outside events (ext.*) as one choice.
const GROUPS = [...new Set(AUDIT_ACTION_FILTERS.map((a) => a.split(".")[0]!))].map((g) => [g, AUDIT_ACTION_FILTERS.filter((a) => a.startsWith(`${g}.`))] as const);
const GROUP_LABELS: Record<string, string> = { user: "Users", service_account: "Service accounts", token: "Tokens", api: "API", action: "Refused actions", audit: "Audit log", ext: "Other services" };

function summary(selected: readonly AuditActionFilter[]): string {
  if (selected.length === 0) return "All actions";
  if (selected.length === 1) return AUDIT_ACTION_LABELS[selected[0]!];
  return `${selected.length} actions`;
}

/** The Action filter: any number of the known actions (none = all), applied as each box is ticked. */
export function ActionFilter({ id, value, onChange }: { id: string; value: readonly AuditActionFilter[]; onChange: (value: AuditActionFilter[] | undefined) => void }) {
  const toggle = (action: AuditActionFilter, on: boolean) => {
    const next = on ? [...value, action] : value.filter((a) => a !== action);
    onChange(next.length ? AUDIT_ACTION_FILTERS.filter((a) => next.includes(a)) : undefined);
  };
  return (
    <div>
      <label htmlFor={id} className={FILTER_LABEL}>
        Action
      </label>
      <Popover.Root>
        <Popover.Trigger
          id={id}
          className={cn(
            "mt-1 flex w-52 items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-left text-sm shadow-sm",
            "focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30",
            value.length ? "text-slate-900" : "text-slate-500",
          )}
        >
          <span className="truncate">{summary(value)}</span>
          <ChevronDown className="size-4 shrink-0 text-slate-400" aria-hidden />
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            align="start"
            sideOffset={4}
            className="z-30 max-h-[min(28rem,var(--radix-popover-content-available-height))] w-72 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg focus:outline-none"
          >
            <div className="flex items-center justify-between px-1 pb-1">
              <span className="text-xs font-semibold text-slate-600">Actions</span>
              <button
                type="button"
                onClick={() => onChange(undefined)}
                disabled={!value.length}
                className="text-xs font-medium text-indigo-700 hover:underline disabled:text-slate-400 disabled:no-underline"
              >
                Any action
              </button>
            </div>
            {GROUPS.map(([group, actions]) => (
              <fieldset key={group} className="border-t border-slate-100 py-1">
                <legend className="px-1 pt-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{GROUP_LABELS[group] ?? group}</legend>
                {actions.map((action) => (
                  <label key={action} className="flex cursor-pointer items-start gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
                    <input
                      type="checkbox"
                      className="mt-0.5 size-4 accent-indigo-600"
                      checked={value.includes(action)}
                      onChange={(e) => toggle(action, e.target.checked)}
                    />
                    <span className="leading-tight">
                      {AUDIT_ACTION_LABELS[action]}
                      <code className="block text-xs text-slate-500">{action}</code>
                    </span>
                  </label>
                ))}
              </fieldset>
            ))}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </div>
  );
}
