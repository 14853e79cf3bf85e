"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { deleteServiceAccountAction } from "@/lib/service-accounts/actions";
import type { ManagedAccount } from "./service-account-row-actions";

type DeleteTokenDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  account: Pick<ManagedAccount, "id" | "name">;
  /** Where to go afterwards (the account's own page would be a 404); default: refresh in place. */
  afterDeleteHref?: string;
};

/** Deleting the service account deletes all its tokens: they stop working at once. */
export function DeleteTokenDialog({ open, onOpenChange, account, afterDeleteHref }: DeleteTokenDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete ${account.name}?`}
      description="The service account and all of its tokens are deleted. Anything using them stops working immediately, and this cannot be undone."
    >
      <DeleteTokenConfirm account={account} afterDeleteHref={afterDeleteHref} onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

// Mounted on open, so each opening starts without an old error.
function DeleteTokenConfirm({ account, afterDeleteHref, onDone }: Omit<DeleteTokenDialogProps, "open" | "onOpenChange"> & { onDone: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const remove = () => {
    setError(null);
    startTransition(async () => {
      const result = await deleteServiceAccountAction({ id: account.id });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      toast.success(`${account.name} deleted`);
      onDone();
      if (afterDeleteHref) router.replace(afterDeleteHref);
      else router.refresh();
    });
  };

  return (
    <div className="space-y-4">
      <FormError message={error} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button variant="danger" onClick={remove} disabled={pending}>
          Yes, delete
        </Button>
      </div>
    </div>
  );
}
