"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { FormError } from "@/components/ui/form-error";
import { setSuspendDisabledOwnersAction } from "@/lib/policy/actions";

const DESCRIPTION =
  "When a user is disabled, the service accounts they own keep working, so automation does not break when a person leaves. Turn this on to make their tokens answer 401 until the accounts are given to an active owner.";

/** The OWNER's token policy switch; admins see it read-only. */
export function SuspendDisabledOwnersSetting({ enabled, canManage }: { enabled: boolean; canManage: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  // Shown at once; put back if the server refuses.
  const [checked, setChecked] = useState(enabled);
  const [pending, startTransition] = useTransition();
  const toggle = (next: boolean) => {
    setError(null);
    setChecked(next);
    startTransition(async () => {
      const result = await setSuspendDisabledOwnersAction({ enabled: next });
      if (!result.ok) {
        setChecked(!next);
        setError(result.error.message);
        return;
      }
      toast.success(next ? "Tokens of disabled owners are suspended" : "Tokens of disabled owners work again");
      router.refresh();
    });
  };
  return (
    <section aria-labelledby="token-policy-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="token-policy-heading" className="text-base font-semibold text-slate-900">
        Token policy
      </h2>
      <FormError message={error} />
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-indigo-600"
          checked={checked}
          disabled={!canManage || pending}
          onChange={(event) => toggle(event.target.checked)}
          aria-describedby="suspend-disabled-owners-help"
        />
        <span className="font-medium">Suspend tokens of disabled owners</span>
      </label>
      <p id="suspend-disabled-owners-help" className="text-xs text-slate-600">
        {DESCRIPTION}
        {canManage ? "" : " Only an owner can change this."}
      </p>
    </section>
  );
}
