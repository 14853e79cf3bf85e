"use client";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { lazyForm } from "@/components/ui/lazy-form";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import type { OwnerOption } from "@/lib/users/find-owner-options";
import { useRevealDialog } from "@/components/ui/use-reveal-dialog";
import { TOKEN_REVEAL_TITLE, TokenRevealPanel, type RevealedTokenView } from "./token-reveal-panel";

export type CreateTokenProps = {
  /** Roles the actor may grant, among SERVICE_ACCOUNT_ROLES. */
  grantableRoles: readonly ServiceAccountRole[];
  /** Given only to actors who may create accounts for someone else; otherwise the owner is the actor. */
  ownerOptions?: readonly OwnerOption[];
  actorId: string;
};

const { LazyForm: CreateTokenForm, usePreload } = lazyForm(() => import("./create-token-form").then((m) => m.CreateTokenForm));

/** `+ Create Token`: creates a service account with its first token, then shows the token once. */
export function CreateTokenDialog(props: CreateTokenProps) {
  const { open, onOpenChange, revealed, setRevealed } = useRevealDialog<{ name: string; token: RevealedTokenView }>();
  usePreload();

  return (
    <>
      <Button onClick={() => onOpenChange(true)}>
        <Plus className="size-4" aria-hidden />
        Create Token
      </Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        dismissible={!revealed}
        title={revealed ? TOKEN_REVEAL_TITLE : "Create new API token"}
        description={revealed ? `The access token for ${revealed.name}.` : "A service account is created with the token. It acts with the role you choose."}
      >
        {revealed ? (
          <TokenRevealPanel token={revealed.token} onDone={() => onOpenChange(false)} />
        ) : (
          <CreateTokenForm {...props} onCancel={() => onOpenChange(false)} onCreated={setRevealed} />
        )}
      </Dialog>
    </>
  );
}
