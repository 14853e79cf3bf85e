"use client";
import { Ellipsis } from "lucide-react";
import { useRef, useState } from "react";
import { ActionMenu } from "@/components/ui/action-menu";
import { Button } from "@/components/ui/button";
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
      <ActionMenu
        trigger={
          <Button ref={trigger} variant={labelled ? "secondary" : "ghost"} size="sm" aria-label={`Actions for ${account.name}`}>
            {labelled ? "Actions" : null}
            <Ellipsis className="size-4" aria-hidden />
          </Button>
        }
        items={[
          { label: "Edit service account", onSelect: () => setOpen("manage") },
          { label: "Regenerate token", onSelect: () => setOpen("regenerate") },
          { label: "Delete service account", onSelect: () => setOpen("delete"), destructive: true, separatorBefore: true },
        ]}
      />

      <ManageTokenDialog {...dialogProps("manage")} returnFocusTo={trigger} grantableRoles={grantableRoles} ownerOptions={ownerOptions} />
      <RegenerateTokenDialog {...dialogProps("regenerate")} returnFocusTo={trigger} />
      <DeleteTokenDialog {...dialogProps("delete")} returnFocusTo={trigger} afterDeleteHref={afterDeleteHref} />
    </div>
  );
}
