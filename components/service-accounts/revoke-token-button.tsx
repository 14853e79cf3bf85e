"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { revokeTokenAction } from "@/lib/service-accounts/actions";

/** Revoke one token of an account (detail page). The server checks the actor may manage its account. */
export function RevokeTokenButton({ token }: { token: { id: string; hint: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" className="text-red-700" onClick={() => setOpen(true)} aria-label={`Revoke token ${token.hint}`}>
        Revoke
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`Revoke token ${token.hint}?`}
        description="It is refused from its very next use. The service account and its other tokens are not affected."
      >
        <RevokeTokenConfirm token={token} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function RevokeTokenConfirm({ token, onDone }: { token: { id: string; hint: string }; onDone: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const revoke = () => {
    setError(null);
    startTransition(async () => {
      const result = await revokeTokenAction({ tokenId: token.id });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      toast.success(`Token ${token.hint} revoked`);
      onDone();
      router.refresh();
    });
  };

  return (
    <div className="space-y-4">
      <FormError message={error} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button variant="danger" onClick={revoke} disabled={pending}>
          Revoke token
        </Button>
      </div>
    </div>
  );
}
