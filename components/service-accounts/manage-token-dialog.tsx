"use client";
import { Dialog, type MenuDialogProps } from "@/components/ui/dialog";
import { lazyForm } from "@/components/ui/lazy-form";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import type { OwnerOption } from "@/lib/users/find-owner-options";
import type { ManagedAccount } from "./service-account-row-actions";

export type ManageTokenDialogProps = MenuDialogProps & {
  account: ManagedAccount;
  grantableRoles: readonly ServiceAccountRole[];
  ownerOptions?: readonly OwnerOption[];
};

const { LazyForm: ManageTokenForm, usePreload } = lazyForm(() => import("./manage-token-form").then((m) => m.ManageTokenForm));

/** CloudTruth's EDIT API TOKEN: description, owner and role. */
export function ManageTokenDialog({ open, onOpenChange, returnFocusTo, account, grantableRoles, ownerOptions }: ManageTokenDialogProps) {
  usePreload();
  return (
    <Dialog open={open} onOpenChange={onOpenChange} returnFocusTo={returnFocusTo} title="Edit service account" description={account.name}>
      <ManageTokenForm account={account} grantableRoles={grantableRoles} ownerOptions={ownerOptions} onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}
