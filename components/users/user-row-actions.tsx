"use client";
import { Ellipsis } from "lucide-react";
import { useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { RoleSelect } from "@/components/ui/role-select";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { cn } from "@/lib/cn";
import type { Role } from "@/lib/db/generated/enums";
import { changeUserRoleAction, setUserStatusAction } from "@/lib/users/actions";
import type { UserRow } from "@/lib/users/find-users";

/** Which of the row's dialogs is open: one piece of state, so two can never be open at once. */
type OpenDialog = "role" | "disable" | null;

const itemClass =
  "flex cursor-default select-none items-center rounded px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

/** isSelf: your own row offers only Change role (an owner may step down while another owner remains). */
export function UserRowActions({ user, grantableRoles, isSelf }: { user: UserRow; grantableRoles: readonly Role[]; isSelf: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState<OpenDialog>(null);
  const [pending, startTransition] = useTransition();

  const enable = () =>
    startTransition(async () => {
      const result = await setUserStatusAction({ userId: user.id, status: "ACTIVE" });
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success(`${user.name} enabled`);
      router.refresh();
    });

  return (
    <div className="flex justify-end">
      {/* Not modal: a modal menu and the modal dialog it opens would fight over focus and pointer events. */}
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <Button variant="ghost" size="sm" aria-label={`Actions for ${user.email}`} disabled={pending}>
            <Ellipsis className="size-4" aria-hidden />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={4}
            className="z-30 min-w-40 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
          >
            <DropdownMenu.Item className={itemClass} onSelect={() => setOpen("role")}>
              Change role
            </DropdownMenu.Item>
            {isSelf ? null : user.status === "ACTIVE" ? (
              <DropdownMenu.Item className={cn(itemClass, "text-red-600 data-[highlighted]:text-red-700")} onSelect={() => setOpen("disable")}>
                Disable user
              </DropdownMenu.Item>
            ) : (
              <DropdownMenu.Item className={itemClass} onSelect={enable}>
                Enable user
              </DropdownMenu.Item>
            )}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>

      <Dialog open={open === "role"} onOpenChange={(o) => setOpen(o ? "role" : null)} title="Change role" description={`${user.name} (${user.email})`}>
        <ChangeRoleForm user={user} grantableRoles={grantableRoles} onDone={() => setOpen(null)} />
      </Dialog>
      <ConfirmDialog
        open={open === "disable"}
        onOpenChange={(o) => setOpen(o ? "disable" : null)}
        title={`Disable ${user.name}?`}
        description="They will be signed out everywhere and cannot sign in until the account is enabled again."
        confirmLabel="Disable"
        action={() => setUserStatusAction({ userId: user.id, status: "DISABLED" })}
        successMessage={`${user.name} disabled`}
      />
    </div>
  );
}

// The dialog body mounts on open, so each opening starts with fresh state.

function ChangeRoleForm({ user, grantableRoles, onDone }: { user: UserRow; grantableRoles: readonly Role[]; onDone: () => void }) {
  const router = useRouter();
  const [role, setRole] = useState<Role | undefined>(grantableRoles.includes(user.role) ? user.role : grantableRoles[0]);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `role-${user.id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!role) return;
    setError(null);
    startTransition(async () => {
      const result = await changeUserRoleAction({ userId: user.id, role });
      if (!result.ok) {
        setError(result.error.fieldErrors?.role?.[0] ?? result.error.message);
        return;
      }
      toast.success(`${user.name} is now ${ROLE_LABELS[role]}`);
      onDone();
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-4">
      <FormError message={error} />
      <Field id={id} label="Role">
        <RoleSelect id={id} roles={grantableRoles} value={role ?? ""} onChange={(e) => setRole(grantableRoles.find((r) => r === e.target.value))} />
      </Field>
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
