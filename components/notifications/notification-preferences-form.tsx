"use client";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/ui/form-error";
import { setNotificationPreferenceAction } from "@/lib/notifications/actions";
import type { PreferenceKind } from "@/lib/notifications/preferences";

type KindRow = { kind: PreferenceKind; label: string; description: string; enabled: boolean };

/** One switch per kind, saved as it is toggled (Space toggles it from the keyboard), put back if refused. */
export function NotificationPreferencesForm({ kinds }: { kinds: KindRow[] }) {
  const [enabled, setEnabled] = useState<Record<string, boolean>>(() => Object.fromEntries(kinds.map((k) => [k.kind, k.enabled])));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toggle = (row: KindRow, next: boolean) => {
    setError(null);
    setEnabled((current) => ({ ...current, [row.kind]: next }));
    startTransition(async () => {
      const result = await setNotificationPreferenceAction({ kind: row.kind, enabled: next });
      if (!result.ok) {
        setEnabled((current) => ({ ...current, [row.kind]: !next }));
        setError(result.error.fieldErrors?.kind?.[0] ?? result.error.message);
        return;
      }
      toast.success(`${row.label}: ${next ? "on" : "off"}`);
    });
  };
  return (
    <section aria-labelledby="email-notices-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="email-notices-heading" className="text-base font-semibold text-slate-900">
        Email notices
      </h2>
      <FormError message={error} />
      <ul className="divide-y divide-slate-100">
        {kinds.map((row) => (
          <li key={row.kind} className="py-3">
            <label className="flex items-start gap-3 text-sm text-slate-800">
              <input
                type="checkbox"
                role="switch"
                className="mt-0.5 size-4 shrink-0 accent-indigo-600"
                checked={enabled[row.kind] ?? true}
                disabled={pending}
                onChange={(event) => toggle(row, event.target.checked)}
                aria-describedby={`notice-${row.kind}-help`}
              />
              <span className="font-medium">{row.label}</span>
            </label>
            <p id={`notice-${row.kind}-help`} className="mt-1 pl-7 text-xs text-slate-600">
              {row.description}
              {row.kind === "token.expiring"
                ? " Reminders for tokens of ADMIN-role accounts are always sent, even when this is off: such a token expiring unnoticed can stop much at once."
                : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
