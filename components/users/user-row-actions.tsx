"use client";
import { Ellipsis } from "lucide-react";
import { useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { cn } from "@/lib/cn";
import type { Role } from "@/lib/db/generated/enums";
import { setUserStatusAction } from "@/lib/users/actions";
import type { UserRow } from "@/lib/users/find-users";
import { ChangeRoleForm } from "./change-role-form";
import { DisableUserForm } from "./disable-user-form";

/** Which of the row's dialogs is open: one piece of state, so two can never be open at once. */
type OpenDialog = "role" | "disable" | null;

const itemClass =
  "flex cursor-default select-none items-center rounded px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

/** isSelf: your own row offers only Change role (an owner may step down while another owner remains). */
export function UserRowActions({ user, grantableRoles, isSelf }: { user: UserRow; grantableRoles: readonly Role[]; isSelf: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState<OpenDialog>(null);
  const trigger = useRef<HTMLButtonElement>(null);
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
          <Button ref={trigger} variant="ghost" size="sm" aria-label={`Actions for ${user.email}`} disabled={pending}>
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

      <Dialog open={open === "role"} onOpenChange={(o) => setOpen(o ? "role" : null)} returnFocusTo={trigger} title="Change role" description={`${user.name} (${user.email})`}>
        <ChangeRoleForm user={user} grantableRoles={grantableRoles} onDone={() => setOpen(null)} />
      </Dialog>
      <Dialog
        open={open === "disable"}
        onOpenChange={(o) => setOpen(o ? "disable" : null)}
        returnFocusTo={trigger}
        title={`Disable ${user.name}?`}
        description="They will be signed out everywhere and cannot sign in until the account is enabled again."
      >
        <DisableUserForm user={user} onDone={() => setOpen(null)} />
      </Dialog>
    </div>
  );
}
