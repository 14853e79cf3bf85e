"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeTokenAction } from "@/lib/service-accounts/actions";

/** Revoke one token of an account (detail page). The server checks the actor may manage its account. */
export function RevokeTokenButton({ token }: { token: { id: string; hint: string; name?: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" className="text-red-700" onClick={() => setOpen(true)} aria-label={token.name ? `Revoke token ${token.hint} (${token.name})` : `Revoke token ${token.hint}`}>
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Revoke token ${token.hint}?`}
        description="It is refused from its very next use. The service account and its other tokens are not affected."
        confirmLabel="Revoke token"
        action={() => revokeTokenAction({ tokenId: token.id })}
        successMessage={`Token ${token.hint} revoked`}
      />
    </>
  );
}
