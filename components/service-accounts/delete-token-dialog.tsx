"use client";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { MenuDialogProps } from "@/components/ui/dialog";
import { deleteServiceAccountAction } from "@/lib/service-accounts/actions";
import type { ManagedAccount } from "./service-account-row-actions";

type DeleteTokenDialogProps = MenuDialogProps & {
  account: Pick<ManagedAccount, "id" | "name">;
  /** Where to go afterwards (the account's own page would be a 404); default: refresh in place. */
  afterDeleteHref?: string;
};

/** Deleting the service account deletes all its tokens: they stop working at once. */
export function DeleteTokenDialog({ open, onOpenChange, returnFocusTo, account, afterDeleteHref }: DeleteTokenDialogProps) {
  const router = useRouter();
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      returnFocusTo={returnFocusTo}
      title={`Delete service account ${account.name}?`}
      description="This deletes the service account and all of its tokens, not just one token: anything using them stops working immediately, and this cannot be undone. To stop a single token, revoke it on the account's page instead."
      confirmLabel="Delete service account"
      action={() => deleteServiceAccountAction({ id: account.id })}
      successMessage={`${account.name} deleted`}
      afterSuccess={afterDeleteHref ? () => router.replace(afterDeleteHref) : undefined}
    />
  );
}
