"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { setUserStatusAction } from "@/lib/users/actions";
import type { UserRow } from "@/lib/users/find-users";
import { ReassignAccounts } from "./reassign-accounts";

/** Disable, with the user's service accounts listed and an offer to give them to someone else at once. */
export function DisableUserForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const router = useRouter();
  const [reassignTo, setReassignTo] = useState("");
  const [error, setError] = useState<{ message: string; reassignTo?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await setUserStatusAction({ userId: user.id, status: "DISABLED", reassignTo: reassignTo || undefined });
      if (!result.ok) {
        setError({ message: result.error.message, reassignTo: result.error.fieldErrors?.reassignTo?.[0] });
        return;
      }
      toast.success(`${user.name} disabled`);
      onDone();
      router.refresh();
    });
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      <FormError message={error?.message ?? null} />
      <ReassignAccounts user={user} value={reassignTo} onChange={setReassignTo} error={error?.reassignTo} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={pending}>
          Disable
        </Button>
      </div>
    </form>
  );
}
