"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeTokenAction } from "@/lib/service-accounts/actions";

/**
 * Revoke one token of an account (detail page). The server checks the actor may manage its account. When it is
 * the account's last working token, the dialog says the account will then have none.
 */
export function RevokeTokenButton({ token, accountName, lastLive = false }: { token: { id: string; hint: string; name?: string }; accountName: string; lastLive?: boolean }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button ref={opener} variant="secondary" size="sm" className="text-red-700" onClick={() => setOpen(true)} aria-label={token.name ? `Revoke token ${token.hint} (${token.name})` : `Revoke token ${token.hint}`}>
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        returnFocusTo={opener}
        title={`Revoke token ${token.hint}?`}
        description={
          lastLive
            ? `It is refused from its very next use. This is the last working token of ${accountName}: afterwards the service account has no working token, and everything using it stops until you add a token. The account itself is kept.`
            : `It is refused from its very next use. The service account ${accountName} and its other tokens keep working.`
        }
        confirmLabel="Revoke token"
        action={() => revokeTokenAction({ tokenId: token.id })}
        successMessage={`Token ${token.hint} revoked`}
      />
    </>
  );
}
