"use client";
import { Ellipsis } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import type { ServiceAccountRow } from "@/lib/service-accounts/find-service-accounts";
import type { OwnerOption } from "@/lib/users/find-owner-options";
import { DeleteTokenDialog } from "./delete-token-dialog";
import { ManageTokenDialog } from "./manage-token-dialog";
import { RegenerateTokenDialog } from "./regenerate-token-dialog";

/** What the menu's dialogs need to know about the account. `expiresAt` is its current token's expiry. */
export type ManagedAccount = Pick<ServiceAccountRow, "id" | "name" | "description" | "role" | "owner" | "status" | "expiresAt">;

export type ServiceAccountRowActionsProps = {
  account: ManagedAccount;
  grantableRoles: readonly ServiceAccountRole[];
  /** Given only to actors who may hand an account to someone else (ADMIN and up). */
  ownerOptions?: readonly OwnerOption[];
  /** Where to go once the account is deleted (its detail page would be a 404); default: refresh in place. */
  afterDeleteHref?: string;
  /** A labelled button (detail page header) instead of the table row's bare ⋯. */
  labelled?: boolean;
};

/** Which dialog is open: one piece of state, so two can never be open at once. */
type OpenDialog = "manage" | "regenerate" | "delete" | null;

const itemClass =
  "flex cursor-default select-none items-center rounded px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

/** The ⋯ menu of an account the actor may manage (the caller renders it only then; the server checks again). */
export function ServiceAccountRowActions({ account, grantableRoles, ownerOptions, afterDeleteHref, labelled = false }: ServiceAccountRowActionsProps) {
  const [open, setOpen] = useState<OpenDialog>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const dialogProps = (which: Exclude<OpenDialog, null>) => ({
    open: open === which,
    onOpenChange: (next: boolean) => setOpen(next ? which : null),
    account,
  });

  return (
    <div className="flex justify-end">
      {/* Not modal: a modal menu and the modal dialog it opens would fight over focus and pointer events. */}
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <Button ref={trigger} variant={labelled ? "secondary" : "ghost"} size="sm" aria-label={`Actions for ${account.name}`}>
            {labelled ? "Actions" : null}
            <Ellipsis className="size-4" aria-hidden />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={4} className="z-30 min-w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
            <DropdownMenu.Item className={itemClass} onSelect={() => setOpen("manage")}>
              Edit service account
            </DropdownMenu.Item>
            <DropdownMenu.Item className={itemClass} onSelect={() => setOpen("regenerate")}>
              Regenerate token
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
            <DropdownMenu.Item className={cn(itemClass, "text-red-600 data-[highlighted]:text-red-700")} onSelect={() => setOpen("delete")}>
              Delete service account
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>

      <ManageTokenDialog {...dialogProps("manage")} returnFocusTo={trigger} grantableRoles={grantableRoles} ownerOptions={ownerOptions} />
      <RegenerateTokenDialog {...dialogProps("regenerate")} returnFocusTo={trigger} />
      <DeleteTokenDialog {...dialogProps("delete")} returnFocusTo={trigger} afterDeleteHref={afterDeleteHref} />
    </div>
  );
}
