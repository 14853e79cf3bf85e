"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { RoleSelect } from "@/components/ui/role-select";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";
import { changeUserRoleAction } from "@/lib/users/actions";
import type { UserRow } from "@/lib/users/find-users";
import { ReassignAccounts } from "./reassign-accounts";

// The dialog body mounts on open, so each opening starts with fresh state.
export function ChangeRoleForm({ user, grantableRoles, onDone }: { user: UserRow; grantableRoles: readonly Role[]; onDone: () => void }) {
  const router = useRouter();
  const [role, setRole] = useState<Role | undefined>(grantableRoles.includes(user.role) ? user.role : grantableRoles[0]);
  const [reassignTo, setReassignTo] = useState("");
  const [error, setError] = useState<{ message: string; reassignTo?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `role-${user.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!role) return;
    setError(null);
    startTransition(async () => {
      const result = await changeUserRoleAction({ userId: user.id, role, reassignTo: reassignTo || undefined });
      if (!result.ok) {
        const fields = result.error.fieldErrors;
        setError({ message: fields?.role?.[0] ?? result.error.message, reassignTo: fields?.reassignTo?.[0] });
        return;
      }
      toast.success(`${user.name} is now ${ROLE_LABELS[role]}${reassignTo ? "; their service accounts have a new owner" : ""}`);
      onDone();
      router.refresh();
    });
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      <FormError message={error?.message ?? null} />
      <Field id={id} label="Role">
        <RoleSelect id={id} roles={grantableRoles} value={role ?? ""} onChange={(e) => setRole(grantableRoles.find((r) => r === e.target.value))} />
      </Field>
      <ReassignAccounts user={user} newRole={role} value={reassignTo} onChange={setReassignTo} error={error?.reassignTo} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending || !role}>
          Save role
        </Button>
      </div>
    </form>
  );
}
